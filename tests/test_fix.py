"""`auditor fix` never makes a text worse: a fix whose result has a new finding is withheld."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest
import regex
from click.testing import CliRunner

from auditor.checker import check_text
from auditor.cli import cli
from auditor.findings import Finding, Severity
from auditor.fix import fix_text
from auditor.langid import detect
from tests.conftest import SAMPLES


@dataclass
class _Report:
    findings: list[Finding]


def _toy_check(text: str) -> _Report:
    """Two toy rules: 'spell' turns 'teh' into 'the' and 'colour' into 'color'; 'clash' fires
    wherever 'the the' stands (so the fix of 'the teh' makes things worse)."""
    found = [Finding("spell", Severity.ERROR, "typo", m.start(), m.end(),
                     {"teh": "the", "colour": "color"}[m.group()])
             for m in regex.finditer(r"\bteh\b|\bcolour\b", text)]
    found += [Finding("clash", Severity.WARNING, "doubled", m.start(), m.end())
              for m in regex.finditer(r"\bthe the\b", text)]
    return _Report(found)


def test_a_fix_that_creates_a_finding_is_withheld_and_the_others_applied():
    text = "We saw the teh boat and its colour. Then teh crew left."
    result = fix_text(text, _toy_check, ["spell"])
    assert result.text == "We saw the teh boat and its color. Then the crew left."
    assert [(f.rule, text[f.start:f.end]) for f in result.withheld] == [("spell", "teh")]
    assert [f.suggestion for f in result.applied] == ["color", "the"]
    assert _toy_check(result.text).findings[0].rule == "spell"  # the withheld typo stays reported
    # A second run changes nothing: the refused fix is refused again.
    assert fix_text(result.text, _toy_check, ["spell"]).text == result.text


def test_without_verification_the_same_fix_would_make_it_worse():
    text = "We saw the teh boat."
    assert fix_text(text, _toy_check, ["spell"], verify=False).text == "We saw the the boat."


def test_a_real_fix_that_leaves_a_fragment_is_withheld():
    # truncated-name would end the sentence after the name ("Okonkwo. He added"), leaving
    # "Okonkwo." as a sentence of its own in mid-paragraph: a fragment that was not there.
    text = ("Port director Marta Okonkwo said the quay would reopen on Friday. Okonkwo met the crews on "
            "Thursday. Okonkw He added that the cranes were safe and the port would stay open.\n")
    before = check_text(text, language="en")
    assert any(f.rule == "truncated-name" and f.suggestion == "Okonkwo." for f in before.findings)
    result = fix_text(text, lambda t: check_text(t, language="en"))
    assert "Okonkw He added" in result.text
    assert [f.rule for f in result.withheld] == ["truncated-name"]


def _keys(text: str, lang: str) -> Counter:
    """(rule, line) of every finding: fixes never add or remove a line, so lines are a key that
    survives the offsets the fixes shift."""
    return Counter((f.rule, text.count("\n", 0, f.start)) for f in check_text(text, language=lang).findings)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_fixing_a_sample_creates_no_new_finding(path):
    text = path.read_text(encoding="utf-8")
    lang = detect(text)
    result = fix_text(text, lambda t: check_text(t, str(path), lang))
    assert not _keys(result.text, lang) - _keys(text, lang)
    if "planted" in path.name:
        assert result.applied  # the samples plant fixable artifacts: the test is not vacuous


def test_fix_select_narrows_the_fixes_and_reports_withheld(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Officials said it was calm , and Monday.The talks ended.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--select", "missing-space", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "Officials said it was calm , and Monday. The talks ended.\n"
    story = tmp_path / "okonkwo.txt"
    story.write_text("Port director Marta Okonkwo said the quay would reopen on Friday. Okonkwo met the crews "
                     "on Thursday. Okonkw He added that the cranes were safe.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--dry-run", str(story)])
    assert "withheld 1 that would add a finding" in result.stderr


def test_unified_diff_marks_a_last_line_without_newline():
    # Otherwise the '+' line runs on from the '-' line and patch cannot read the diff.
    from auditor.fix import unified_diff

    diff = unified_diff("Talks ended.The mayor left.", "Talks ended. The mayor left.", "a", "b")
    assert diff.splitlines() == ["--- a", "+++ b", "@@ -1 +1 @@", "-Talks ended.The mayor left.",
                                 "\\ No newline at end of file", "+Talks ended. The mayor left.",
                                 "\\ No newline at end of file"]
    assert unified_diff("a.B\n", "a. B\n", "a", "b").count("No newline") == 0
