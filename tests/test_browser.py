"""The report in a real browser: headless Chromium, driven by selenium and chromedriver.

Skipped when chromium, chromedriver or selenium is missing (Debian: apt-get install chromium
chromium-driver; pip install selenium). The network is closed, so Chromium starts without
any background traffic and with a fresh profile. A screenshot is kept under the test's tmp
folder and copied to /tmp/zhfacts-report.png (and, of a synthetic run with 10,000 claims, to
/tmp/zhfacts-report-10000-claims.png) for a person to look at.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import load_audit_fixture

from zhfacts.audit.report import write_report

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="chromium and chromedriver are not installed "
                                       "(Debian: apt-get install chromium chromium-driver)")
SHARED_SCREENSHOT = Path("/tmp/zhfacts-report.png")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000")


fixture = load_audit_fixture()


@pytest.fixture(scope="module")
def report_url(tmp_path_factory) -> str:
    run = fixture.build_run(tmp_path_factory.mktemp("run"))
    return write_report(run, tmp_path_factory.mktemp("report") / "report.html").as_uri()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, report_url):
    browser.get(report_url)
    return browser


def visible_claims(driver) -> list[tuple[str, str, str, str]]:
    """(district, metric, value, document) of the claim rows the filters let through, in order."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#claims-table tbody tr")
    return [(r.get_attribute("data-district"), r.get_attribute("data-metric"),
             r.find_element(By.CSS_SELECTOR, "td.value").text, r.find_element(By.CSS_SELECTOR, "td.doc").text)
            for r in rows if r.is_displayed()]


SEED004_CLAIMS = [
    ("永川区", "新增市级专精特新企业", "53", "seed004"),
    ("永川区", "市级专精特新企业总量", "210", "seed004"),
    ("潼南区", "新孵化科技初创企业", "10", "seed004"),
    ("潼南区", "新增科技型企业", "168", "seed004"),
    ("潼南区", "市级及以上科技计划项目", "45", "seed004"),
]


def test_page_loads_without_errors_and_runs_no_article_script(page):
    assert page.execute_script("return window.__pwned") is None
    assert [e for e in page.get_log("browser") if e["level"] == "SEVERE"] == []
    assert page.find_element(By.ID, "claims-count").text == "10 of 10 claims"  # the page's own script ran


def test_claims_table_shows_the_rows_of_a_bundled_article(page):
    assert [c for c in visible_claims(page) if c[3] == "seed004"] == SEED004_CLAIMS


def test_filtering_by_district_and_metric(page):
    Select(page.find_element(By.ID, "filter-district")).select_by_value("潼南区")
    assert visible_claims(page) == [c for c in SEED004_CLAIMS if c[0] == "潼南区"]
    assert page.find_element(By.ID, "claims-count").text == "3 of 10 claims"
    Select(page.find_element(By.ID, "filter-district")).select_by_value("")
    Select(page.find_element(By.ID, "filter-metric")).select_by_value("新增科技型企业")
    assert sorted(c[0] for c in visible_claims(page)) == ["潼南区", "綦江区", "綦江区", "綦江区"]
    page.find_element(By.ID, "filter-text").send_keys("135")
    assert [c[2] for c in visible_claims(page)] == ["135"]


def test_sorting_by_value_is_numeric(page):
    Select(page.find_element(By.ID, "filter-district")).select_by_value("潼南区")
    header = page.find_element(By.XPATH, "//table[@id='claims-table']//th[button[text()='value']]/button")
    header.click()
    assert [c[2] for c in visible_claims(page)] == ["10", "45", "168"]
    header.click()
    assert [c[2] for c in visible_claims(page)] == ["168", "45", "10"]


