"""Costs that must grow with the input, not with its square: counted, never timed."""

from __future__ import annotations

import difflib

from click.testing import CliRunner

from auditor import fix
from auditor.checker import check_text
from auditor.cli import cli
from auditor.document import Document
from auditor.names.stylesheet import StyleSheet
from auditor.findings import Finding, Severity
from auditor.rules import Context, fragment, mojibake

STORY = ("Officials met on Monday. “The port is closed,” he said. Capital of Iran after the talks. "
         "She said “it will reopen. Have found.” Gaza Strip. The talks ended. ")


def _naive_inside_quotation(sent) -> bool:
    """The rule's definition, counted in the slice (what the rule did before, per sentence)."""
    before = sent.doc.text[sent.paragraph.start:sent.start]
    opened = before.count("“") + before.count("«") - before.count("”") - before.count("»")
    opened += before.count('"') % 2
    return opened > 0 or sent.text[0] in "“\"«"


def test_fragment_quotation_state_matches_counting_in_the_paragraph():
    doc = Document((STORY * 40).strip() + "\n\n" + STORY.replace("“", '"').replace("”", '"'))
    ctx = Context(doc)
    assert len(doc.sentences) > 250
    assert [fragment._inside_quotation(ctx, s) for s in doc.sentences] == \
        [_naive_inside_quotation(s) for s in doc.sentences]


def _mojibake_paragraph(copies: int) -> str:
    unit = ("José Martínez said the café was closed. Officials don’t expect the année to end well. "
            "The port reopened after the storm, and the workers went back to the cranes. ")
    broken = unit.encode("utf-8").decode("windows-1252")
    return "".join(broken if k % 3 == 0 else unit for k in range(copies))


def test_mojibake_diffs_repair_by_repair_on_a_long_paragraph(monkeypatch):
    import ftfy

    text = _mojibake_paragraph(24)
    fixed = ftfy.fix_encoding(text)
    whole = mojibake._matcher_edits(text, fixed, 0, len(text), 0, len(fixed))
    sizes = []
    real = difflib.SequenceMatcher

    def recording(isjunk, a, b, autojunk):
        sizes.append(len(a) + len(b))
        return real(isjunk, a, b, autojunk=autojunk)

    monkeypatch.setattr(mojibake.difflib, "SequenceMatcher", recording)
    assert mojibake._merge_nearby(mojibake._edits(text, fixed)) == mojibake._merge_nearby(whole)
    # The matcher never sees the paragraph: only each repair and a few characters around it.
    assert max(sizes) < 100
    assert len(sizes) >= 8


def test_apply_fixes_matches_rebuilding_per_fix():
    text = "abcdefghij" * 50
    findings = [Finding("x", Severity.ERROR, "m", k, k + 2, str(k)) for k in range(0, 500, 7)]
    findings += [Finding("x", Severity.ERROR, "m", 3, 3, "<>"), Finding("x", Severity.ERROR, "m", 8, 9, None)]
    out, chosen = fix.apply_fixes(text, findings)
    expected = text
    for f in reversed(chosen):
        expected = expected[:f.start] + f.suggestion + expected[f.end:]
    assert out == expected


def test_names_normalize_answers_a_repeated_query_once(monkeypatch):
    calls = []
    real = StyleSheet.normalize

    def counting(self, name):
        calls.append(name)
        return real(self, name)

    monkeypatch.setattr(StyleSheet, "normalize", counting)
    names = ["Ali Khamenei", "Ismail Haniya", "", "Ali  Khamenei", "Nobody Special"] * 500
    result = CliRunner().invoke(cli, ["names", "normalize", "-"], input="\n".join(names) + "\n",
                                catch_exceptions=False)
    rows = result.output.split("\n")
    assert rows[0] == "query\tcanonical\tscore" and rows[-1] == ""
    assert len(rows) == len(names) + 2
    assert rows[1:6] * 500 == rows[1:-1]
    assert sorted(calls) == ["Ali Khamenei", "Ismail Haniya", "Nobody Special"]


