"""Quotation-mark rules: quote marks run together (quote-garble), and quotations opened or closed
only once in their paragraph (unbalanced-quote)."""

from __future__ import annotations

import bisect
from operator import itemgetter
from typing import Iterable

import regex

from auditor.findings import Finding, Severity
from auditor.prefilter import find_all, matches_at
from auditor.rules.base import Context, Rule, register


_GARBLE = regex.compile(
    r"""[”"][“"][,.;:]?      # a closing quote glued to an opening one: Islam.”“,
      | “”                   # empty quotes
      | [.!?][”"][,;:]       # punctuation after a quote that already closed the sentence: end.”,
      | [,;:][”"][.,;:]      # two punctuation marks around one quote: ,”.
      | ([“”«»])[ \u00a0\u202f]?\1  # the same quote mark twice: ”” or » »
    """,
    regex.VERBOSE | regex.V1,
)
# The characters that can open a _GARBLE match, and those that can follow the first.
_GARBLE_FIRST = "”\"“.!?,;:«»"
_GARBLE_SECOND = "“\"”«» \u00a0\u202f"
_CLOSED_THEN_PUNCT = regex.compile(r"[.!?][”\"][,;:]")
_DOUBLE_QUOTES = "“”\"«»"
_WORD_BEFORE = regex.compile(r"\S*$")
_WORD_AFTER = regex.compile(r"\S*")
_LETTERS_BEFORE = regex.compile(r"\p{L}+$", regex.V1)
_LETTERS_AFTER = regex.compile(r"\p{L}*", regex.V1)


@register
class QuoteGarble(Rule):
    """Quote marks run into each other or into stray punctuation ("Islam.”“,", "“”", "end.”,").

    These sequences have no reading in any house style; they are left behind when machine
    translation or scraping reorders quotation marks.
    """

    id = "quote-garble"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Finding]:
        for m in _garbles(ctx):
            if ctx.in_boilerplate(m.start(), m.end()):
                continue
            frag = m.group()
            suggestion = frag[:-1] if _CLOSED_THEN_PUNCT.fullmatch(frag) else None
            yield self.finding(ctx, m.start(), m.end(), f"garbled quotation marks '{frag}'", suggestion)


@register
class UnbalancedQuote(Rule):
    """A closing double quote with no opening one in its paragraph, or an opening one never closed.

    Straight quotes are classified by the space around them; one between two letters (`d"état`)
    or after a name's plural `s` before a word (`the Headmasters" Conference`) may stand for an
    apostrophe and is read so when that balances the paragraph. An opening quote left open at the
    end of a paragraph is allowed when the next paragraph opens with a quote mark, the wire-copy
    convention for a quotation that runs over several paragraphs, and when a quotation nested in
    it closed: one closing mark may close both (`« Il m'a dit : « Non », a-t-il raconté.`). The
    marks of a run that quote-garble reports count as one closing mark and are not reported again.
    """

    id = "unbalanced-quote"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        text = doc.text
        paras = doc.paragraphs
        quotes = _quote_positions(ctx)
        if not quotes:
            return
        garbles = _garbles(ctx)
        garble_starts = [g.start() for g in garbles]
        function_words = None if doc.language == "en" else doc.profile.function_words
        for k, para in enumerate(paras):
            first = bisect.bisect_left(quotes, para.start)
            if first == len(quotes) or quotes[first] >= para.end:
                continue  # no quotation mark in this paragraph
            if ctx.in_boilerplate(para.start, para.end):
                continue
            in_para = garbles[bisect.bisect_left(garble_starts, para.start):bisect.bisect_left(garble_starts, para.end)]
            positions = quotes[first:bisect.bisect_left(quotes, para.end)]
            if not in_para and _paired(text, positions):
                continue
            events = _quote_events(text, positions, para.start, para.end, in_para, function_words)
            unmatched, left = _best_reading(text, positions, events)
            for pos in unmatched:
                start = pos - len(_WORD_BEFORE.search(text, para.start, pos).group())
                yield self.finding(ctx, start, pos + 1, "closing quotation mark without an opening one")
            if left:
                nxt = paras[k + 1] if k + 1 < len(paras) else None
                if nxt and text[nxt.start] in "“«\"" and _is_opening(text, nxt.start, nxt.start, nxt.end):
                    continue  # a quotation continued in the next paragraph
                pos = left[0]
                end = pos + 1 + len(_WORD_AFTER.match(text, pos + 1, para.end).group())
                yield self.finding(ctx, pos, end, "opening quotation mark that is never closed")