def test_a_claim_link_opens_its_span_and_the_side_panel(page, tmp_path):
    Select(page.find_element(By.ID, "filter-district")).select_by_value("潼南区")
    page.save_screenshot(str(tmp_path / "claims-filtered.png"))
    link = next(a for a in page.find_elements(By.CSS_SELECTOR, "#claims-table a.goto") if a.is_displayed())
    link.click()
    panel = page.find_element(By.ID, "panel-body").text
    assert "claim · 潼南区 · 10家" in panel
    for expected in ("新孵化科技初创企业", "2025-H1", "paragraph", "claim.sentence"):
        assert expected in panel
    selected = page.find_elements(By.CSS_SELECTOR, ".seg.sel")
    assert [s.text for s in selected] == ["10家"] and selected[0].is_displayed()
    shot = tmp_path / "report.png"
    assert page.save_screenshot(str(shot))
    shutil.copyfile(shot, SHARED_SCREENSHOT)


def test_clicking_a_hostile_span_shows_its_values_as_text(page):
    span = next(s for s in page.find_elements(By.CSS_SELECTOR, ".seg") if "window.__pwned=1" in s.text)
    page.execute_script("arguments[0].scrollIntoView({block: 'center'});", span)
    span.click()
    panel = page.find_element(By.ID, "panel-body").text
    assert "</script><script>window.__pwned=7</script>" in panel and fixture.HOSTILE_RULE in panel
    assert page.execute_script("return window.__pwned") is None


def test_layers_can_be_hidden(page):
    box = page.find_element(By.CSS_SELECTOR, "input.layer[value=claims]")
    box.click()
    assert "hide-claims" in page.find_element(By.TAG_NAME, "body").get_attribute("class").split()
    bar = page.find_element(By.CSS_SELECTOR, ".L-claims")
    assert bar.value_of_css_property("border-bottom-color") == "rgba(0, 0, 0, 0)"


def test_the_claims_table_fits_and_its_metric_reads_as_a_phrase(page) -> None:
    """At 1400 px, every column is visible (the rule column is not cut off) and the metric
    column holds about ten characters a line, not three."""
    fits = page.execute_script("var t = document.getElementById('claims-table');"
                               "return t.scrollWidth <= t.parentElement.clientWidth;")
    assert fits
    metric = page.find_element(By.CSS_SELECTOR, "#claims-table td.metric")
    size = page.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize);", metric)
    assert metric.size["width"] >= 10 * size
    assert page.execute_script("return document.documentElement.lang;") == "zh-CN"


def test_a_page_of_a_large_report_opens_on_the_claim_linked_to(browser, tmp_path, monkeypatch) -> None:
    from zhfacts.audit import report

    run = fixture.build_run(tmp_path / "run")
    rows = [json.loads(line) for line in (run / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    (run / "documents.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(
        rows, key=lambda r: r["doc_id"])), encoding="utf-8")
    monkeypatch.setattr(report, "PAGE_DOCS", 1)
    browser.get(write_report(run, tmp_path / "report" / "report.html").as_uri())
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#claims-table td.doc a") if a.is_displayed())
    link.click()
    assert "-pages/page-" in browser.current_url
    marked = browser.find_elements(By.CSS_SELECTOR, ".seg.sel")
    assert marked and browser.find_elements(By.CSS_SELECTOR, "#panel-body .card")


LARGE_SCREENSHOT = Path("/tmp/zhfacts-report-10000-claims.png")


@pytest.fixture(scope="module")
def large_report_url(tmp_path_factory) -> str:
    """A synthetic run of 200 documents with 50 claims each: 10,000 claims on the main page."""
    run = fixture.build_large_run(tmp_path_factory.mktemp("large-run"), n_docs=200, per_doc=50)
    return write_report(run, tmp_path_factory.mktemp("large-report") / "report.html").as_uri()


def claim_rows_in_document(driver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, "#claims-table tbody tr"))


def page_claims(driver) -> list[tuple[str, str, str, str]]:
    """visible_claims in one call: (district, metric, value, document) of the rows shown."""
    rows = driver.execute_script(
        "return Array.from(document.querySelectorAll('#claims-table tbody tr')).filter(function (r) {"
        "  return r.offsetParent !== null; }).map(function (r) { return [r.getAttribute('data-district'),"
        "  r.getAttribute('data-metric'), r.querySelector('td.value').innerText, r.querySelector('td.doc').innerText];"
        "});")
    return [tuple(r) for r in rows]