def test_a_released_document_computes_the_same_analyses_again():
    report = check_text(STORY * 3)
    doc = report.document
    assert "words" not in doc.__dict__  # the report does not hold the analyses
    again = check_text(STORY * 3)
    assert [(f.rule, f.start, f.end) for f in again.findings] == [(f.rule, f.start, f.end) for f in report.findings]
    assert list(doc.words.starts) == list(Document(STORY * 3).words.starts)


def test_aligned_diff_writes_what_difflib_writes(monkeypatch):
    import random

    rng = random.Random(5)
    monkeypatch.setattr(fix, "_MATCHER_LINES", 0)
    for trial in range(40):
        lines = [f"Paragraph {k} of the story, with words.\n" for k in range(rng.randrange(1, 80))]
        new = list(lines)
        for k in rng.sample(range(len(lines)), rng.randrange(1, min(6, len(lines)) + 1)):
            new[k] = new[k].replace("words", "wordz")
        old_text, new_text = "".join(lines), "".join(new)
        if trial % 3 == 0:  # a last line without its line break
            old_text, new_text = old_text.rstrip("\n"), new_text.rstrip("\n")
        expected = "".join(fix._terminated(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True), "a/x", "b/x")))
        assert fix.unified_diff(old_text, new_text, "a/x", "b/x") == expected


def test_lower_case_by_blocks_is_the_whole_texts(monkeypatch):
    import random

    from auditor import words

    monkeypatch.setattr(words, "_BLOCK", 4)
    rng = random.Random(11)
    alphabet = list("aΣσΑς İIß ﬁ\u0301'.-\n") + [" "] * 3
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert words.lower_in_blocks(text) == text.lower()
        doc = Document(text)
        low = text.lower()
        expected = len(low) == len(text) and (text.casefold() == low if not doc.words.re_reads_alike
                                              else not any(c in text for c in words.FOLD_NOT_LOWER))
        assert doc.lower_is_case_folding == expected


def test_json_written_finding_by_finding_is_json_dumps_of_the_whole(tmp_path):
    import json

    from auditor.formatters import json_
    from tests.conftest import SAMPLES

    reports = [check_text(p.read_text(encoding="utf-8"), str(p)) for p in sorted(SAMPLES.glob("*.txt"))]
    reports += [check_text("", "empty"), check_text("Clean copy here.", 'odd "path"\\')]
    for chosen in (reports, reports[-2:], []):
        assert json_.render(chosen) == json.dumps(json_.to_dict(chosen), ensure_ascii=False, indent=2) + "\n"


def test_the_compact_word_index_of_a_long_text_reads_as_the_plain_one(monkeypatch):
    import random

    from auditor import words

    rng = random.Random(3)
    alphabet = list("aBΣσς İß\u0301'’-.,\n") + [" "] * 4
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60))) for _ in range(500)]
    texts += [STORY, ""]
    plain = [words.WordIndex(text) for text in texts]
    monkeypatch.setattr(words, "_COMPACT_ABOVE", -1)
    monkeypatch.setattr(words, "_BLOCK", 5)
    for text, short in zip(texts, plain):
        compact = words.WordIndex(text)
        assert compact._compact and not short._compact
        assert compact.forms == short.forms and list(compact.starts) == list(short.starts)
        assert compact.lower_forms == short.lower_forms and compact.runs == short.runs


def test_sentences_holding_evidence_are_those_a_count_per_sentence_finds():
    import random

    from auditor.rules.wrong_language import _sentences_holding

    rng = random.Random(9)
    for _ in range(300):
        text = " ".join(rng.choice(["Ya.", "de la", "Los", "que", "x", "\n\n"]) for _ in range(rng.randrange(1, 40)))
        doc = Document(text, "en")
        positions = sorted(rng.sample(range(len(text) + 1), rng.randrange(0, min(12, len(text) + 1))))
        for least in (1, 2, 3):
            expected = [s for s in doc.sentences if sum(s.start <= p < s.end for p in positions) >= least]
            assert _sentences_holding(doc.sentences, positions, least) == expected
