"""Review: verdicts from a file (`review apply`) and over HTTP, what they do to the views,
stale reviews after a rerun, exported gold scored by `zhfacts eval`, the app's safety
(token, host, no SQL, escaping, paging), and the app in headless Chromium (skipped without
chromium, chromedriver and selenium). A screenshot is copied to /tmp/zhfacts-review.png."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from store_helpers import ARTICLES, rerun, write_articles

from zhfacts.review.app import create_app
from zhfacts.store.add import add_output

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "璧山区<script>window.__pwned=1</script>新增企业<b>50</b>家<img src=x onerror=\"window.__pwned=2\">。\n"
FILLERS = {f"filler-{i:02d}": f"璧山区简讯\n\n2024年，璧山区新增科技型企业{100 + i}家。\n" for i in range(26)}
TOKEN = "test-token"


@pytest.fixture(scope="module")
def reviewed_run(tmp_path_factory, zhfacts) -> tuple[Path, Path]:
    """(output folder, store) of a run of the test articles, 26 short ones and a hostile one."""
    base = tmp_path_factory.mktemp("review")
    folder = write_articles(base / "articles")
    for doc_id, text in {**FILLERS, "hostile": HOSTILE}.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out, db = base / "out", base / "facts.duckdb"
    result = zhfacts("run", str(folder), "--out", str(out), "--jobs", "1", "--quiet", "--store", str(db))
    assert result.returncode == 0, result.stderr
    return out, db


@pytest.fixture
def store(reviewed_run, tmp_path) -> Path:
    copy = tmp_path / "facts.duckdb"
    shutil.copyfile(reviewed_run[1], copy)
    return copy


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def claim(db: Path, doc_id: str, text: str) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute("SELECT * FROM claims_reviewed WHERE doc_id = ? AND text = ?", [doc_id, text])
        names = [d[0] for d in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def span_of(doc_id: str, surface: str) -> tuple[int, int]:
    start = ARTICLES[doc_id].index(surface)
    return start, start + len(surface)


ADDED = {"district": "铜梁区", "metric": "充电桩", "value": 800, "unit": "根", "approx": "lower", "period": "2024"}


def decisions(db: Path) -> list[dict]:
    """Four verdicts written as a user would, and one the checks refuse."""
    start, end = span_of("tongliang", "八百余根")
    rate = claim(db, "jiang-b", "8.2%")
    return [
        {"id": claim(db, "jiang-a", "120家")["id"], "decision": "accept", "note": "checked"},
        {"doc_id": "jiang-b", "kind": "claims", "start": rate["start"], "end": rate["end"], "decision": "reject"},
        {"id": claim(db, "jiang-a", "3.6亿元")["id"], "decision": "correct", "fields": {"value": 370000000}},
        {"doc_id": "tongliang", "kind": "claims", "start": start, "end": end, "decision": "add", "fields": ADDED},
        {"id": claim(db, "jiang-a", "15.2%")["id"], "decision": "correct", "fields": {"district": "火星区"}},
    ]


def apply(zhfacts, db: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    path = tmp_path / "decisions.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in decisions(db)), encoding="utf-8")
    return zhfacts("review", "apply", str(path), "--db", str(db), "--reviewer", "tester")


def test_apply_records_verdicts_and_the_views_apply_them(store, zhfacts, tmp_path):
    result = apply(zhfacts, store, tmp_path)
    assert result.returncode == 3, result.stderr
    assert "4 verdicts recorded, 1 refused" in result.stdout
    assert "decisions.jsonl:5: district '火星区' is not a county-level district" in result.stderr
    reviews = query(store, "SELECT doc_id, kind, decision, fields, reviewer, note FROM reviews ORDER BY review_id")
    assert [r[:3] for r in reviews] == [("jiang-a", "claims", "accept"), ("jiang-b", "claims", "reject"),
                                        ("jiang-a", "claims", "correct"), ("tongliang", "claims", "add")]
    assert json.loads(reviews[2][3]) == {"value": 370000000.0} and reviews[0][4:] == ("tester", "checked")
    assert claim(store, "jiang-a", "120家")["review"] == "accepted"
    assert claim(store, "jiang-b", "8.2%")["review"] == "rejected"
    assert query(store, "SELECT count(*) FROM claims_current WHERE text = '8.2%'") == [(0,)]
    corrected = claim(store, "jiang-a", "3.6亿元")
    assert (corrected["value"], corrected["review"]) == (370000000.0, "corrected")
    added = claim(store, "tongliang", "八百余根")
    assert added["review"] in ("added", "corrected")  # corrected, should a later rule find the figure itself
    assert {k: added[k] for k in ADDED} == {**ADDED, "value": 800.0}
    assert added["adcode"] == "500151"  # filled in from the gazetteer
    assert query(store, "SELECT review FROM panel WHERE district = '綦江区' AND value = 120") == [("reviewed",)]


def test_a_rerun_keeps_reviews_and_a_changed_value_makes_one_stale(reviewed_run, store, zhfacts, tmp_path):
    out, _ = reviewed_run
    apply(zhfacts, store, tmp_path)
    later = rerun(out, tmp_path / "later", {"claims": "SELECT * REPLACE (CASE WHEN text = '120家' THEN 121.0 "
                                                      "ELSE value END AS value) FROM t"})
    assert add_output(store, later).batch_id == 2
    assert query(store, "SELECT DISTINCT batch_id FROM claims_base") == [(2,)]
    stale = claim(store, "jiang-a", "120家")
    assert (stale["value"], stale["review"]) == (121.0, "stale")  # shown as extracted, to be reviewed again
    assert claim(store, "jiang-a", "3.6亿元")["review"] == "corrected"
    assert claim(store, "jiang-b", "8.2%")["review"] == "rejected"
    assert claim(store, "tongliang", "八百余根")["review"] in ("added", "corrected")
    assert query(store, "SELECT review FROM panel WHERE district = '綦江区' AND value = 121") == [("stale",)]
    from starlette.testclient import TestClient

    app = TestClient(create_app(store, token=TOKEN, allowed_hosts=["testserver"]))
    listed = app.get("/api/documents", params={"show": "stale"}).json()["documents"]
    assert [(d["doc_id"], d["n_stale"]) for d in listed] == [("jiang-a", 1)]  # the app lists what went stale
    assert app.get("/api/progress").json()["claims"]["stale"] == 1


def test_a_reviewed_fact_that_a_rerun_lost_stays_listed_as_stale(reviewed_run, store, zhfacts, tmp_path):
    out, _ = reviewed_run
    apply(zhfacts, store, tmp_path)  # accepts 120家, corrects 3.6亿元 to 3.7亿, rejects 8.2%
    later = rerun(out, tmp_path / "later", {"claims": "SELECT * FROM t WHERE text NOT IN ('120家', '3.6亿元', '8.2%')"})
    add_output(store, later)
    lost = claim(store, "jiang-a", "120家")
    assert (lost["value"], lost["review"], lost["batch_id"]) == (120.0, "stale", 1)  # as the reviewer saw it
    assert claim(store, "jiang-a", "3.6亿元")["review"] == "stale"
    assert query(store, "SELECT count(*) FROM claims_reviewed WHERE text = '8.2%'") == [(0,)]  # rejected: gone
    # Accepting it again keeps it as an added fact, with the correction made earlier.
    again = [{"doc_id": "jiang-a", "kind": "claims", "start": lost["start"], "end": lost["end"], "decision": "accept"},
             {"id": claim(store, "jiang-a", "3.6亿元")["id"], "decision": "accept"}]
    path = tmp_path / "again.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in again), encoding="utf-8")
    assert zhfacts("review", "apply", str(path), "--db", str(store)).returncode == 0
    kept, corrected = claim(store, "jiang-a", "120家"), claim(store, "jiang-a", "3.6亿元")
    assert (kept["review"], kept["value"], kept["district"], kept["batch_id"]) == ("added", 120.0, "綦江区", 2)
    assert (corrected["review"], corrected["value"]) == ("added", 370000000.0)


def test_export_writes_gold_that_eval_scores(reviewed_run, store, zhfacts, tmp_path):
    out, _ = reviewed_run
    apply(zhfacts, store, tmp_path)
    gold = tmp_path / "gold"
    result = zhfacts("review", "export", "--db", str(store), "--gold", str(gold))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in gold.glob("*.json")) == ["jiang-a.json", "jiang-b.json", "tongliang.json"]
    files = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold.glob("*.json")}
    claims = {c["text"]: c for c in files["jiang-a"]["claims"]}
    assert claims["120家"]["reviewed"] and claims["3.6亿元"]["value"] == 370000000.0
    assert not claims["15.2%"]["reviewed"]  # nobody looked at it
    assert "8.2%" not in {c["text"] for c in files["jiang-b"]["claims"]}
    assert {"text": "八百余根", "district": "铜梁区", "value": 800.0, "unit": "根", "reviewed": True}.items() <= \
        next(c for c in files["tongliang"]["claims"] if c["text"] == "八百余根").items()
    for doc_id, g in files.items():
        raw = (gold / "articles" / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert raw == ARTICLES[doc_id] and g["doc_id"] == doc_id
        for kind in ("quantities", "organizations", "districts", "claims"):
            assert all(raw[item["start"]:item["end"]] == item["text"] for item in g[kind]), (doc_id, kind)
    scored = zhfacts("eval", str(out), "--gold", str(gold), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    scores = json.loads(scored.stdout)["claims"]
    found_by_run = "八百余根" in {c[0] for c in query(store, "SELECT text FROM claims_base")}
    # the run's 3.6亿元 and 8.2% are false alarms; 3.7亿 and (unless the run found it) 八百余根 are misses
    assert (scores["fp"], scores["fn"]) == (2, 1 + (not found_by_run))


# -- the app over HTTP ---------------------------------------------------------------------------------
@pytest.fixture
def client(store):
    from starlette.testclient import TestClient

    return TestClient(create_app(store, token=TOKEN, reviewer="web", allowed_hosts=["testserver"]))


def verdict_for(db: Path, doc_id: str, text: str, decision: str, **extra) -> dict:
    c = claim(db, doc_id, text)
    return {"sha256": c["sha256"], "kind": "claims", "start": c["start"], "end": c["end"], "decision": decision,
            **extra}


def test_the_page_carries_the_token_and_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200
    assert f'<meta name="zhfacts-token" content="{TOKEN}">' in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy


def test_writes_need_the_session_token(client, store):
    body = verdict_for(store, "jiang-a", "120家", "accept")
    assert client.post("/api/verdicts", json=body).status_code == 403
    assert client.post("/api/verdicts", json=body, headers={"X-Zhfacts-Token": "guess"}).status_code == 403
    assert query(store, "SELECT count(*) FROM reviews") == [(0,)]
    saved = client.post("/api/verdicts", json=body, headers={"X-Zhfacts-Token": TOKEN})
    assert saved.status_code == 200 and saved.json()["fact"]["review"] == "accepted"
    assert saved.json()["progress"]["claims"]["reviewed"] == 1
    assert query(store, "SELECT decision, reviewer FROM reviews") == [("accept", "web")]


def test_other_host_names_are_refused(client):
    assert client.get("/api/progress", headers={"Host": "attacker.example"}).status_code == 400


def test_bad_verdicts_are_refused_with_a_reason(client, store):
    headers = {"X-Zhfacts-Token": TOKEN}
    wrong = client.post("/api/verdicts", json=verdict_for(store, "jiang-a", "120家", "correct",
                                                          fields={"metric_key": "DROP TABLE reviews"}), headers=headers)
    assert wrong.status_code == 400 and "not in the metric vocabulary" in wrong.json()["error"]
    sql = client.post("/api/verdicts", json={"sql": "DELETE FROM reviews"}, headers=headers)
    assert sql.status_code == 400 and "decision must be one of" in sql.json()["error"]
    assert query(store, "SELECT count(*) FROM reviews") == [(0,)]


def test_documents_come_in_pages_and_filters(client):
    first, second = client.get("/api/documents").json(), client.get("/api/documents?page=1").json()
    assert (first["total"], first["pages"], len(first["documents"]), len(second["documents"])) == (30, 2, 25, 5)
    names = [d["doc_id"] for d in first["documents"] + second["documents"]]
    assert names == sorted(names) and len(set(names)) == 30
    jiang = client.get("/api/documents", params={"district": "綦江区"}).json()
    assert [d["doc_id"] for d in jiang["documents"]] == ["jiang-a", "jiang-b"]
    assert client.get("/api/documents", params={"show": "stale"}).json()["total"] == 0


def test_two_tabs_saving_at_once_lose_no_verdict(client, store):
    bodies = [verdict_for(store, f"filler-{i:02d}", f"{100 + i}家", "accept") for i in range(8)]
    answers: list[int] = []

    def save(body: dict) -> None:
        answers.append(client.post("/api/verdicts", json=body, headers={"X-Zhfacts-Token": TOKEN}).status_code)

    threads = [threading.Thread(target=save, args=(b,)) for b in bodies + bodies[:4]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [200] * 12
    assert query(store, "SELECT count(*), count(DISTINCT review_id) FROM reviews") == [(12, 12)]
    assert query(store, "SELECT count(*) FROM claims_current WHERE review = 'accepted'") == [(8,)]


# -- the app in a browser ---------------------------------------------------------------------------
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                   reason="chromium and chromedriver are not installed "
                                          "(Debian: apt-get install chromium chromium-driver)")
SHARED_SCREENSHOT = Path("/tmp/zhfacts-review.png")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(store):
    """`zhfacts review --db STORE` in its own process, as a user starts it."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "zhfacts", "review", "--db", str(store), "--port", str(port),
                                "--reviewer", "browser"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1500,950",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(driver, condition, timeout: float = 30):
    """The condition's first true value; elements the page re-rendered meanwhile are looked up again."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
    return wait.until(lambda d: condition(d))


def open_document(driver, doc_id: str) -> None:
    """Find the document with the document filter (it may be on any page), then open it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    search = driver.find_element(By.ID, "f-doc")
    search.clear()
    search.send_keys(doc_id, Keys.ENTER)

    def click_it(d) -> bool:
        item = next(li for li in d.find_elements(By.CSS_SELECTOR, "#doc-list li")
                    if li.find_element(By.CSS_SELECTOR, ".name").text == doc_id)
        item.click()  # a list re-rendered meanwhile raises, and the wait tries again
        return True

    settle(driver)
    wait_for(driver, click_it)
    wait_for(driver, lambda d: d.find_element(By.ID, "doc-title").text == doc_id)
    settle(driver)


