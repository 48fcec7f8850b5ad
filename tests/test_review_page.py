"""The review page at / in a real headless Chromium (Debian's chromium and chromedriver): paste a
planted sample, check, see the highlights, accept a fix, accept all of one rule, and find the
text right after each edit. A screenshot is kept in $AUDITOR_TEST_ARTIFACTS (else pytest's
temporary folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
webdriver = pytest.importorskip("selenium.webdriver")
httpx = pytest.importorskip("httpx")

from auditor.findings import Finding, Severity  # noqa: E402
from auditor.fix import apply_fixes  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402
from tests.service_helpers import RunningServer  # noqa: E402

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
                allow_module_level=True)

# Emoji first: the page must turn auditor's code-point offsets into JavaScript's UTF-16 ones.
SAMPLE = "Update 🎉📰 from the wire\n\n" + (SAMPLES / "en_planted.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server():
    running = RunningServer("--workers", "1")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1600,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def artifacts(tmp_path) -> Path:
    folder = Path(os.environ.get("AUDITOR_TEST_ARTIFACTS") or tmp_path / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _findings(server) -> list[Finding]:
    answer = httpx.post(server.url + "v1/check", json={"text": SAMPLE}, timeout=30).json()
    return [Finding(f["rule"], Severity.parse(f["severity"]), f["message"], f["start"], f["end"], f["suggestion"])
            for f in answer["files"][0]["findings"]]


def test_review_page_check_accept_and_accept_all(server, browser, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    findings = _findings(server)
    browser.get(server.url)
    source = browser.find_element(By.ID, "source")
    browser.execute_script("arguments[0].value = arguments[1];", source, SAMPLE)  # a paste
    browser.find_element(By.ID, "check").click()
    WebDriverWait(browser, 30).until(lambda d: "finding(s)" in d.find_element(By.ID, "status").text)

    marks = browser.find_elements(By.CSS_SELECTOR, "#review mark")
    highlighted = {(m.get_attribute("data-rule"), m.text) for m in marks}
    assert {("glued-token", "Benhaddoupraised"), ("doubled-word", "the the"), ("glued-token", "RotterdamThe"),
            ("missing-space", "morning.They")} <= highlighted
    assert len(browser.find_elements(By.CSS_SELECTOR, ".card")) == len(findings)

    def accept_card(rule: str) -> None:
        browser.find_element(By.CSS_SELECTOR, f'.card[data-rule="{rule}"] button.accept').click()

    def expect(rules: list[str]) -> None:
        chosen = [f for f in findings if f.rule in rules]
        wanted, _ = apply_fixes(SAMPLE, chosen)
        assert source.get_attribute("value") == wanted
        # Every highlight left still covers what its card says it covers: the spans moved right.
        for card in browser.find_elements(By.CSS_SELECTOR, ".card"):
            mark = browser.find_elements(By.CSS_SELECTOR, f'#review mark[data-id="{card.get_attribute("data-id")}"]')
            if mark:
                assert mark[0].text == card.find_element(By.CSS_SELECTOR, ".old").text

    accept_card("doubled-word")
    expect(["doubled-word"])
    accept_card("missing-space")
    expect(["doubled-word", "missing-space"])
    browser.find_element(By.CSS_SELECTOR, 'button.accept-all[data-rule="glued-token"]').click()
    expect(["doubled-word", "missing-space", "glued-token"])
    assert not browser.find_elements(By.CSS_SELECTOR, '.card[data-rule="glued-token"] button.accept')

    before = len(browser.find_elements(By.CSS_SELECTOR, ".card"))
    browser.find_element(By.CSS_SELECTOR, ".card button.dismiss").click()
    assert len(browser.find_elements(By.CSS_SELECTOR, ".card")) == before - 1
    expect(["doubled-word", "missing-space", "glued-token"])  # dismissing changes no text

    browser.save_screenshot(str(artifacts / "review-page.png"))
    assert (artifacts / "review-page.png").stat().st_size > 10_000
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_review_page_shows_an_api_error_in_place(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url)
    browser.find_element(By.ID, "check").click()  # nothing pasted
    status = browser.find_element(By.ID, "status")
    WebDriverWait(browser, 10).until(lambda d: status.text)
    assert "Nothing to check" in status.text and "error" in status.get_attribute("class")