def test_ten_thousand_claims_open_on_their_first_page(browser, large_report_url, tmp_path) -> None:
    browser.get(large_report_url)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert browser.find_element(By.ID, "claims-count").text == "10000 of 10000 claims"
    assert browser.find_element(By.ID, "claims-where").text == "rows 1–100 of 10000 · page 1 of 100"
    assert claim_rows_in_document(browser) == 100  # one page is in the document, not 10,000 rows
    first = page_claims(browser)
    assert len(first) == 100 and {c[0] for c in first} == {"九龙坡区"}  # sorted by district first
    assert browser.find_element(By.ID, "claims-prev").get_attribute("disabled") is not None
    shot = tmp_path / "claims-10000.png"
    assert browser.save_screenshot(str(shot))
    shutil.copyfile(shot, LARGE_SCREENSHOT)
    Select(browser.find_element(By.ID, "filter-metric")).select_by_value("国家级科技企业孵化器和众创空间")
    assert browser.find_element(By.ID, "claims-count").text == "1000 of 10000 claims"
    metric = browser.find_element(By.CSS_SELECTOR, "#claims-table td.metric")
    size = browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize);", metric)
    assert metric.size["width"] >= 10 * size  # the longest metric reads as a phrase, not three characters a line
    assert browser.execute_script("var t = document.getElementById('claims-table');"
                                  "return t.scrollWidth <= t.parentElement.clientWidth;")


def test_ten_thousand_claims_page_through(browser, large_report_url) -> None:
    browser.get(large_report_url)
    first_page = page_claims(browser)
    browser.find_element(By.ID, "claims-next").click()
    assert browser.find_element(By.ID, "claims-where").text == "rows 101–200 of 10000 · page 2 of 100"
    second_page = page_claims(browser)
    assert len(second_page) == 100 and not set(second_page) & set(first_page)
    browser.find_element(By.ID, "claims-last").click()
    assert browser.find_element(By.ID, "claims-where").text == "rows 9901–10000 of 10000 · page 100 of 100"
    assert browser.find_element(By.ID, "claims-next").get_attribute("disabled") is not None
    Select(browser.find_element(By.ID, "claims-size")).select_by_value("1000")
    assert browser.find_element(By.ID, "claims-where").text == "rows 9001–10000 of 10000 · page 10 of 10"
    assert claim_rows_in_document(browser) == 1000
    browser.find_element(By.ID, "claims-first").click()
    assert page_claims(browser)[:100] == first_page


def test_ten_thousand_claims_filter_and_sort(browser, large_report_url) -> None:
    browser.get(large_report_url)
    Select(browser.find_element(By.ID, "filter-district")).select_by_value("渝北区")
    assert browser.find_element(By.ID, "claims-count").text == "500 of 10000 claims"
    assert browser.find_element(By.ID, "claims-where").text == "rows 1–100 of 500 · page 1 of 5"
    assert {c[0] for c in page_claims(browser)} == {"渝北区"}
    header = browser.find_element(By.XPATH, "//table[@id='claims-table']//th[button[text()='value']]/button")
    header.click()
    assert [c[2] for c in page_claims(browser)[:3]] == ["1", "21", "41"]
    header.click()
    assert [c[2] for c in page_claims(browser)[:3]] == ["9,981", "9,961", "9,941"]
    Select(browser.find_element(By.ID, "filter-metric")).select_by_value("规模以上工业企业研发机构")
    assert browser.find_element(By.ID, "claims-where").text == "no rows" and page_claims(browser) == []
    Select(browser.find_element(By.ID, "filter-district")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-metric")).select_by_value("")
    browser.find_element(By.ID, "filter-text").send_keys("7777家")
    assert [(c[0], c[2]) for c in page_claims(browser)] == [("潼南区", "7,777")]
    link = browser.find_element(By.CSS_SELECTOR, "#claims-table td.doc a")
    assert link.text == "bulk0155"
    link.click()
    assert browser.current_url.split("/")[-1].startswith("page-0002.html#r")
    assert "7777家" in browser.find_element(By.ID, "panel-body").text