# What a double quotation mark does in its paragraph (see _quote_events).
_OPEN, _CLOSE, _GARBLED, _GARBLED_OPEN, _MAYBE_APOSTROPHE = range(5)
_WHAT = itemgetter(1)  # of an event
_SHAPES = str.maketrans("“”«»", "()<>")  # opening and closing marks; a straight quote stays itself
_PAIRS_IN_TURN = regex.compile(r"(?:\(\)|<>)+")


def _paired(text: str, positions: list[int]) -> bool:
    """Whether the marks at ``positions`` are curly or angle quotes that open and close in turn
    (“...” «...» “...”), the common case that :func:`_balance` passes without a finding: each of
    those marks opens or closes by its shape alone, and each closes the opening of its kind."""
    if len(positions) % 2 or text[positions[0]] not in "“«":
        return False  # ruled out at once, as in a paragraph of straight quotes
    marks = "".join(map(text.__getitem__, positions)).translate(_SHAPES)
    pairs = len(marks) // 2
    return marks == "()" * pairs or marks == "<>" * pairs or _PAIRS_IN_TURN.fullmatch(marks) is not None


def _quote_events(text: str, positions: list[int], start: int, end: int, garbles: list[regex.Match],
                  function_words: frozenset[str] | None) -> list[tuple[int, int]]:
    """(offset, what) for the quotation marks of one paragraph, in order: an opening mark, a
    closing one, a garbled run (one event at the run's start, which opens or closes as its first
    mark does), or a straight quote that may stand for an apostrophe."""
    events: list[tuple[int, int]] = []
    spans = [g.span() for g in garbles]
    g = 0
    for pos in positions:
        while g < len(spans) and spans[g][1] <= pos:
            g += 1
        opening = _is_opening(text, pos, start, end)
        if g < len(spans) and spans[g][0] <= pos:
            if not events or events[-1][0] != spans[g][0]:  # the run does what its first mark does
                events.append((spans[g][0], _GARBLED_OPEN if opening else _GARBLED))
        elif opening:
            events.append((pos, _OPEN))
        elif _maybe_apostrophe(text, pos, start, end, function_words):
            events.append((pos, _MAYBE_APOSTROPHE))
        else:
            events.append((pos, _CLOSE))
    return events


def _maybe_apostrophe(text: str, pos: int, start: int, end: int, function_words: frozenset[str] | None) -> bool:
    """A straight double quote typed for an apostrophe: between two letters (`d"état`), or after
    the `s` of a capitalised plural and before the next word, the English possessive of a name
    (`the Headmasters" Conference`, `Mercedes" team`). ``function_words``: in copy that is not
    English, those of its language, which cannot follow an English possessive."""
    if text[pos] != '"' or pos == start or pos + 2 >= end:
        return False
    before, after = text[pos - 1], text[pos + 1]
    if before.isalpha() and after.isalpha():
        return True
    if before not in "sS" or after != " " or not text[pos + 2].isalpha():
        return False
    word = _LETTERS_BEFORE.search(text, max(start, pos - 60), pos)
    if word is None or len(word.group()) < 3 or not word.group()[0].isupper():
        return False
    if function_words is None:
        return True
    nxt = _LETTERS_AFTER.match(text, pos + 2, min(end, pos + 60)).group()
    return nxt.lower() not in function_words


