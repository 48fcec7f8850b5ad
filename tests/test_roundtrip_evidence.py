"""``check --backtranslate`` runs every rule once per document, and the quality estimate gets the
other rules' findings inside each sentence as its evidence (fake engines, no model)."""

from __future__ import annotations

from collections import Counter

import pytest

from auditor import check_text
from auditor.mt.base import Engine
from auditor.roundtrip import RoundTripper
from auditor.roundtrip.metrics import Scores
from auditor.roundtrip.quality import artifact_count, estimate
from auditor.rules import RULES, select_rules

TEXT = ("Officials in Rotterdam said on Tuesday that the port would reopen. The mayor, Ahmed Aboutaleb, "
        "praised the crews. Aboutalebpraised the volunteers as well, officials said.\n\n"
        "Trade groups said the the delay cost millions. Nobody was hurt.\n")


class EchoEngine(Engine):
    """A fake engine that returns what it is given."""

    name = "echo"

    def __init__(self) -> None:
        super().__init__("fake", "1", None)

    def _translate(self, sentences, source, target):
        return list(sentences)


class RecordingTripper(RoundTripper):
    def __init__(self) -> None:
        engine = EchoEngine()
        super().__init__(engine, engine, "en", "pt")
        self.evidence = []

    def run(self, segments, *args, evidence=None, **kw):
        self.evidence.append((list(segments), evidence))
        return super().run(segments, *args, evidence=evidence, **kw)


@pytest.fixture
def rule_runs(monkeypatch):
    runs: Counter[str] = Counter()
    for cls in RULES.values():
        def counted(self, ctx, _check=cls.check):
            runs[self.id] += 1
            return _check(self, ctx)
        monkeypatch.setattr(cls, "check", counted)
    return runs


def test_each_rule_runs_once_per_document_with_round_trips(rule_runs):
    report = check_text(TEXT, language="en", roundtripper=RecordingTripper(), roundtrip_threshold=101)
    assert set(rule_runs) == set(RULES) and set(rule_runs.values()) == {1}, rule_runs
    assert any(f.rule == "roundtrip-divergence" for f in report.findings)


def test_the_round_trip_rule_runs_after_the_others():
    assert [r.id for r in select_rules()][-1] == "roundtrip-divergence"
    assert [r.id for r in select_rules(ignore=["roundtrip-divergence"])] == \
        [rid for rid in RULES if rid != "roundtrip-divergence"]


def test_evidence_is_the_other_rules_findings_inside_each_sentence():
    tripper = RecordingTripper()
    report = check_text(TEXT, language="en", roundtripper=tripper)
    ((segments, evidence),) = tripper.evidence
    others = [f for f in report.findings if f.rule != "roundtrip-divergence"]
    assert others and sum(map(len, evidence)) == len(others)
    for sentence, found in zip(segments, evidence):
        start = TEXT.index(sentence)
        expected = [(f.rule, f.start - start, f.end - start) for f in others if start <= f.start < start + len(sentence)]
        assert sorted((f.rule, f.start, f.end) for f in found) == sorted(expected)
        for f in found:
            assert 0 <= f.start < len(sentence)
    glued = next(found for sentence, found in zip(segments, evidence) if sentence.startswith("Aboutalebpraised"))
    assert [f.rule for f in glued] == ["glued-token"]


def test_the_estimate_counts_the_evidence_it_is_given():
    from auditor.findings import Finding, Severity

    text = "Aboutalebpraised the volunteers as well, officials said."
    glued = Finding("glued-token", Severity.ERROR, "", 0, 16)
    furniture = Finding("boilerplate", Severity.WARNING, "", 0, 5)
    assert artifact_count([glued, furniture]) == 1
    scores = Scores(90.0, 80.0, 10.0)
    assert estimate(text, text, scores, "en", [glued]) != estimate(text, text, scores, "en", [])
    assert estimate(text, text, scores, "en", [furniture]) == estimate(text, text, scores, "en", [])
