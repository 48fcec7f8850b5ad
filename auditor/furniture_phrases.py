"""Each language's page-furniture phrases compiled once, for :mod:`auditor.furniture`: the
whole-line patterns, the phrases that may sit anywhere in a line, and the literals that find
the lines where those may match."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

import regex

from auditor.languages import LanguageProfile
from auditor.languages.profile import alternation
from auditor.lazy import cached_property
from auditor.pattern_openings import openings_pattern
from auditor.prefilter import required_literals

# Marks that trimming removes before and after a line's core ("» Source link", "— Leave a Reply —").
LEAD_MARKS = "|•·»›>-–—*#"
TRAIL_MARKS = LEAD_MARKS + ":"
# What may separate a time stamp's label from the stamp.
LABEL_END = r"(?!\w)[\s:,-]*"

DISCLAIMER, TAIL = "disclaimer", "tail"
_WHOLE_LINE = -1


@dataclass
class PhraseTable:
    """One profile's furniture phrases, each compiled on its own, and what finds their suspects.

    Whole-line phrases (``lines``: furniture, ``stamp``: relative time) are tried together by
    ``whole_line``, one anchored match per line, which marks a suspect with the id (code, -1).
    The phrases that may sit anywhere in a line, ``phrases[i]`` = (kind, pattern) for disclaimers
    and link tails, are found by their required literals: ``by_literal`` maps each lower-case
    literal to the ids (code, i) of the phrases whose every match contains it, and ``complete`` is
    False when one of them has no literal.
    """

    profile: LanguageProfile
    # The sources of ``lines``, ``stamp`` and ``whole_line``, which are compiled when first used:
    # the regex module takes a tenth of a second over each large alternation, and a document
    # whose lower-case twins apply never needs them.
    lines_source: str
    stamp_source: str
    whole_line_source: str
    phrases: list[tuple[str, regex.Pattern]]
    by_literal: dict[str, list[tuple[str, int]]]
    complete: bool
    # ``whole_line`` for lower-cased text, case-sensitive and run by the standard library, which
    # tries a large alternation at a third of the regex module's cost, behind a lookahead on the
    # line's opening (see :func:`opening_guard`); None when it cannot be (see
    # :func:`lower_case_twin`). ``lines_lower`` and ``stamp_lower`` are the same for ``lines``
    # and ``stamp``, compiled when first used.
    whole_line_lower: re.Pattern | None
    line_phrases: list[str]
    stamp_phrases: list[str]

    @property
    def whole_line_id(self) -> tuple[str, int]:
        return (self.profile.code, _WHOLE_LINE)

    @cached_property
    def whole_line(self) -> regex.Pattern:
        return regex.compile(self.whole_line_source, _FLAGS)

    @cached_property
    def lines(self) -> regex.Pattern:
        return regex.compile(self.lines_source, _FLAGS)

    @cached_property
    def stamp(self) -> regex.Pattern:
        return regex.compile(self.stamp_source, _FLAGS)

    @cached_property
    def lines_lower(self) -> re.Pattern | None:
        return lower_case_twin(self.lines_source, self.line_phrases)

    @cached_property
    def stamp_lower(self) -> re.Pattern | None:
        return lower_case_twin(self.stamp_source, self.stamp_phrases)

    def is_furniture_line(self, core: str, lowered: str | None) -> bool:
        """Whether a trimmed line is nothing but items of furniture; ``lowered`` is ``core``
        lower-cased where the lower-case twins apply to its document, else None."""
        if lowered is not None and self.lines_lower is not None:
            return self.lines_lower.fullmatch(lowered) is not None
        return self.lines.fullmatch(core) is not None

    @cached_property
    def label_opening(self) -> regex.Pattern | None:
        """A time stamp's label opening a line ("Updated", "Publicado el"), with what follows it."""
        return self.profile.pattern("stamp_labels", prefix="^", suffix=LABEL_END) if self.profile.stamp_labels else None

    @cached_property
    def label_anywhere(self) -> regex.Pattern | None:
        """The same anywhere a word starts ("…, mis à jour le …")."""
        return self.profile.pattern("stamp_labels", prefix=r"(?<!\w)", suffix=LABEL_END) if self.profile.stamp_labels else None

    @cached_property
    def relative_time(self) -> regex.Pattern | None:
        """A relative time ("an hour ago", "há 7 horas"), unlabelled."""
        return self.profile.pattern("relative_time") if self.profile.relative_time else None

    def is_relative_time(self, core: str, lowered: str | None) -> bool:
        """Whether a trimmed line is a relative time stamp ("Updated an hour ago"); ``lowered``
        as for :meth:`is_furniture_line`."""
        if lowered is not None and self.stamp_lower is not None:
            return self.stamp_lower.fullmatch(lowered) is not None
        return self.stamp.fullmatch(core) is not None