def settle(driver) -> None:
    """Wait until the page has no request in flight."""
    wait_for(driver, lambda d: d.execute_script("return document.body.getAttribute('data-pending')") == "0")


def press(driver, text: str, button: str | None = None) -> None:
    """Click a fact's card (or one of its buttons), once the page is settled."""
    from selenium.webdriver.common.by import By

    settle(driver)

    def click_it(d) -> bool:
        card = fact_card(d, text)
        (card.find_element(By.CSS_SELECTOR, f"button.act-{button}") if button else card).click()
        return True

    wait_for(driver, click_it)


def fact_card(driver, text: str):
    from selenium.webdriver.common.by import By

    return wait_for(driver, lambda d: next((f for f in d.find_elements(By.CSS_SELECTOR, "#fact-list .fact")
                                            if f.find_element(By.CSS_SELECTOR, ".text").text == text), None))


def badge(driver, text: str) -> str:
    from selenium.webdriver.common.by import By

    return fact_card(driver, text).find_element(By.CSS_SELECTOR, ".badge").text


def select_text(driver, surface: str) -> None:
    """Select the characters of `surface` in the article, as a mouse drag would."""
    driver.execute_script("""
        var box = document.getElementById('doc-text'), surface = arguments[0];
        var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT), nodes = [], text = '';
        while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
        var at = text.indexOf(surface), end = at + surface.length, range = document.createRange();
        nodes.forEach(function (n) {
          var from = n[1], to = n[1] + n[0].data.length;
          if (at >= from && at < to) { range.setStart(n[0], at - from); }
          if (end > from && end <= to) { range.setEnd(n[0], end - from); }
        });
        var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    """, surface)