def _best_reading(text: str, positions: list[int], events: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The closing marks with no opening one and the openings left open, under the reading of
    the paragraph that leaves the fewest: straight quotes that may be apostrophes read as quotes
    or not, and, where straight and curly or angle marks mix, straight ones paired with any mark
    or only with each other. On a tie the earlier reading wins: quotes before apostrophes, and
    marks paired with their own kind (`« Il a dit : Non" », a-t-il raconté` lacks the opening
    of `Non"`, not that of `»`)."""
    loose = _balance(text, events, apostrophes=False, strict=False)
    if not (loose[0] or loose[1]):
        return loose
    kinds = {_KIND.get(text[p], 0) for p in positions}
    mixed = 0 in kinds and len(kinds) > 1
    readings = [(False, True)] if mixed else []
    if _MAYBE_APOSTROPHE in map(_WHAT, events):
        readings += [(True, True), (True, False)] if mixed else [(True, False)]
    if not readings:
        return loose  # the only reading there is
    balances = [_balance(text, events, as_apostrophes, strict) for as_apostrophes, strict in readings]
    balances.insert(1 if mixed else 0, loose)  # after the strict reading, which wins a tie
    return min(balances, key=lambda b: len(b[0]) + len(b[1]))


def _balance(text: str, events: list[tuple[int, int]], apostrophes: bool,
             strict: bool) -> tuple[list[int], list[int]]:
    """Pair the marks of one paragraph: the closing marks with no opening one, and the openings
    left open. A garbled run closes what is open and is never unmatched itself, and one that
    opens is quote-garble's finding if left open; an opening left open around a nested quotation
    that closed counts as closed with it (one closing mark for both). A curly closing mark never
    closes a guillemet nor a guillemet a curly quote, and a straight quote, which copy mixes with
    either, pairs with any opening mark unless ``strict`` (`« Je pense que Ye” est…` lacks the
    opening of `Ye”`). ``apostrophes``: read the marks that may be apostrophes so."""
    stack: list[list] = []  # [offset, a nested quotation closed, garbled]
    unmatched: list[int] = []
    unpaired = _OF_OTHER_KINDS if strict else _CURLY_AND_ANGLE
    for pos, what in events:
        if what == _OPEN or what == _GARBLED_OPEN:
            stack.append([pos, False, what == _GARBLED_OPEN])
        elif what == _MAYBE_APOSTROPHE and apostrophes:
            continue
        elif stack and (what == _GARBLED or text[stack[-1][0]] + text[pos] not in unpaired):
            stack.pop()
            if stack:
                stack[-1][1] = True
        elif what != _GARBLED:
            unmatched.append(pos)
    return unmatched, [pos for pos, nested_closed, garbled in stack if not nested_closed and not garbled]


_KIND = {"“": 1, "”": 1, "«": 2, "»": 2}  # curly and angle marks; a straight quote is kind 0
# An opening and a closing mark that make no quotation, always and when ``strict``.
_OF_OTHER_KINDS = frozenset(o + c for o in "\"“«" for c in "\"”»" if _KIND.get(o, 0) != _KIND.get(c, 0))
_CURLY_AND_ANGLE = frozenset({"“»", "«”"})


def _garbles(ctx: Context) -> list[regex.Match]:
    """Garbled quote sequences in the whole text, found once and shared by both quote rules.
    (None can cross a paragraph: each is a few adjacent characters on one line.)"""
    def find() -> list[regex.Match]:
        doc = ctx.doc
        return [m for m in _garble_matches(doc.text, _quote_positions(ctx))
                if not _ordinary_punctuation(doc.text, m, doc.language, doc.profile.abbreviations)]
    return ctx.once("quote-garbles", find)


# Languages whose quoted question or exclamation keeps its mark inside the quotation and still
# takes the comma of the sentence around it ("¿Están listos?”, informó"; English drops the
# comma: "Ready?" he asked).
_COMMA_AFTER_QUOTED_QUESTION = frozenset({"es", "fr", "pt"})


def _ordinary_punctuation(text: str, m: regex.Match, lang: str, abbreviations: frozenset[str]) -> bool:
    """A full stop, question or exclamation mark, closing quote and comma that the language's
    punctuation allows: a quoted question or exclamation in Romance copy, or the full stop of an
    abbreviation or initial that ends the quotation ("la I. A.”, dijo")."""
    frag = m.group()
    if not _CLOSED_THEN_PUNCT.fullmatch(frag):
        return False
    if frag[0] in "?!":
        return lang in _COMMA_AFTER_QUOTED_QUESTION
    word = _LETTERS_BEFORE.search(text, max(0, m.start() - 30), m.start())
    return word is not None and (len(word.group()) == 1 or word.group().lower() in abbreviations)


def _quote_positions(ctx: Context) -> list[int]:
    """Offsets of every double quotation mark, found once per document."""
    return ctx.once("double-quotes", lambda: find_all(ctx.doc.text, _DOUBLE_QUOTES))


def _garble_matches(text: str, quotes: list[int]) -> list[regex.Match]:
    """What ``_GARBLE.finditer(text)`` finds, trying only where a match can start.

    Every garble has a double quotation mark first or second, so matches can start only at or
    just before one; trying those offsets in order, after the previous match, keeps finditer's
    leftmost, non-overlapping semantics at a fraction of a full scan."""
    starts = sorted({q - 1 for q in quotes if q > 0} | set(quotes))
    # Most of those offsets are ruled out by their first two characters, read for a fraction of
    # the cost of trying the pattern there.
    starts = [p for p in starts if text[p] in _GARBLE_FIRST and text[p + 1:p + 2] in _GARBLE_SECOND]
    return list(matches_at(_GARBLE, text, starts))


def _is_opening(text: str, pos: int, start: int, end: int) -> bool:
    ch = text[pos]
    if ch in "“«":
        return True
    if ch in "”»":
        return False
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    return False
