"""Run the rules over one text and collect a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

from auditor.document import Document, WordIndex
from auditor.findings import Finding, Severity
from auditor.langid import detect_forms
from auditor.scoring import document_score

_POSITION = attrgetter("start", "end", "rule")


@dataclass
class FileReport:
    """Findings for one document, sorted by position."""

    path: str
    language: str
    words: int
    score: int
    findings: list[Finding]
    document: Document = field(repr=False)

    def at_or_above(self, level: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity >= level]


def check_text(
    text: str,
    path: str = "-",
    language: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    severities: dict[str, Severity] | None = None,
    knowledge=None,
    roundtripper=None,
    roundtrip_threshold: float = 8.0,
    source_text: str | None = None,
) -> FileReport:
    """Check ``text`` and return its :class:`FileReport`.

    ``language`` None or "auto" detects it; ``select``/``ignore`` take rule ids; ``severities``
    overrides rule severities; ``knowledge`` is a :class:`auditor.names.NameKnowledge`;
    ``roundtripper`` (:class:`auditor.roundtrip.RoundTripper`) enables ``roundtrip-divergence``
    below ``roundtrip_threshold``; ``source_text`` enables ``source-mismatch``.
    """
    from auditor.rules import Context, select_rules

    words = WordIndex(text)
    lang = detect_forms(words.lower_forms) if language in (None, "auto") else language
    doc = Document(text, lang, path, words=words)
    ctx = Context(doc, severities=dict(severities or {}), knowledge=knowledge, roundtripper=roundtripper,
                  roundtrip_threshold=roundtrip_threshold, source_text=source_text)
    found: list[Finding] = []
    for rule in select_rules(select, ignore):
        if rule.languages is not None and lang not in rule.languages:
            continue
        found.extend(rule.check(ctx))
    # A stable sort keeps equal spans of one rule in the order they were found, so keeping the
    # first of each run keeps what a set of seen spans kept, without a key per finding.
    found.sort(key=_POSITION)
    findings = [f for f, prev in zip(found, [None, *found]) if prev is None or _POSITION(f) != _POSITION(prev)]
    words = doc.word_count
    doc.release()  # the report keeps the text, not the analyses: a run over many files stays small
    return FileReport(path, lang, words, document_score(findings, words), findings, doc)