@needs_browser
def test_review_in_the_browser(server, browser, store, tmp_path, zhfacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server)
    wait_for(browser, lambda d: "of" in d.find_element(By.ID, "progress").text)
    # the documents' list comes by a request of its own, which may answer after the progress
    wait_for(browser, lambda d: d.find_element(By.ID, "page-info").text == "1 / 2")

    open_document(browser, "jiang-a")
    press(browser, "120家", "accept")  # by mouse
    wait_for(browser, lambda d: badge(d, "120家") == "accepted")

    press(browser, "15.2%")  # by keyboard
    browser.find_element(By.TAG_NAME, "body").send_keys("r")
    wait_for(browser, lambda d: badge(d, "15.2%") == "rejected")

    press(browser, "3.6亿元")
    browser.find_element(By.TAG_NAME, "body").send_keys("e")
    value = wait_for(browser, lambda d: d.find_element(By.ID, "edit-value"))
    value.clear()
    value.send_keys("370000000", Keys.ENTER)
    wait_for(browser, lambda d: badge(d, "3.6亿元") == "corrected")

    open_document(browser, "tongliang")
    select_text(browser, "八百余根")
    browser.find_element(By.TAG_NAME, "body").send_keys("m")
    for name, value in (("district", "铜梁区"), ("metric", "充电桩"), ("value", "800"), ("unit", "根"),
                        ("period", "2024")):
        browser.find_element(By.ID, f"edit-{name}").send_keys(value)
    browser.find_element(By.ID, "edit-note").send_keys("missed by the run", Keys.ENTER)
    wait_for(browser, lambda d: badge(d, "八百余根") in ("added", "corrected"))
    assert "claims: 4 of" in browser.find_element(By.ID, "progress").text

    open_document(browser, "hostile")  # its markup is text on the page, and runs nothing
    assert "<script>window.__pwned=1</script>" in browser.find_element(By.ID, "doc-text").text
    assert browser.execute_script("return window.__pwned") is None
    open_document(browser, "jiang-a")
    press(browser, "3.6亿元")
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot))
    shutil.copyfile(shot, SHARED_SCREENSHOT)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []

    reviews = query(store, "SELECT doc_id, decision, fields, reviewer, note FROM reviews ORDER BY review_id")
    assert [(r[0], r[1], r[3]) for r in reviews] == [("jiang-a", "accept", "browser"), ("jiang-a", "reject", "browser"),
                                                   ("jiang-a", "correct", "browser"),
                                                   ("tongliang", reviews[3][1], "browser")]
    assert json.loads(reviews[2][2]) == {"value": 370000000.0} and reviews[3][4] == "missed by the run"
    current = {t: (r, v) for t, r, v in query(store, "SELECT text, review, value FROM claims_current "
                                                     "WHERE doc_id IN ('jiang-a', 'tongliang')")}
    assert current["120家"] == ("accepted", 120.0) and current["3.6亿元"] == ("corrected", 370000000.0)
    assert "15.2%" not in current and current["八百余根"][1] == 800.0
    gold = tmp_path / "gold"
    assert zhfacts("review", "export", "--db", str(store), "--gold", str(gold)).returncode == 0
    exported = json.loads((gold / "tongliang.json").read_text(encoding="utf-8"))
    added = next(c for c in exported["claims"] if c["text"] == "八百余根")
    assert (added["district"], added["metric"], added["value"], added["unit"], added["reviewed"]) == (
        "铜梁区", "充电桩", 800.0, "根", True)


def test_the_reviewers_metric_keys_are_the_keys_claims_get():
    """The app's metric_key choices come from the same indicator vocabulary as the claims."""
    import zhfacts
    from zhfacts.review.vocabulary import metric_keys

    claims = zhfacts.extract_text("2025年上半年，潼南区新增科技型企业58家，地区生产总值增长6.1%。",
                                  pub_date="2025-08-01").records("claims")
    keys = {c["metric_key"] for c in claims}
    assert keys and None not in keys
    assert keys <= set(metric_keys())
