"""boilerplate: scraped page furniture left in the copy."""

from __future__ import annotations

from typing import Iterable

import regex

from auditor import segment
from auditor.document import Document
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
_TIME_WORDS = frozenset("am pm a.m p.m gmt utc est edt cet cest bst ist irst et pt at de of the el le à às o".split())


def find_boilerplate(doc: Document) -> list[tuple[int, int, str]]:
    """Spans of page furniture, sorted: (start, end, why). Whole lines unless a line only ends in
    furniture ("... Read more")."""
    text = doc.text
    profiles = _profiles(doc.language)
    found: list[tuple[int, int, str]] = []
    in_teasers = False
    for start, end in segment.lines(text):
        line = text[start:end]
        n_words = len(_WORD.findall(line))
        core = _TRIM.sub("", line)
        why = _whole_line(core, n_words, profiles)
        if why:
            found.append((start, end, why))
            if any(p.pattern("teaser_headings").fullmatch(core) for p in profiles):
                in_teasers = True
            continue
        tail = _inline_tail(line, profiles)
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


def _profiles(lang: str) -> list[LanguageProfile]:
    own = get_profile(lang)
    return [own] if own.code == "en" else [own, get_profile("en")]


def _whole_line(core: str, n_words: int, profiles: list[LanguageProfile]) -> str | None:
    if not core:
        return None
    for p in profiles:
        if n_words <= _MAX_FURNITURE_WORDS and p.pattern("boilerplate_lines").fullmatch(core):
            return "page furniture"
        if p.relative_time and p.pattern("relative_time").fullmatch(core):
            return "time stamp"
        if p.pattern("disclaimers").search(core):
            return "site disclaimer"
    if _is_timestamp(core, profiles):
        return "time stamp"
    return None


def _is_timestamp(core: str, profiles: list[LanguageProfile]) -> bool:
    """A line of nothing but weekday, month, day, year and clock time."""
    if len(core) > 80 or not _HAS_DIGIT.search(core):
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


def _tail_pattern(p: LanguageProfile) -> regex.Pattern:
    return p.pattern("inline_tails", r"(?<=[\s.…])", r"\s*[»›>.…]*\s*$")


def _inline_tail(line: str, profiles: list[LanguageProfile]) -> int | None:
    for p in profiles:
        m = _tail_pattern(p).search(line)
        if m and m.start() > 0:
            return m.start()
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
