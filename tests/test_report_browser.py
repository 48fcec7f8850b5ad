"""The report in a real headless Chromium: no console errors, nothing fetched, every chart drawn
with its bars, the findings highlighted, and a screenshot kept as an artifact.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and selenium (the
``test`` extra); skipped, saying which is missing, elsewhere. ``AUDITOR_CHROMIUM`` and
``AUDITOR_CHROMEDRIVER`` point at other binaries. Screenshots go to ``AUDITOR_TEST_ARTIFACTS``
(default ``tests/artifacts/``, ignored by git).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from tests.conftest import ROOT
from tests.report_fixtures import empty_stats, full_stats

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("AUDITOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("AUDITOR_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
# chart -> (bars, bars of non-zero size): the language "und" kept no record, so one segment is empty
CHART_BARS = {"score": (10, 10), "quality": (5, 5), "rules": (5, 5), "languages": (8, 7), "reasons": (4, 4)}

CHART_GEOMETRY = """
const svg = document.querySelector(`svg[data-chart="${arguments[0]}"]`);
if (!svg) return null;
const box = svg.getBoundingClientRect();
const bars = [...svg.querySelectorAll('rect.bar')];
const label = document.getElementById(svg.getAttribute('aria-labelledby'));
return {width: box.width, height: box.height, bars: bars.length,
        drawn: bars.filter(b => b.getBoundingClientRect().height > 0 && b.getBoundingClientRect().width > 0).length,
        fill: bars.length ? getComputedStyle(bars[0]).fill : '', title: label ? label.textContent : ''};
"""


def artifacts_dir() -> Path:
    folder = Path(os.environ.get("AUDITOR_TEST_ARTIFACTS") or ROOT / "tests" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module, closed at its end."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    for what, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)):
        if not os.access(path, os.X_OK):
            pytest.skip(f"no {what} at {path}: apt-get install chromium chromium-driver "
                        f"(or set AUDITOR_{what.upper()})")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root inside its sandbox
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def open_report(browser, tmp_path: Path, stats: dict) -> Path:
    outdir = tmp_path / "run"
    outdir.mkdir()
    (outdir / "stats.json").write_text(json.dumps(stats), encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(outdir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    browser.get_log("browser")  # what an earlier page logged is not this page's
    browser.get((outdir / "report.html").as_uri())
    return outdir / "report.html"


def problems_logged(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def screenshot(browser, name: str) -> Path:
    """The whole page, past the window's height, as a PNG in the artifacts folder."""
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 10_000), "scale": 1}
    shot = browser.execute_cdp_cmd("Page.captureScreenshot",
                                   {"format": "png", "captureBeyondViewport": True, "clip": clip})
    path = artifacts_dir() / name
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"screenshot: {path}")
    return path


def test_the_report_renders_in_chromium_without_errors(browser, tmp_path):
    open_report(browser, tmp_path, full_stats())
    assert problems_logged(browser) == []
    assert browser.execute_script("return document.scripts.length") == 0  # the injected <script> is text
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0  # offline
    for chart_id, (bars, drawn) in CHART_BARS.items():
        geometry = browser.execute_script(CHART_GEOMETRY, chart_id)
        assert geometry, f"chart {chart_id} missing"
        assert geometry["width"] > 300 and geometry["height"] > 50, (chart_id, geometry)
        assert geometry["bars"] == bars and geometry["drawn"] == drawn, (chart_id, geometry)
        assert geometry["title"] and geometry["fill"] not in ("", "none", "rgb(0, 0, 0)"), (chart_id, geometry)
    path = screenshot(browser, "report-light.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_findings_are_highlighted_with_their_rule(browser, tmp_path):
    open_report(browser, tmp_path, full_stats())
    marks = browser.execute_script("""
        return [...document.querySelectorAll('#rejected .text mark')].map(m => ({
            rule: m.dataset.rule, text: m.textContent, title: m.title,
            width: m.getBoundingClientRect().width, background: getComputedStyle(m).backgroundColor}));""")
    glued = next(m for m in marks if m["rule"] == "glued-token")
    assert glued["text"] == "Khameneireiterated" and glued["width"] > 0
    assert glued["title"] == "glued-token: 'Khamenei' and 'reiterated' run together → Khamenei reiterated"
    assert all(m["background"] not in ("rgba(0, 0, 0, 0)", "transparent") for m in marks)
    hostile = next(m for m in marks if m["rule"] == "rule<img src=x>")
    assert hostile["text"] == '<script>console.error("injected")</script>'  # shown as text, never run
    assert len({m["background"] for m in marks}) >= 3  # rules are told apart by colour
    legend = browser.execute_script("return document.querySelectorAll('#rule-legend li').length")
    assert legend == 4


def test_dark_theme_and_an_empty_run_render_too(browser, tmp_path):
    open_report(browser, tmp_path, empty_stats())
    light = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        dark = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
        geometry = browser.execute_script(CHART_GEOMETRY, "score")
        screenshot(browser, "report-empty-dark.png")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert light != dark
    assert geometry["width"] > 300 and geometry["bars"] == 10 and geometry["drawn"] == 0  # zero-height bars
    assert problems_logged(browser) == []
    assert "Not round-tripped" in browser.find_element("id", "quality").text


def test_large_counts_and_fine_histograms_stay_inside_their_charts(browser, tmp_path):
    stats = full_stats()
    stats["languages"] = {"en": {"read": 98_765_432, "kept": 87_654_321, "rejected": 11_111_111},
                          "a-very-long-language-label-that-gets-cut": {"read": 5, "kept": 2, "rejected": 3}}
    stats["quality_histogram"] = {"edges": [i / 60 for i in range(61)], "counts": [i * 1000 for i in range(60)]}
    open_report(browser, tmp_path, stats)
    outside = browser.execute_script("""
        const out = [];
        for (const svg of document.querySelectorAll('svg.chart')) {
            const box = svg.getBoundingClientRect();
            for (const t of svg.querySelectorAll('text')) {
                const r = t.getBoundingClientRect();
                if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
                    out.push(svg.dataset.chart + ': ' + t.textContent);
            }
        }
        return out;""")
    assert outside == []
    assert browser.execute_script(CHART_GEOMETRY, "quality")["drawn"] == 59  # the first bin is empty
    assert problems_logged(browser) == []
