"""boilerplate: scraped page furniture left in the copy."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable

import regex

from auditor import segment
from auditor.document import Document
from auditor.prefilter import required_literals
from auditor.findings import Finding, Severity
from auditor.languages import LanguageProfile, get_profile
from auditor.rules.base import Context, Rule, register

_MAX_FURNITURE_WORDS = 25
_MAX_TEASER_WORDS = 60
_WORD = regex.compile(r"\w+", regex.V1)
_TRIM = regex.compile(r"^[\s|•·»›>\-–—*#]+|[\s|•·»›>\-–—:*#]+$", regex.V1)
_DATE_PREFIX = regex.compile(
    r"^(?:(?:date|fecha|data|published|publicado|publié)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?=\s+\S)",
    regex.IGNORECASE | regex.V1,
)
_CLOCK = regex.compile(r"\d{1,2}[:.h]\d{2}(?::\d{2})?|\d{1,4}(?:st|nd|rd|th|º|ª)?", regex.IGNORECASE | regex.V1)
_HAS_DIGIT = regex.compile(r"\d")
_TIME_TOKENS = regex.compile(r"[\p{L}.]+|\d+(?:[:.h]\d+)*(?:st|nd|rd|th)?", regex.V1)
_MAX_STAMP_CHARS = 80
_TRIMMED = set("|•·»›>-–—:*#")
_DATE_SCAN = regex.compile(r"(?m)^[\s\x1c-\x1f\x85]*(?P<body>" + _DATE_PREFIX.pattern.lstrip("^") + ")", regex.IGNORECASE | regex.V1)
_TIME_WORDS = frozenset("am pm a.m p.m gmt utc est edt cet cest bst ist irst et pt at de of the el le à às o".split())


def find_boilerplate(doc: Document) -> list[tuple[int, int, str]]:
    """Spans of page furniture, sorted: (start, end, why). Whole lines unless a line only ends in
    furniture ("... Read more")."""
    text = doc.text
    tables = [_phrase_table(p) for p in _profiles(doc.language)]
    spans = segment.lines(text)
    suspects = _suspect_lines(doc, spans, tables)
    found: list[tuple[int, int, str]] = []
    in_teasers = False
    for i, (start, end) in enumerate(spans):
        hits = suspects.get(i)
        if hits is None and not in_teasers:
            continue  # no phrase's literal and no digit: this line cannot be furniture
        hits = hits or _NO_HITS
        line = text[start:end]
        n_words = len(_WORD.findall(line))
        core = _TRIM.sub("", line)
        why = _whole_line(core, n_words, tables, hits)
        if why:
            found.append((start, end, why))
            if any(t.profile.pattern("teaser_headings").fullmatch(core) for t in tables):
                in_teasers = True
            continue
        tail = _inline_tail(line, tables, hits)
        if tail is not None:
            found.append((start + tail, end, "link text"))
            continue
        if in_teasers and n_words <= _MAX_TEASER_WORDS:
            found.append((start, end, "teaser list"))
            continue
        in_teasers = False
        prefix = _DATE_PREFIX.match(line)
        if prefix:
            found.append((start, start + prefix.end(), "date stamp"))
    found.extend(_labels_of_furniture(text, found))
    return sorted(found)


_LINE, _STAMP, _DISCLAIMER, _TAIL = "line", "stamp", "disclaimer", "tail"
_NO_HITS: frozenset = frozenset()


@dataclass
class _PhraseTable:
    """One profile's furniture phrases, each compiled on its own, and the literals that find them.

    ``phrases[i]`` is (kind, pattern); ``by_literal`` maps a lower-case literal to the ids of the
    phrases whose every match contains it; ``complete`` is False when some phrase has no literal.
    """

    profile: LanguageProfile
    phrases: list[tuple[str, regex.Pattern]]
    by_literal: dict[str, list[tuple[str, int]]]
    complete: bool


_TABLES: dict[str, _PhraseTable] = {}


def _phrase_table(p: LanguageProfile) -> _PhraseTable:
    if p.code in _TABLES:
        return _TABLES[p.code]
    flags = regex.IGNORECASE | regex.V1
    phrases: list[tuple[str, regex.Pattern]] = []
    for phrase in p.boilerplate_lines:
        phrases.append((_LINE, regex.compile(phrase, flags)))
    if p.relative_time:
        phrases.append((_STAMP, regex.compile(p.relative_time, flags)))
    for phrase in p.disclaimers:
        phrases.append((_DISCLAIMER, regex.compile(phrase, flags)))
    for phrase in p.inline_tails:
        phrases.append((_TAIL, regex.compile(rf"(?<=[\s.…])(?:{phrase})\s*[»›>.…]*\s*$", flags)))
    by_literal: dict[str, list[tuple[str, int]]] = {}
    complete = True
    sources = [*p.boilerplate_lines, *([p.relative_time] if p.relative_time else []), *p.disclaimers, *p.inline_tails]
    for i, phrase in enumerate(sources):
        lits = required_literals(phrase)
        if lits is None or any(not lit.strip() for lit in lits):
            complete = False
            continue
        for lit in lits:
            by_literal.setdefault(lit.lower(), []).append((p.code, i))
    _TABLES[p.code] = table = _PhraseTable(p, phrases, by_literal, complete)
    return table


def _suspect_lines(doc: Document, spans: list[tuple[int, int]],
                   tables: list[_PhraseTable]) -> dict[int, set[tuple[str, int]]]:
    """The lines that may hold furniture, each with the phrases that may match it.

    Every furniture phrase contains a literal (see :mod:`auditor.prefilter`), and finding
    literals in the lower-cased text costs a fraction of running every phrase on every line;
    almost every line of real copy is ruled out, and each suspect is tested only against the
    phrases whose literal it contains.
    """
    text, low = doc.text, doc.lower_text
    if low is None or not all(t.complete for t in tables):
        # Lower-casing moved offsets, or a phrase has no literal: every line is a suspect.
        every = {(t.profile.code, i) for t in tables for i in range(len(t.phrases))}
        return {i: every for i in range(len(spans))}
    starts = [s for s, _ in spans]
    suspects: dict[int, set[tuple[str, int]]] = {}
    for table in tables:
        for lit, ids in table.by_literal.items():
            pos = low.find(lit)
            while pos != -1:
                # The literal's first visible character lies inside its line.
                line = bisect.bisect_right(starts, pos + len(lit) - len(lit.lstrip())) - 1
                suspects.setdefault(line, set()).update(ids)
                if line + 1 >= len(starts):
                    break
                pos = low.find(lit, starts[line + 1])
    for m in _DATE_SCAN.finditer(text):
        suspects.setdefault(bisect.bisect_right(starts, m.start("body")) - 1, set())
    for i, (start, end) in enumerate(spans):
        # Time stamps are short, so only short lines (or lines that trimming may shorten) qualify.
        if (end - start <= _MAX_STAMP_CHARS or text[start] in _TRIMMED or text[end - 1] in _TRIMMED) \
                and _HAS_DIGIT.search(text, start, end):
            suspects.setdefault(i, set())
    return suspects


def _profiles(lang: str) -> list[LanguageProfile]:
    own = get_profile(lang)
    return [own] if own.code == "en" else [own, get_profile("en")]


def _whole_line(core: str, n_words: int, tables: list[_PhraseTable], hits) -> str | None:
    if not core:
        return None
    for table in tables:
        code = table.profile.code
        matched = [table.phrases[i] for c, i in hits if c == code]
        if n_words <= _MAX_FURNITURE_WORDS and any(k == _LINE and p.fullmatch(core) for k, p in matched):
            return "page furniture"
        if any(k == _STAMP and p.fullmatch(core) for k, p in matched):
            return "time stamp"
        if any(k == _DISCLAIMER and p.search(core) for k, p in matched):
            return "site disclaimer"
    if _is_timestamp(core, [t.profile for t in tables]):
        return "time stamp"
    return None


def _is_timestamp(core: str, profiles: list[LanguageProfile]) -> bool:
    """A line of nothing but weekday, month, day, year and clock time."""
    if len(core) > _MAX_STAMP_CHARS or not _HAS_DIGIT.search(core):
        return False
    tokens = _TIME_TOKENS.findall(core)
    if not tokens or not any(t[0].isdigit() for t in tokens):
        return False
    for tok in tokens:
        low = tok.lower().rstrip(".")
        if tok[0].isdigit() and _CLOCK.fullmatch(tok):
            continue
        if low in _TIME_WORDS or any(low in p.months or low in p.weekdays or low in p.abbreviations for p in profiles):
            continue
        return False
    return True


def _inline_tail(line: str, tables: list[_PhraseTable], hits) -> int | None:
    """Where link text that ends the line starts ("... Read more"), or None."""
    for table in tables:
        code = table.profile.code
        starts = [m.start() for c, i in hits if c == code and table.phrases[i][0] == _TAIL
                  and (m := table.phrases[i][1].search(line))]
        if starts:
            return min(starts)
    return None


def _labels_of_furniture(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Short title-case labels ("Media Wire", "IFP Media Wire") whose every word comes from a site
    disclaimer in the same document: the site's own section names and signatures."""
    disclaimer_words = set()
    for s, e, why in found:
        if why == "site disclaimer":
            disclaimer_words.update(w.lower() for w in _WORD.findall(text[s:e]))
    if not disclaimer_words:
        return []
    taken = {(s, e) for s, e, _ in found}
    labels = []
    for start, end in segment.lines(text):
        words = _WORD.findall(text[start:end])
        if (start, end) in taken or not 1 <= len(words) <= 5 or text[end - 1] in ".!?":
            continue
        if all(w[0].isupper() for w in words) and all(w.lower() in disclaimer_words for w in words):
            labels.append((start, end, "site label"))
    return labels


@register
class Boilerplate(Rule):
    """Scraped page furniture on its own line: "Source link", "Leave a Reply", "Recent Posts",
    "11 hours ago", share and subscribe prompts, copyright and comment-form lines, site
    disclaimers, date stamps and the teaser lists that follow "Related" or "Recent Posts" headings.

    Matches whole lines against per-language phrase lists (a sentence that merely contains such
    words never matches), with a word limit, so running text cannot fire.
    """

    id = "boilerplate"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        for start, end, why in ctx.boilerplate:
            yield self.finding(ctx, start, end, f"scraped page furniture ({why})", "")
