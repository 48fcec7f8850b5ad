"""`auditor report`: the HTML page from stats.json (sections, charts, escaping, empty runs) and
the command's error paths. The page in a real browser is tests/test_report_browser.py."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.report import StatsError, load_stats, render_report, validate
from auditor.report.highlight import highlight, shown
from tests.conftest import ROOT
from tests.report_fixtures import HOSTILE, empty_stats, full_stats

CHART_BARS = {"score": 10, "quality": 5, "rules": 5, "languages": 8, "reasons": 4}
SECTIONS = ("summary", "score", "quality", "rules", "languages", "reasons", "entities", "rejected")


class Elements(HTMLParser):
    """Every element of a page, with its attributes, as a browser's tokenizer sees them."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}


def page_of(stats: dict) -> str:
    return render_report(validate(stats))


def chart(page: str, chart_id: str) -> str:
    match = re.search(rf'<svg class="chart" id="chart-{chart_id}".*?</svg>', page, re.S)
    assert match, f"no chart {chart_id}"
    return match.group(0)


def test_every_section_and_chart_is_there_with_its_bars_and_title():
    page = page_of(full_stats())
    ids = {attrs.get("id") for _, attrs in Elements(page).elements}
    assert set(SECTIONS) <= ids
    for chart_id, bars in CHART_BARS.items():
        svg = chart(page, chart_id)
        assert f'data-chart="{chart_id}"' in svg and f'aria-labelledby="chart-{chart_id}-title"' in svg
        assert re.search(rf'<title id="chart-{chart_id}-title">[^<]+</title>', svg)
        assert svg.count('<rect class="bar ') == bars, chart_id
    assert 'id="entity-clusters"' in page and "Ali Khameini (2)" in page


def test_summary_shows_totals_shares_speed_and_provenance():
    page = page_of(full_stats())
    for shown_text in ("1,000", "kept (82.0%)", "rejected (18.0%)", "12.5 s", "80.0", "0.91",
                       "sha256:3f1c9a0d", "corpus/wire-2024.jsonl.gz", "local × 2 workers", "0.9.0"):
        assert shown_text in page, shown_text
    assert 'role="alert"' not in page  # 820 + 180 = 1,000: nothing to warn about


def test_totals_that_do_not_add_up_are_flagged():
    stats = full_stats()
    stats["kept"] = 810
    assert "10 records unaccounted for" in page_of(stats)


def test_untrusted_strings_are_inert_everywhere():
    page = page_of(full_stats())
    assert HOSTILE not in page and "<b>" not in page and "<img" not in page
    elements = Elements(page)
    assert not elements.tags() & {"script", "img", "b", "i", "iframe", "object"}
    assert not any(name.startswith("on") for _, attrs in elements.elements for name in attrs)
    assert "&lt;script&gt;console.error(&quot;injected&quot;)&lt;/script&gt;" in page
    # Nothing may load or run even if some string escaped the escaping.
    policy = next(a["content"] for t, a in elements.elements if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert not re.search(r'(src|href)="(?!#)', page)  # no external resource, only in-page links


def test_findings_are_marked_in_place_with_rule_and_message():
    page = page_of(full_stats())
    marks = [attrs for tag, attrs in Elements(page).elements if tag == "mark"]
    glued = next(m for m in marks if m["data-rule"] == "glued-token")
    assert glued["title"] == "glued-token: 'Khamenei' and 'reiterated' run together → Khamenei reiterated"
    assert re.search(r'<mark class="rule-\d" data-rule="glued-token" [^>]*>Khameneireiterated</mark>', page)
    furniture = next(m for m in marks if m["data-rule"] == "page-furniture")
    assert furniture["title"].endswith("→ (delete)")
    hostile = next(m for m in marks if m["data-rule"] == "rule<img src=x>")
    assert hostile["title"].startswith("rule<img src=x>: " + HOSTILE)  # attribute decoded = the message
    assert {m["data-rule"] for m in marks} == {"glued-token", "page-furniture", "rule<img src=x>", "truncated-name"}
    assert 'id="rule-legend"' in page
    assert "1 more finding past the text shown." in page  # the finding at 5000 is beyond the text


def test_overlapping_and_empty_findings_nest_without_crossing():
    text = "Ali Khameneireiterated it."
    findings = [{"rule": "a", "start": 4, "end": 22, "message": "outer", "suggestion": None},
                {"rule": "b", "start": 4, "end": 12, "message": "inner", "suggestion": "x"},
                {"rule": "c", "start": 25, "end": 25, "message": "missing quote", "suggestion": "'"},
                {"rule": "d", "start": 20, "end": 99, "message": "truncated", "suggestion": None}]
    visible = shown(text, findings)
    assert [f["rule"] for f in visible] == ["b", "a", "c"]
    html = highlight(text, visible, lambda rule: f"rule-{rule}")
    assert re.sub(r"<[^>]+>", "", html).replace("‸", "") == text
    assert html.count("<mark") == html.count("</mark>") == 3
    assert '<mark class="rule-b overlap" data-rule="a b" title="b: inner → x\na: outer">Khamenei</mark>' in html
    assert '<mark class="rule-a" data-rule="a" title="a: outer">reiterated</mark>' in html
    assert html.endswith('it<mark class="rule-c point" data-rule="c" title="c: missing quote → &#x27;">‸</mark>.')


def test_an_empty_corpus_renders_zeros_and_says_what_is_missing():
    page = page_of(empty_stats())
    assert svg_bars(chart(page, "score")) == 10  # flat bars, axes drawn, no division by zero
    for said in ("Not round-tripped", "No findings.", "No languages were recorded.", "No record was rejected.",
                 "No rejected records were sampled.", "The run read no records.", "No records were scored."):
        assert said in page, said
    assert "kept (–)" in page and 'data-chart="rules"' not in page


def test_a_missing_quality_histogram_is_a_note_not_a_chart():
    stats = full_stats()
    del stats["quality_histogram"]
    page = page_of(stats)
    assert 'data-chart="quality"' not in page and "Not round-tripped" in page


def svg_bars(svg: str) -> int:
    return svg.count('<rect class="bar ')


def test_only_version_and_totals_are_required():
    stats = validate({"version": 1, "read": 2, "kept": 1, "rejected": 1})
    assert stats["rules"] == {} and stats["quality_histogram"] is None and stats["score_histogram"]["counts"] == [0] * 10
    assert "Not round-tripped" in render_report(stats)


@pytest.mark.parametrize("data, message", [
    ([], "expected a JSON object, found a list"),
    ({"read": 1}, "no 'version'"),
    ({"version": 2, "read": 1, "kept": 1, "rejected": 0}, "version 2 is not supported"),
    ({"version": 1, "read": 1, "kept": 1}, "missing 'rejected'"),
    ({"version": 1, "read": -1, "kept": 0, "rejected": 0}, "read: expected a count"),
    ({"version": 1, "read": 1, "kept": 1, "rejected": 0, "rules": {"x": "3"}}, "rules.x: expected a count"),
    ({"version": 1, "read": 1, "kept": 1, "rejected": 0, "score_histogram": {"edges": [0, 1], "counts": [1, 2]}},
     "2 counts need 3 edges"),
    ({"version": 1, "read": 1, "kept": 1, "rejected": 0, "rejected_sample": [{"id": "a", "text": 3}]},
     "rejected_sample[0].text: expected a string, found a number"),
    ({"version": 1, "read": 1, "kept": 1, "rejected": 0,
      "rejected_sample": [{"text": "t", "findings": [{"rule": "r", "start": 0}]}]},
     "rejected_sample[0].findings[0]: missing 'end'"),
])
def test_malformed_stats_are_refused_naming_the_field(data, message):
    with pytest.raises(StatsError, match=re.escape(message)):
        validate(data)


# The command

def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "stats.json").write_text(json.dumps(full_stats()), encoding="utf-8")
    return folder


