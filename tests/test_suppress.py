"""Allowlists and inline suppressions: what a user said is not to be reported."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from auditor import Checker, check_text
from auditor.cli import cli
from auditor.config import ConfigError, load_config
from auditor.fix import fix_text
from tests.conftest import SAMPLES

PLANTED = (SAMPLES / "en_planted.txt").read_text(encoding="utf-8")


def found(text, **kw):
    return [(f.rule, text[f.start:f.end]) for f in check_text(text, language="en", **kw).findings]


def test_an_allowed_name_is_never_flagged_but_a_glued_one_still_is():
    before = found(PLANTED)
    assert ("name-variant", "Benhado") in before and ("truncated-name", "Vandersloo") in before
    after = found(PLANTED, allow=["Benhado", "Vandersloo"])
    assert ("name-variant", "Benhado") not in after and ("truncated-name", "Vandersloo") not in after
    # Allowing a name does not allow it glued to the next word ...
    assert ("glued-token", "Benhaddoupraised") in found(PLANTED, allow=["Benhaddou"])
    # ... and the rest of the report is untouched.
    assert [x for x in before if x[1] not in ("Benhado", "Vandersloo")] == after


def test_allowlist_matches_whole_words_case_sensitively_and_multi_word_entries():
    text = "Officials said Benhaddoupraised the crew on Monday."
    assert found(text, allow=["Benhaddoupraised"]) == []
    assert found(text, allow=["benhaddoupraised"]) == [("glued-token", "Benhaddoupraised")]
    assert found(text, allow=["Benhaddou"]) == [("glued-token", "Benhaddoupraised")]
    assert found(text, allow=["said Benhaddoupraised"]) == []  # the finding lies inside the entry
    spanish = "The fire chief said the fire in Bruselas was under control."
    assert ("wrong-language", "Bruselas") in found(spanish)
    assert found(spanish, allow=["Bruselas"]) == []


def test_fix_leaves_allowed_words_alone():
    checker = Checker(allow=["Benhado"])
    result = fix_text(PLANTED, lambda t: checker.check(t, "-", "en"))
    assert "Benhado also said" in result.text and "Benhaddou praised" in result.text


def test_config_allow_and_allow_file(tmp_path):
    (tmp_path / "names.txt").write_text("# house names\nBenhado  # a real person\n\nVandersloo\n", encoding="utf-8")
    (tmp_path / "auditor.toml").write_text('allow = ["Bruselas"]\nallow-file = "names.txt"\n', encoding="utf-8")
    config = load_config(cwd=tmp_path)
    assert config.allow == ["Bruselas"] and config.allow_file == str(tmp_path / "names.txt")
    story = tmp_path / "story.txt"
    story.write_text(PLANTED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story), "--config", str(tmp_path / "auditor.toml"),
                                      "--format", "json"])
    texts = [f["text"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert "Benhaddoupraised" in texts
    assert not {"Benhado", "Vandersloo", "Bruselas"} & set(texts)


@pytest.mark.parametrize("toml, message", [
    ('allow = "Benhado"', "'allow' must be a list of words or names"),
    ('allow = ["", "x"]', "'allow' must be a list of words or names"),
    ("allow-file = 3", "'allow-file' must be the path of an allowlist file"),
    ('alow = ["x"]', "unknown key 'alow' (did you mean 'allow'?)"),
])
def test_bad_allow_settings_are_config_errors(tmp_path, toml, message):
    (tmp_path / "auditor.toml").write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(cwd=tmp_path)


def test_missing_allow_file_is_one_line_exit_2(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(PLANTED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story), "--allow-file", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "allowlist file not found" in result.output
    assert result.output.count("\n") == 1
    (tmp_path / "names.txt").write_text("Benhado\n", encoding="utf-8")
    ok = CliRunner().invoke(cli, ["check", str(story), "--allow-file", str(tmp_path / "names.txt"), "--format", "json"])
    assert "Benhado" not in [f["text"] for f in json.loads(ok.output)["files"][0]["findings"]]


GLUED_LINES = [
    "Officials said Benhaddoupraised the crew on Monday.",
    "The minister arrived on Tuesday.Then she left.",
    "Later Okafortold reporters that the port was closed.",
]


def lines_text(*lines):
    return "\n".join(lines) + "\n"


def test_disable_and_enable_blocks_by_rule_and_for_every_rule():
    a, b, c = GLUED_LINES
    text = lines_text("<!-- auditor-disable glued-token -->", a, b, "<!-- auditor-enable -->", c)
    assert [r for r, _ in found(text)] == ["missing-space", "glued-token"]
    assert found(text)[1][1] == "Okafortold"
    everything = lines_text("<!-- auditor-disable -->", a, b, "<!-- auditor-enable -->", c)
    assert found(everything) == [("glued-token", "Okafortold")]
    never_enabled = lines_text(a, "<!-- auditor-disable glued-token, missing-space -->", b, c)
    assert found(never_enabled) == [("glued-token", "Benhaddoupraised")]
    # every rule off, then one rule back on
    partly = lines_text("<!-- auditor-disable -->", a, "<!-- auditor-enable glued-token -->", b, c)
    assert found(partly) == [("glued-token", "Okafortold")]


def test_next_line_and_same_line_directives():
    a, b, c = GLUED_LINES
    text = lines_text("<!-- auditor-disable-next-line glued-token -->", a, b, c)
    assert [t for _, t in found(text)] == ["Tuesday.Then", "Okafortold"]
    same = lines_text(a + " <!-- auditor-disable-line -->", b, c)
    assert [t for _, t in found(same)] == ["Tuesday.Then", "Okafortold"]
    other_rule = lines_text("<!-- auditor-disable-next-line missing-space -->", a)
    assert found(other_rule) == [("glued-token", "Benhaddoupraised")]


def test_an_unknown_rule_in_a_suppression_is_reported_and_suppresses_nothing():
    a = GLUED_LINES[0]
    text = lines_text("<!-- auditor-disable glued-tokens -->", a)
    report = check_text(text, language="en")
    assert [(f.rule, f.start) for f in report.findings] == [("bad-suppression", 0), ("glued-token", text.index("Benh"))]
    assert "did you mean 'glued-token'?" in report.findings[0].message
    assert found(text, ignore=["bad-suppression"]) == [("glued-token", "Benhaddoupraised")]
    # In Markdown and HTML the comment is markup, yet the misspelt id is still reported there.
    for markup in ("markdown", "html"):
        marked = check_text(text, language="en", markup=markup)
        assert [f.rule for f in marked.findings] == ["bad-suppression", "glued-token"], markup


def test_suppressions_in_markdown_and_html_but_not_inside_code():
    a, b, _ = GLUED_LINES
    md = f"<!-- auditor-disable-next-line glued-token -->\n{a}\n\n```\n<!-- auditor-disable -->\n```\n\n{b}\n"
    assert [r for r, _ in found(md, markup="markdown")] == ["missing-space"]
    html = f"<p>{a}</p>\n<!-- auditor-disable missing-space -->\n<p>{b}</p>\n"
    assert found(html, markup="html") == [("glued-token", "Benhaddoupraised")]
