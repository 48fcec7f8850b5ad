"""Scraped page furniture left in the copy: where it is, for the ``boilerplate`` rule and for the
other rules, which stay out of it."""

from __future__ import annotations

import re
from itertools import compress, count, islice, repeat
from operator import methodcaller

import regex

from auditor.document import Document
from auditor.furniture_phrases import (DISCLAIMER, LEAD_MARKS, TAIL, TRAIL_MARKS, PhraseTable,
                                       literal_finder, phrase_table)
from auditor.languages import LanguageProfile, get_profile

_MAX_FURNITURE_WORDS = 25
_MAX_TEASER_WORDS = 60
# A line that ends with a full stop and has this many words is a paragraph of prose, not a teaser.
_MIN_PROSE_WORDS = 12
# No headline is longer than this; an excerpt that is, ends in an ellipsis.
_MAX_HEADLINE_WORDS = 20
# A sentence end inside a line: a full stop, question or exclamation mark, then a capital.
_SENTENCE_BREAK = regex.compile(r"[.!?][\"'”’»)]*\s+[\"“«(]*\p{Lu}", regex.V1)
_WORD = regex.compile(r"\w+", regex.V1)
# Trimming takes the marks and white space around a line's core ("» Source link", "— Leave a Reply —").
_TRIM = regex.compile(rf"^[\s{regex.escape(LEAD_MARKS)}]+|[\s{regex.escape(TRAIL_MARKS)}]+$", regex.V1)
# A date stamp opening a line, for match(text, line_start, line_end).
_DATE_STAMP = regex.compile(
    r"(?:(?:date|fecha|data|published|publicado|publié)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?=\s+\S)",
    regex.IGNORECASE | regex.V1,
)
# What a date stamp can open with: a digit or the first letter of one of its labels, in either case
# (and the ligatures that case folding turns into an f).
_DATE_STAMP_FIRST = frozenset("dDfFpP\ufb00\ufb01\ufb02\ufb03\ufb04")
_CLOCK = regex.compile(r"\d{1,2}[:.h]\d{2}(?::\d{2})?|\d{1,4}(?:st|nd|rd|th|º|ª)?", regex.IGNORECASE | regex.V1)
_HAS_DIGIT = regex.compile(r"\d")
# The same in the standard library, which answers a short search in a third of the time, for
# texts on which both engines read alike (auditor.words.re_reads_alike).
_HAS_DIGIT_RE = re.compile(r"\d")
_TIME_TOKENS = regex.compile(r"[\p{L}.]+|\d+(?:[:.h]\d+)*(?:st|nd|rd|th)?", regex.V1)
_MAX_STAMP_CHARS = 80
_TRIMMED = frozenset(TRAIL_MARKS)
_LEAD_SET = frozenset(LEAD_MARKS)
_group = methodcaller("group")
_TIME_WORDS = frozenset("am pm a.m p.m gmt utc est edt cet cest bst ist irst et pt at de of the el le à às o "
                        "a las em on h hs hrs".split())


