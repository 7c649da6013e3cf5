"""A synthetic benchmark corpus built from the bundled articles, deterministically.

The bundled articles' sentences are shuffled, their figures varied (same number of digits,
new values) and regrouped into articles of a few paragraphs, until the corpus has the
characters asked for. The same seed gives the same corpus on any machine.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "articles"
SENTENCE = re.compile(r"[^。！？]*[。！？][”’」』）)]*|[^。！？]+$", re.S)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
DEFAULT_SEED = 20250601


def bundled_sentences() -> list[str]:
    sentences = []
    for path in sorted(BUNDLED.glob("*.txt")):
        for piece in SENTENCE.findall(path.read_text(encoding="utf-8")):
            piece = piece.strip()
            if len(piece) >= 4:
                sentences.append(piece)
    return sentences


def vary_numbers(sentence: str, rng: random.Random) -> str:
    """Every figure replaced by another with as many digits (years stay plausible: 4 digits)."""

    def new_value(m: re.Match[str]) -> str:
        whole, _, frac = m.group(0).partition(".")
        digits = str(rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 0, 10 ** len(whole) - 1))
        if len(whole) == 4 and whole.startswith("20"):
            digits = str(rng.randint(2015, 2026))
        return digits + ("." + "".join(str(rng.randint(0, 9)) for _ in frac) if frac else "")

    return NUMBER.sub(new_value, sentence)


def synthetic_articles(min_chars: int, seed: int = DEFAULT_SEED) -> list[str]:
    """Articles of 2-5 paragraphs of 2-6 shuffled, varied sentences, min_chars in all."""
    rng = random.Random(seed)
    pool = bundled_sentences()
    articles, total = [], 0
    while total < min_chars:
        paragraphs = []
        for _ in range(rng.randint(2, 5)):
            paragraphs.append("".join(vary_numbers(rng.choice(pool), rng) for _ in range(rng.randint(2, 6))))
        title = vary_numbers(rng.choice(pool), rng)[:24].rstrip("。！？，、")
        article = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        articles.append(article)
        total += len(article)
    return articles


def write_corpus(folder: Path, min_chars: int, seed: int = DEFAULT_SEED) -> tuple[int, int]:
    """Write the synthetic articles as folder/bench#####.txt; returns (documents, characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = synthetic_articles(min_chars, seed)
    for n, article in enumerate(articles):
        (folder / f"bench{n:05d}.txt").write_text(article, encoding="utf-8")
    return len(articles), sum(map(len, articles))
