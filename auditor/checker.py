"""Run the rules over one text and collect a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Sequence

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


def _check_arguments(text: object, language: str | None) -> None:
    """Reject what the rules cannot work on, with a message that says what to pass instead."""
    from auditor.languages import supported_languages

    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"check_text needs the text as str, not {type(text).__name__}{hint}")
    if language not in (None, "auto") and language not in supported_languages():
        raise ValueError(f"unsupported language {language!r} (supported: auto, {', '.join(supported_languages())})")


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

    Raises TypeError when ``text`` is not a str, and ValueError for a language auditor has no
    rules for (or an unknown rule id).
    """
    from auditor.rules import Context, select_rules

    _check_arguments(text, language)
    words = WordIndex(text)
    lang = detect_forms(words.lower_forms) if language in (None, "auto") else language
    doc = Document(text, lang, path, words=words)
    findings: list[Finding] = []
    ctx = Context(doc, severities=dict(severities or {}), knowledge=knowledge, roundtripper=roundtripper,
                  roundtrip_threshold=roundtrip_threshold, source_text=source_text, findings=findings)
    seen: set[tuple[str, int, int]] = set()
    # ctx.findings grows as the rules run; select_rules puts those that read it (runs_last) last.
    for rule in select_rules(select, ignore):
        if rule.languages is not None and lang not in rule.languages:
            continue
        for f in rule.check(ctx):
            key = (f.rule, f.start, f.end)
            if key not in seen:
                seen.add(key)
                findings.append(f)
    findings.sort(key=_POSITION)
    return FileReport(path, lang, doc.word_count, document_score(findings, doc.word_count), findings, doc)


def findings_per_text(texts: Sequence[str], language: str) -> list[list[Finding]]:
    """Every rule's findings on each text checked alone in ``language`` (none where auditor has no
    rules for the language): the evidence of artifacts that :meth:`RoundTripper.run
    <auditor.roundtrip.RoundTripper.run>` gives the quality estimate when no document was checked
    (``auditor backtranslate``, ``bench/qe.py``)."""
    from auditor.languages import supported_languages

    if language not in supported_languages():
        return [[] for _ in texts]
    return [check_text(text, language=language).findings for text in texts]