_TABLES: dict[str, PhraseTable] = {}
_FLAGS = regex.IGNORECASE | regex.V1
# What trimming removes around a line, plus the separators that str.strip() also removes.
_LEAD_CHAR = rf"[\s{regex.escape(LEAD_MARKS)}\x1c-\x1f\x85]"
_LEAD = _LEAD_CHAR + "*"
_TRAIL = rf"[\s{regex.escape(TRAIL_MARKS)}\x1c-\x1f\x85]*"
_SEPARATOR = r"\s*[|•·/]\s*"


def phrase_table(p: LanguageProfile) -> PhraseTable:
    if p.code in _TABLES:
        return _TABLES[p.code]
    phrases = [(DISCLAIMER, regex.compile(x, _FLAGS)) for x in p.disclaimers]
    phrases += [(TAIL, regex.compile(rf"(?<=[\s.…])(?:{x})\s*[»›>.…]*\s*$", _FLAGS)) for x in p.inline_tails]
    # A line whose trimmed core matches a whole-line phrase matches this, whatever was trimmed.
    # A teaser heading is furniture itself, whether or not the line list repeats it. Items of
    # furniture may share a line between separators ("Share on Facebook | Share on Twitter").
    line_phrases = [*p.boilerplate_lines, *p.teaser_headings]
    items = alternation(line_phrases)
    more = rf"(?:{_SEPARATOR}(?:{items}))*"
    # A relative time, labelled or not ("Updated an hour ago", "Atualizado há 7 horas").
    stamp = p.relative_time and (rf"(?:(?:{p.stamp_labels}){LABEL_END})?(?:{p.relative_time})" if p.stamp_labels
                                 else p.relative_time)
    whole_line = rf"{_LEAD}(?:(?:{items}){more}|{stamp or '(?!x)x'}){_TRAIL}"
    by_literal: dict[str, list[tuple[str, int]]] = {}
    complete = True
    for i, phrase in enumerate([*p.disclaimers, *p.inline_tails]):
        lits = required_literals(phrase)
        if lits is None or any(not lit.strip() for lit in lits):
            complete = False
            continue
        for lit in lits:
            by_literal.setdefault(lit.lower(), []).append((p.code, i))
    stamp = stamp or r"(?!x)x"
    stamp_phrases = [p.relative_time, p.stamp_labels]
    # Most lines of copy open as no whole-line phrase does: a lookahead on the first characters
    # of the line turns them away before the large alternation is tried.
    whole_line_lower = None
    if twinnable(line_phrases + stamp_phrases):
        whole_line_lower = lower_case_twin((opening_guard([*line_phrases, stamp]) or "") + whole_line,
                                           line_phrases + stamp_phrases)
    _TABLES[p.code] = table = PhraseTable(p, f"(?:{items}){more}", stamp, whole_line, phrases, by_literal, complete,
                                          whole_line_lower, line_phrases, stamp_phrases)
    return table


