"""The rule interface, the registry and the per-document context that rules share."""

from __future__ import annotations

import bisect
import functools
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from itertools import compress
from operator import attrgetter, not_
from typing import TYPE_CHECKING, Callable, ClassVar, Iterable, Iterator, TypeVar

from auditor.document import Document, Sentence, ends_terminated
from auditor.findings import Finding, Severity
from auditor.lazy import cached_property

T = TypeVar("T")

if TYPE_CHECKING:
    from auditor.names.index import NameIndex
    from auditor.names.knowledge import NameKnowledge
    from auditor.roundtrip import RoundTripper, SegmentTrip


class Rule:
    """A detector. Subclasses set ``id`` (stable, kebab-case), ``severity`` and a docstring whose
    first line is the summary shown by ``auditor rules``; the rest says why the rule is safe."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    # Rules that only apply to some languages list them; None means every language.
    languages: ClassVar[frozenset[str] | None] = None
    # A rule that reads the other rules' findings (``Context.findings``) sets this: the checker
    # runs it after every rule that does not.
    runs_last: ClassVar[bool] = False
    # Whether ``auditor fix`` may apply this rule's suggestions unseen: only rules whose
    # suggestion is mechanical and local (spacing, a split, a canonical spelling) say so.
    fixable: ClassVar[bool] = False

    @dataclass(frozen=True)
    class Options:
        """A rule's settings; a rule that has some declares its own frozen dataclass here."""

    def check(self, ctx: "Context") -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, ctx: "Context", start: int, end: int, message: str,
                suggestion: str | None = None) -> Finding:
        return Finding(self.id, ctx.severity_of(self), message, start, end, suggestion)

    @classmethod
    def summary(cls) -> str:
        first_paragraph = (cls.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(first_paragraph.split())


RULES: dict[str, type[Rule]] = {}


def fixable_rules() -> list[str]:
    """Ids of the rules whose suggestions ``auditor fix`` applies, in registry order."""
    return [rule_id for rule_id, cls in RULES.items() if cls.fixable]


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator that adds a rule to the registry under its id."""
    if cls.id in RULES:
        raise ValueError(f"duplicate rule id {cls.id}")
    RULES[cls.id] = cls
    return cls


@dataclass
class Context:
    """What a rule sees: the document, shared analyses computed once, and the configuration."""

    doc: Document
    severities: dict[str, Severity] = field(default_factory=dict)
    # Each rule's Options instance, by rule id; a rule missing here runs with its defaults.
    options: dict[str, object] = field(default_factory=dict)
    knowledge: "NameKnowledge | None" = None
    roundtripper: "RoundTripper | None" = None
    source_text: str | None = None
    # The findings of the rules run so far on this document, which the checker appends to as it
    # goes: a rule with ``runs_last`` sees those of every other rule (each finding once).
    findings: list[Finding] = field(default_factory=list)
    # The inline suppression comments of the text (:class:`auditor.suppress.Directive`); the
    # checker applies them, ``bad-suppression`` reports the rule ids they name that do not exist.
    directives: list = field(default_factory=list)
    # Intermediate results that two or more rules compute once per document (see ``once``).
    shared: dict = field(default_factory=dict)

    def severity_of(self, rule: Rule) -> Severity:
        return self.severities.get(rule.id, rule.severity)

    def options_of(self, rule: Rule):
        """The rule's settings: those configured for it, else its Options' defaults."""
        found = self.options.get(rule.id)
        return found if found is not None else type(rule).Options()

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, run on this document only the first time ``key`` is asked for."""
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]

    @cached_property
    def boilerplate(self) -> list[tuple[int, int, str]]:
        """(start, end, why) of scraped page furniture; other rules stay out of these spans."""
        from auditor.furniture import find_boilerplate

        return find_boilerplate(self.doc)

    @cached_property
    def _boilerplate_starts(self) -> list[int]:
        return [s for s, _, _ in self.boilerplate]

    def in_boilerplate(self, start: int, end: int) -> bool:
        if not self.boilerplate:
            return False
        i = bisect.bisect_right(self._boilerplate_starts, start) - 1
        if i >= 0 and self.boilerplate[i][1] > start:
            return True
        j = bisect.bisect_left(self._boilerplate_starts, start)
        return j < len(self.boilerplate) and self.boilerplate[j][0] < end

    @cached_property
    def names(self) -> "NameIndex":
        from auditor.names.index import NameIndex

        return NameIndex(self.doc)

    @cached_property
    def name_knowledge(self) -> "NameKnowledge":
        if self.knowledge is None:
            return _default_name_knowledge()
        from auditor.names.knowledge import as_knowledge

        return as_knowledge(self.knowledge)

    @cached_property
    def _running(self) -> list[Sentence]:
        sentences = self.doc.sentences
        if self.boilerplate:
            sentences = [s for s in sentences if not self.in_boilerplate(s.start, s.end)]
        return list(compress(sentences, map(not_, _headlines(self.doc, sentences))))

    def findings_within(self, spans: list[tuple[int, int]]) -> list[list[Finding]]:
        """For each (start, end) span, the findings so far (:attr:`findings`) that start inside
        it, with offsets made relative to the span's start."""
        ordered = sorted(self.findings, key=attrgetter("start"))
        starts = [f.start for f in ordered]
        out = []
        for start, end in spans:
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            out.append([replace(f, start=f.start - start, end=f.end - start) for f in ordered[lo:hi]])
        return out

    @cached_property
    def roundtrips(self) -> list[tuple[Sentence, "SegmentTrip"]]:
        """Each running sentence with its round trip; empty without a round-tripper for the
        document's language. The quality estimate of each gets, as its evidence of artifacts, the
        findings made so far inside the sentence: read by a ``runs_last`` rule, those of every
        other rule, so no rule runs again on a sentence."""
        rt = self.roundtripper
        if rt is None or rt.lang != self.doc.language:
            return []
        sents = self._running
        evidence = self.findings_within([(s.start, s.end) for s in sents])
        return list(zip(sents, rt.run([s.text for s in sents], evidence=evidence)))

    def running_sentences(self) -> Iterator[Sentence]:
        """Sentences of running text: not headlines, captions or page furniture."""
        return iter(self._running)