def find_boilerplate(doc: Document) -> list[tuple[int, int, str]]:
    """Spans of page furniture, sorted: (start, end, why). Whole lines unless a line only ends in
    furniture ("... Read more")."""
    text = doc.text
    tables = _tables(doc.language)
    spans = doc.lines
    # The lower-cased twins of the whole-line patterns apply when lower-casing is case folding
    # here and both engines read the text's characters alike.
    twins = doc.lower_is_case_folding and doc.words.re_reads_alike
    suspects = _suspect_lines(doc, spans, tables, twins)
    found: list[tuple[int, int, str]] = []
    in_teasers = False
    for i, (start, end) in enumerate(spans):
        hits = suspects.get(i)
        if hits is None and not in_teasers:
            continue  # no phrase's literal and no digit: this line cannot be furniture
        line = text[start:end]
        # Only the whole-line phrases and teaser lists have a word limit.
        n_words = _count_words(text, start, end) if hits or in_teasers else 0
        hits = hits or _NO_HITS
        # Lines are stripped of white space, so only marks at either end leave anything to trim.
        core = _TRIM.sub("", line) if line[0] in _LEAD_SET or line[-1] in _TRIMMED else line
        why = _whole_line(core, core.lower() if twins else None, n_words, tables, hits)
        if why:
            found.append((start, end, why))
            if any(t.profile.pattern("teaser_headings").fullmatch(core) for t in tables):
                in_teasers = True
            continue
        tail = _inline_tail(line, tables, hits)
        if tail is not None:
            found.append((start + tail, end, "link text"))
            continue
        if in_teasers and n_words <= _MAX_TEASER_WORDS and not _is_prose(core, n_words):
            found.append((start, end, "teaser list"))
            continue
        in_teasers = False
        stamp = (line[0] in _DATE_STAMP_FIRST or line[0].isdigit()) and _DATE_STAMP.match(text, start, end)
        if stamp:
            found.append((start, stamp.end(), "date stamp"))
    found.extend(_labels_of_furniture(text, spans, found))
    return sorted(found)


def _count_words(text: str, start: int, end: int) -> int:
    """The words of ``text[start:end]``, counted up to one past the largest word limit: no list
    of a huge line's words, and the same answer to every limit test."""
    limit = max(_MAX_FURNITURE_WORDS, _MAX_TEASER_WORDS) + 1
    return sum(1 for _ in islice(_WORD.finditer(text, start, end), limit))


_NO_HITS: frozenset = frozenset()


def _suspect_lines(doc: Document, spans: list[tuple[int, int]], tables: list[PhraseTable],
                   twins: bool) -> dict[int, set[tuple[str, int]]]:
    """The lines that may hold furniture, each with the phrases that may match it.

    One anchored match per line tries every whole-line phrase at once. Phrases that may sit
    anywhere in a line each contain a literal (see :mod:`auditor.prefilter`), and finding those
    in the lower-cased text, all in one pass (see :class:`LiteralFinder`), costs a fraction of
    searching every line with every phrase. Almost every line of real copy is ruled out; each suspect is tested only against its phrases.
    ``twins`` says whether the lower-case twins of the patterns apply to this document.
    """
    text, low = doc.text, doc.lower_text
    whole_lines = [(t.whole_line_lower.fullmatch, low) if twins and t.whole_line_lower else (t.whole_line.fullmatch, text)
                   for t in tables]
    suspects: dict[int, set[tuple[str, int]]] = {}
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    # Each pattern is tried on every line in C; only the lines it matches reach Python.
    for table, (whole_line, against) in zip(tables, whole_lines):
        for i in compress(count(), map(whole_line, repeat(against), starts, ends)):
            suspects.setdefault(i, set()).add(table.whole_line_id)
    # Time and date stamps hold digits. They are short, so only short lines (or lines that
    # trimming may shorten) qualify, or a line that opens with a date stamp.
    # The tests that cost least come first: most lines are long, and few open like a date stamp.
    has_digit = _HAS_DIGIT_RE.search if doc.words.re_reads_alike else _HAS_DIGIT.search
    for i, (start, end) in enumerate(spans):
        if end - start <= _MAX_STAMP_CHARS or text[start] in _TRIMMED or text[end - 1] in _TRIMMED:
            if has_digit(text, start, end):
                suspects.setdefault(i, set())
        elif (text[start] in _DATE_STAMP_FIRST or text[start].isdigit()) and _DATE_STAMP.match(text, start, end):
            suspects.setdefault(i, set())
    if low is None or not all(t.complete for t in tables):
        # Lower-casing moved offsets, or a phrase has no literal: every line is a suspect.
        rest = {(t.profile.code, i) for t in tables for i in range(len(t.phrases))}
        for i in range(len(spans)):
            suspects.setdefault(i, set()).update(rest)
        return suspects
    for line, ids in literal_finder(tables).lines(low, starts):
        suspects.setdefault(line, set()).update(ids)
    return suspects


