"""Run the rules over one text and collect a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Callable, Iterable, Sequence

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
    # With a round trip: the document's round-trip quality (0-100), the sentences' mean weighted
    # by length; None when no sentence was round-tripped.
    quality: float | None = None

    def at_or_above(self, level: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity >= level]


def check_language(language: str | None) -> None:
    """Raise ValueError for a language auditor has no rules for (None and "auto" detect it)."""
    from auditor.languages import supported_languages

    if language not in (None, "auto") and language not in supported_languages():
        raise ValueError(f"unsupported language {language!r} (supported: auto, {', '.join(supported_languages())})")


def _check_text_argument(text: object) -> None:
    if not isinstance(text, (str, Document)):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"check_text needs the text as str, not {type(text).__name__}{hint}")


class Checker:
    """The rules chosen once, with their severities, options and resources, ready to check any
    number of documents.

    ``select``/``ignore`` take rule ids (an unknown one raises ValueError, here and only here);
    ``severities`` overrides rule severities; ``options`` maps a rule id to an instance of that
    rule's ``Options`` dataclass; ``knowledge`` is a :class:`auditor.names.NameKnowledge`;
    ``roundtripper_for(language)`` gives the round-tripper for a document's language, or None
    (``roundtrip-divergence`` then has nothing to report); ``allow`` lists words and names never
    flagged (:class:`auditor.suppress.Allowlist`). Nothing here reads configuration files or
    options: :mod:`auditor.session` builds a checker from those.
    """

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None,
                 severities: dict[str, Severity] | None = None, options: dict[str, object] | None = None,
                 knowledge=None, roundtripper_for: Callable[[str], object | None] | None = None,
                 allow: Iterable[str] = ()) -> None:
        from auditor.rules import select_rules
        from auditor.suppress import Allowlist

        self.rules = select_rules(select, ignore)
        self.severities = dict(severities or {})
        self.options = dict(options or {})
        self.knowledge = knowledge
        self.roundtripper_for = roundtripper_for
        self.allow = Allowlist(allow)

    def check(self, text: str | Document, path: str = "-", language: str | None = None,
              source_text: str | None = None, markup: str | None = None) -> FileReport:
        """The report on ``text`` (a str, or a :class:`Document` already built).

        ``language`` None or "auto" detects it; ``source_text`` enables ``source-mismatch``;
        ``markup`` "markdown" or "html" checks only the prose of the text (see
        :mod:`auditor.markup`), with offsets still into ``text``. Inline suppression comments
        and the allowlist apply in every case. Raises TypeError when ``text`` is neither, ValueError
        for a language auditor has no rules for or an unknown markup.
        """
        from auditor.markup import prose_view
        from auditor.rules import RULES, Context
        from auditor.suppress import parse_directives

        _check_text_argument(text)
        check_language(language)
        original = text.text if isinstance(text, Document) else text
        view = prose_view(original, None if isinstance(text, Document) else markup)
        if isinstance(text, Document):
            doc = text
        else:
            doc = self._document(view.text, path, language)
        lang = doc.language
        roundtripper = self.roundtripper_for(lang) if self.roundtripper_for is not None else None
        findings: list[Finding] = []
        directives = parse_directives(view.comments, RULES) if view.comments else []
        ctx = Context(doc, severities=self.severities, options=self.options, knowledge=self.knowledge,
                      roundtripper=roundtripper, source_text=source_text, findings=findings,
                      directives=directives)
        seen: set[tuple[str, int, int]] = set()
        # ctx.findings grows as the rules run; select_rules puts those that read it (runs_last) last.
        for rule in self.rules:
            if rule.languages is not None and lang not in rule.languages:
                continue
            for f in rule.check(ctx):
                key = (f.rule, f.start, f.end)
                if key not in seen:
                    seen.add(key)
                    findings.append(f)
        words = doc.word_count
        quality = _roundtrip_quality(ctx) if roundtripper is not None else None
        if not isinstance(text, Document):
            doc.release()  # the report keeps the text, not the analyses: a run over many files stays small
            if view.text is not original:  # the report reads lines and flagged text from the file's own text
                doc = Document(original, lang, path)
        findings = self._wanted(findings, view, directives, doc)
        findings.sort(key=_POSITION)
        return FileReport(doc.path, lang, words, document_score(findings, words), findings, doc, quality)

    def _wanted(self, findings: list[Finding], view, directives, doc: Document) -> list[Finding]:
        """The findings on prose (a fix may only edit prose), less those allowed or suppressed. A
        bad suppression comment is reported where it stands, in the markup: a misspelt rule id
        that silences nothing must not go unnoticed in Markdown or HTML either."""
        if view.masked:
            from auditor.rules.suppression import BadSuppression

            findings = [f for f in findings if f.rule == BadSuppression.id or (
                view.is_prose_at(f.start) and view.is_prose_at(max(f.end - 1, f.start))
                and (f.suggestion is None or not view.touches_markup(f.start, f.end)))]
        findings = self.allow.filter(findings, doc.text)
        if directives:
            from auditor.suppress import Suppressions

            suppressions = Suppressions.build(directives, lambda offset: doc.position(offset)[0])
            findings = [f for f in findings if not suppressions.silences(f)]
        return findings

    @staticmethod
    def _document(text: str, path: str, language: str | None) -> Document:
        words = WordIndex(text)
        lang = detect_forms(words.lower_forms) if language in (None, "auto") else language
        return Document(text, lang, path, words=words)


def _roundtrip_quality(ctx) -> float | None:
    """The length-weighted mean quality of the sentences the round-trip rule tripped (read from
    the context only when the rule ran: nothing is translated for it here)."""
    trips = ctx.__dict__.get("roundtrips")
    if not trips:
        return None
    weights = [max(len(sent.text), 1) for sent, _ in trips]
    return round(sum(w * trip.quality for w, (_, trip) in zip(weights, trips)) / sum(weights), 2)


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
    markup: str | None = None,
    allow: Iterable[str] = (),
) -> FileReport:
    """Check ``text`` and return its :class:`FileReport`: a one-off :class:`Checker`.

    ``language`` None or "auto" detects it; ``select``/``ignore`` take rule ids; ``severities``
    overrides rule severities; ``knowledge`` is a :class:`auditor.names.knowledge.NameKnowledge`;
    ``roundtripper`` (:class:`auditor.roundtrip.RoundTripper`) enables ``roundtrip-divergence``
    below ``roundtrip_threshold``; ``source_text`` enables ``source-mismatch``; ``markup``
    "markdown" or "html" checks only the prose (offsets still into ``text``); ``allow`` lists
    words and names never flagged.

    Raises TypeError when ``text`` is not a str, and ValueError for a language auditor has no
    rules for (or an unknown rule id).
    """
    from auditor.rules.roundtrip import RoundtripDivergence

    _check_text_argument(text)
    check_language(language)
    options = {RoundtripDivergence.id: RoundtripDivergence.Options(threshold=roundtrip_threshold)}
    checker = Checker(select, ignore, severities, options, knowledge,
                      roundtripper_for=(lambda lang: roundtripper) if roundtripper is not None else None,
                      allow=allow)
    return checker.check(text, path, language, source_text, markup)


def findings_per_text(texts: Sequence[str], language: str) -> list[list[Finding]]:
    """Every rule's findings on each text checked alone in ``language`` (none where auditor has no
    rules for the language): the evidence of artifacts that :meth:`RoundTripper.run
    <auditor.roundtrip.RoundTripper.run>` gives the quality estimate when no document was checked
    (``auditor backtranslate``, ``bench/qe.py``)."""
    from auditor.languages import supported_languages

    if language not in supported_languages():
        return [[] for _ in texts]
    checker = Checker()
    return [checker.check(text, language=language).findings for text in texts]