@functools.cache
def _default_name_knowledge() -> "NameKnowledge":
    """The word-frequency knowledge: stateless, so one instance serves every document."""
    from auditor.names.knowledge import WordFrequencyKnowledge

    return WordFrequencyKnowledge()


def is_headline(sent: Sentence) -> bool:
    """A line that stands alone without terminal punctuation, or in title case: headline, caption,
    dateline or label. Casing and grammar rules do not apply to these."""
    return _headlines(sent.doc, [sent])[0]


def _headlines(doc: Document, sentences: list[Sentence]) -> list[bool]:
    """:func:`is_headline` of each of ``sentences`` (of ``doc``), in one loop: it runs on every
    sentence of every document, so Sentence.is_whole_paragraph, is_terminated and
    Document.word_range are written out and the document's attributes read once."""
    text, starts, capitalised, initials = doc.text, doc.words.starts, doc.capitalised, doc.initials
    flags = []
    for sent in sentences:
        start, end = sent.start, sent.end
        para = sent.paragraph
        if start == para.start and end == para.end \
                and not ends_terminated(text, start, end):
            flags.append(True)
            continue
        if end - start > 300:
            flags.append(False)
            continue
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end, lo)
        # Title case takes three capitalised words at least (70% of four or more): most
        # sentences have fewer, counted by two bisections.
        capitals = bisect_left(capitalised, hi) - bisect_left(capitalised, lo)
        flags.append(capitals >= 3 and _title_case(initials[lo:hi], capitals))
    return flags


def title_case(sent: Sentence) -> bool:
    """Four words or more, and most of them (70%) capitalised: the title-case test of
    :func:`is_headline`, on any sentence."""
    lo, hi = sent.doc.word_range(sent.start, sent.end)
    initials = sent.doc.initials[lo:hi]
    return _title_case(initials, sum(map(str.isupper, initials)))


def _title_case(initials: str, capitals: int) -> bool:
    """Whether most of the words whose first characters are ``initials`` (``capitals`` of them
    capitalised) open with a capital letter; numbers do not count."""
    if not initials.isalpha():
        initials = "".join(filter(str.isalpha, initials))
    if len(initials) < 4 or capitals / len(initials) < 0.7:
        return False  # the capitals among the initials are no more than all the capitals
    return sum(map(str.isupper, initials)) / len(initials) >= 0.7
