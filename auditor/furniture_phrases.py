"""Each language's page-furniture phrases compiled once, for :mod:`auditor.furniture`: the
whole-line patterns, the phrases that may sit anywhere in a line, and the literals that find
the lines where those may match."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from auditor.languages import LanguageProfile
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
    lines: regex.Pattern
    stamp: regex.Pattern
    whole_line: regex.Pattern
    phrases: list[tuple[str, regex.Pattern]]
    by_literal: dict[str, list[tuple[str, int]]]
    complete: bool
    # ``whole_line``, ``lines`` and ``stamp`` for lower-cased text, case-sensitive and run by the
    # standard library, which tries a large alternation at a third of the regex module's cost;
    # None when they cannot be (see :func:`lower_case_twin`).
    whole_line_lower: re.Pattern | None
    lines_lower: re.Pattern | None
    stamp_lower: re.Pattern | None

    @property
    def whole_line_id(self) -> tuple[str, int]:
        return (self.profile.code, _WHOLE_LINE)

    def is_furniture_line(self, core: str, lowered: str | None) -> bool:
        """Whether a trimmed line is nothing but items of furniture; ``lowered`` is ``core``
        lower-cased where the lower-case twins apply to its document, else None."""
        if lowered is not None and self.lines_lower is not None:
            return self.lines_lower.fullmatch(lowered) is not None
        return self.lines.fullmatch(core) is not None

    def is_relative_time(self, core: str, lowered: str | None) -> bool:
        """Whether a trimmed line is a relative time stamp ("Updated an hour ago"); ``lowered``
        as for :meth:`is_furniture_line`."""
        if lowered is not None and self.stamp_lower is not None:
            return self.stamp_lower.fullmatch(lowered) is not None
        return self.stamp.fullmatch(core) is not None


_TABLES: dict[str, PhraseTable] = {}
# What trimming removes around a line, plus the separators that str.strip() also removes.
_LEAD = rf"[\s{regex.escape(LEAD_MARKS)}\x1c-\x1f\x85]*"
_TRAIL = rf"[\s{regex.escape(TRAIL_MARKS)}\x1c-\x1f\x85]*"
_SEPARATOR = r"\s*[|•·/]\s*"


def phrase_table(p: LanguageProfile) -> PhraseTable:
    if p.code in _TABLES:
        return _TABLES[p.code]
    flags = regex.IGNORECASE | regex.V1
    phrases = [(DISCLAIMER, regex.compile(x, flags)) for x in p.disclaimers]
    phrases += [(TAIL, regex.compile(rf"(?<=[\s.…])(?:{x})\s*[»›>.…]*\s*$", flags)) for x in p.inline_tails]
    # A line whose trimmed core matches a whole-line phrase matches this, whatever was trimmed.
    # A teaser heading is furniture itself, whether or not the line list repeats it. Items of
    # furniture may share a line between separators ("Share on Facebook | Share on Twitter").
    items = p.pattern("boilerplate_lines", "teaser_headings").pattern
    more = rf"(?:{_SEPARATOR}(?:{items}))*"
    # A relative time, labelled or not ("Updated an hour ago", "Atualizado há 7 horas").
    stamp = p.relative_time and (rf"(?:(?:{p.stamp_labels}){LABEL_END})?(?:{p.relative_time})" if p.stamp_labels
                                 else p.relative_time)
    whole_line = regex.compile(rf"{_LEAD}(?:(?:{items}){more}|{stamp or '(?!x)x'}){_TRAIL}", flags)
    lines = regex.compile(f"(?:{items}){more}", flags)
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
    line_phrases = [*p.boilerplate_lines, *p.teaser_headings]
    stamp_phrases = [p.relative_time, p.stamp_labels]
    _TABLES[p.code] = table = PhraseTable(
        p, lines, regex.compile(stamp, flags), whole_line, phrases, by_literal, complete,
        lower_case_twin(whole_line.pattern, line_phrases + stamp_phrases),
        lower_case_twin(lines.pattern, line_phrases), lower_case_twin(stamp, stamp_phrases))
    return table


# Syntax that reads differently in the two engines (inline flags, the regex module's set
# operations and nested sets) or on lower-cased text (properties, characters by code).
_NOT_TWINNABLE = regex.compile(r"\\[pPNxuU]|\(\?[a-zA-Z^]|--|&&|\|\||~~|\[\[")


def lower_case_twin(pattern: str, phrases: list[str]) -> re.Pattern | None:
    """``pattern``, which joins ``phrases`` and is matched ignoring case by the regex module, as a
    case-sensitive standard-library pattern that matches the lower-cased text at the same places.

    That holds when every phrase is written in lower case and uses only syntax that both engines
    read alike, and (checked per document) when lower-casing the text is case folding and the
    two engines' character classes agree on its characters."""
    for phrase in filter(None, phrases):
        letters = regex.sub(r"\\.", "", phrase)  # escapes such as \W and \S are not letters
        if _NOT_TWINNABLE.search(phrase) or letters != letters.lower():
            return None
    try:
        return re.compile(pattern)
    except re.error:
        return None