@dataclass
class LiteralFinder:
    """The literals of several phrase tables, found together: ``automaton`` reports every
    occurrence of each (by index, overlapping ones too) in one pass over the text, where a
    ``str.find`` per literal scans the text once for each; ``ids[k]`` are the phrases of every
    table whose literal ``k`` is, ``skips[k]`` the white space that opens it."""

    automaton: object  # ahocorasick_rs.AhoCorasick
    ids: list[list[tuple[str, int]]]
    skips: list[int]

    def lines(self, low: str, starts: list[int]) -> Iterator[tuple[int, list[tuple[str, int]]]]:
        """``(line, ids)`` for each line of ``low`` (lines open at the sorted ``starts``) where a
        literal's first visible character lies, with the phrases of that literal. After each
        occurrence a literal is sought again from the next line on, as one ``str.find`` per line
        would seek it (the lines found are the same)."""
        resume = [0] * len(self.ids)
        for k, pos, _ in self.automaton.find_matches_as_indexes(low, overlapping=True):
            if pos >= resume[k]:
                line = bisect.bisect_right(starts, pos + self.skips[k]) - 1
                resume[k] = starts[line + 1] if line + 1 < len(starts) else len(low) + 1
                yield line, self.ids[k]


_FINDERS: dict[tuple[str, ...], LiteralFinder] = {}


def literal_finder(tables: list[PhraseTable]) -> LiteralFinder:
    """The :class:`LiteralFinder` of ``tables``' literals, built once per list of languages."""
    key = tuple(t.profile.code for t in tables)
    finder = _FINDERS.get(key)
    if finder is None:
        import ahocorasick_rs  # compiled Aho-Corasick (Rust), imported with the first document

        merged: dict[str, list[tuple[str, int]]] = {}
        for table in tables:
            for lit, ids in table.by_literal.items():
                merged.setdefault(lit, []).extend(ids)
        literals = list(merged)
        automaton = ahocorasick_rs.AhoCorasick(literals, matchkind=ahocorasick_rs.MatchKind.Standard)
        finder = _FINDERS[key] = LiteralFinder(automaton, [merged[lit] for lit in literals],
                                               [len(lit) - len(lit.lstrip()) for lit in literals])
    return finder


# Syntax that reads differently in the two engines (inline flags, the regex module's set
# operations and nested sets) or on lower-cased text (properties, characters by code).
_NOT_TWINNABLE = regex.compile(r"\\[pPNxuU]|\(\?[a-zA-Z^]|--|&&|\|\||~~|\[\[")


def twinnable(phrases: list[str]) -> bool:
    """Whether every phrase is written in lower case and uses only syntax that both engines read
    alike (see :func:`lower_case_twin`)."""
    for phrase in filter(None, phrases):
        letters = regex.sub(r"\\.", "", phrase)  # escapes such as \W and \S are not letters
        if _NOT_TWINNABLE.search(phrase) or letters != letters.lower():
            return False
    return True


def lower_case_twin(pattern: str, phrases: list[str]) -> re.Pattern | None:
    """``pattern``, which joins ``phrases`` and is matched ignoring case by the regex module, as a
    case-sensitive standard-library pattern that matches the lower-cased text at the same places.

    That holds when every phrase is written in lower case and uses only syntax that both engines
    read alike, and (checked per document) when lower-casing the text is case folding and the
    two engines' character classes agree on its characters."""
    if not twinnable(phrases):
        return None
    try:
        return re.compile(pattern)
    except re.error:
        return None


def opening_guard(phrases: list[str]) -> str | None:
    """A lookahead that passes wherever a match of one of ``phrases`` may start, after what
    trimming removes (see :func:`auditor.pattern_openings.openings_pattern`); None when a phrase
    may open with anything."""
    alternatives = openings_pattern(phrases)
    return None if alternatives is None else f"(?={_LEAD_CHAR}|{alternatives})"