def test_report_writes_outdir_report_html_by_default(outdir):
    result = run(["report", str(outdir)])
    assert result.exit_code == 0, result.output
    page = (outdir / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>auditor report: out</title>" in page
    assert result.stderr == f"auditor: wrote {outdir / 'report.html'} (1,000 read, 820 kept, 180 rejected)\n"


def test_report_to_a_named_file_and_to_standard_output(outdir, tmp_path):
    target = tmp_path / "elsewhere.html"
    assert run(["report", str(outdir), "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == load_page(outdir)
    result = run(["report", str(outdir), "-o", "-"])
    assert result.exit_code == 0 and result.stdout == target.read_text(encoding="utf-8")
    assert not (outdir / "report.html").exists()


def load_page(outdir: Path) -> str:
    return render_report(load_stats(outdir / "stats.json"), title=f"auditor report: {outdir.name}")


@pytest.mark.parametrize("setup, message", [
    (lambda d: d / "missing", "missing: no such directory"),
    (lambda d: _file(d / "a-file", "x"), "a-file: not a directory"),
    (lambda d: _dir(d / "nostats"), "stats.json: not found; `auditor clean ... -o"),
    (lambda d: _stats(d, "{not json"), "stats.json: not valid JSON (Expecting property name"),
    (lambda d: _stats(d, b"\xff\xfe{}"), "stats.json: not UTF-8 text"),
    (lambda d: _stats(d, '{"version": 7, "read": 0, "kept": 0, "rejected": 0}'), "version 7 is not supported"),
    (lambda d: _stats(d, '{"version": 1, "read": "many", "kept": 0, "rejected": 0}'), "read: expected a count"),
])
def test_errors_are_one_line_and_exit_2(tmp_path, setup, message):
    target = setup(tmp_path)
    result = run(["report", str(target)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("auditor: error: ")
    assert message in result.stderr


def test_an_unwritable_report_is_one_line_and_exit_2(outdir):
    (outdir / "report.html").write_text("old", encoding="utf-8")
    os.chmod(outdir / "report.html", 0o444)
    result = run(["report", str(outdir)])
    assert result.exit_code == 2 and "read-only file" in result.stderr and result.stderr.count("\n") == 1
    assert (outdir / "report.html").read_text(encoding="utf-8") == "old"


@pytest.mark.slow
def test_the_installed_command_fails_without_a_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "auditor", "report", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"auditor: error: {tmp_path / 'stats.json'}: not found; `auditor clean ... -o {tmp_path}` " \
                          "writes it at the end of a run\n"


def _file(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def _dir(path: Path) -> Path:
    path.mkdir()
    return path


def _stats(folder: Path, content: str | bytes) -> Path:
    target = _dir(folder / "run")
    data = content.encode("utf-8") if isinstance(content, str) else content
    (target / "stats.json").write_bytes(data)
    return target
