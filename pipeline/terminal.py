"""Text from inputs made safe to print on a terminal.

File names, JSONL ids and article text may hold control characters: ESC starts sequences a
terminal obeys (ESC]0;... sets the window title, ESC[2J clears the screen), and bidi
overrides reorder what is shown. Printed, each becomes its Python escape (\\x1b, \\u202e),
so the message shows what is there instead of acting on the terminal.
"""

from __future__ import annotations

import re

# C0 and C1 controls but tab and newline, DEL, and the bidi embedding/override/isolate marks
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """text with every terminal control character written as its escape sequence."""
    return UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# An ANSI/VT escape sequence: CSI (ESC [ ... final, or the 8-bit CSI), OSC (ESC ] ... BEL or
# ESC \), or a two-character ESC sequence. Never across a line break.
CONTROL_SEQUENCE = re.compile("(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"
                              "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)?"
                              "|\x1b[ -Z\\\\-~]")


def blank_control_sequences(text: str) -> str:
    """text with each terminal control sequence (ESC[31m ...) replaced by as many ESC
    characters: the same length, so offsets hold, and none of it read as text (31 metres)."""
    if "\x1b" not in text and "\x9b" not in text and "\x9d" not in text:
        return text
    return CONTROL_SEQUENCE.sub(lambda m: "\x1b" * len(m.group()), text)