def _is_prose(core: str, n_words: int) -> bool:
    """A paragraph of running prose, never a teaser: more than one sentence, or one long sentence
    that ends with a full stop, or a line longer than any headline. Teasers are headlines (short,
    no final full stop) and excerpts cut short by an ellipsis."""
    body = core.rstrip("\"'”’»)] \u00a0")
    if body.endswith(("...", "…")):
        return False
    if n_words > _MAX_HEADLINE_WORDS:
        return True
    if not body.endswith((".", "!", "?")):
        return False
    return body.endswith(".") and n_words >= _MIN_PROSE_WORDS or \
        _SENTENCE_BREAK.search(body, 0, len(body) - 1) is not None


def _profiles(lang: str) -> list[LanguageProfile]:
    own = get_profile(lang)
    return [own] if own.code == "en" else [own, get_profile("en")]


_TABLES_FOR: dict[str, list[PhraseTable]] = {}


def _tables(lang: str) -> list[PhraseTable]:
    """The phrase tables that apply to copy in ``lang``: its own, then English's."""
    tables = _TABLES_FOR.get(lang)
    if tables is None:
        tables = _TABLES_FOR[lang] = [phrase_table(p) for p in _profiles(lang)]
    return tables


def _whole_line(core: str, lowered: str | None, n_words: int, tables: list[PhraseTable], hits) -> str | None:
    if not core:
        return None
    for table in tables:
        if table.whole_line_id in hits:
            if n_words <= _MAX_FURNITURE_WORDS and table.is_furniture_line(core, lowered):
                return "page furniture"
            if table.is_relative_time(core, lowered):
                return "time stamp"
        code = table.profile.code
        if any(c == code and i >= 0 and table.phrases[i][0] == DISCLAIMER and table.phrases[i][1].search(core)
               for c, i in hits):
            return "site disclaimer"
    if _is_timestamp(core, tables):
        return "time stamp"
    return None


def _is_timestamp(core: str, tables: list[PhraseTable]) -> bool:
    """A line of nothing but weekday, month, day, year and clock time."""
    if len(core) > _MAX_STAMP_CHARS or not _HAS_DIGIT.search(core):
        return False
    # A label opens it ("Updated", "Publicado el", "Mis à jour le"); what follows may also be a
    # relative time ("Atualizado há 7 horas"), or more labelled dates ("…, mis à jour le …").
    for table in tables:
        label = table.label_opening and table.label_opening.match(core)
        if label:
            core = core[label.end():]
            if any(t.relative_time and t.relative_time.fullmatch(core) for t in tables):
                return True
            core = table.label_anywhere.sub(" ", core)
            if not _HAS_DIGIT.search(core):
                return False
            break
    profiles = [t.profile for t in tables]
    # Every digit lies in a token that opens with it, so the line has a number among its tokens.
    for tok in map(_group, _TIME_TOKENS.finditer(core)):  # stops at the first other word
        low = tok.lower().rstrip(".")
        if tok[0].isdigit() and _CLOCK.fullmatch(tok):
            continue
        if low in _TIME_WORDS or any(low in p.months or low in p.weekdays or low in p.abbreviations for p in profiles):
            continue
        return False
    return True


def _inline_tail(line: str, tables: list[PhraseTable], hits) -> int | None:
    """Where link text that ends the line starts ("... Read more"), or None."""
    for table in tables:
        code = table.profile.code
        starts = [m.start() for c, i in hits if c == code and i >= 0 and table.phrases[i][0] == TAIL
                  and (m := table.phrases[i][1].search(line))]
        if starts:
            return min(starts)
    return None


def _labels_of_furniture(text: str, spans: list[tuple[int, int]], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
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
    for start, end in spans:
        words = list(islice(map(_group, _WORD.finditer(text, start, end)), 6))  # six tell "more than five"
        if (start, end) in taken or not 1 <= len(words) <= 5 or text[end - 1] in ".!?":
            continue
        if all(w[0].isupper() for w in words) and all(w.lower() in disclaimer_words for w in words):
            labels.append((start, end, "site label"))
    return labels
