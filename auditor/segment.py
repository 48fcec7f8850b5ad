"""Paragraph and sentence segmentation for news copy, as pure functions over code-point offsets.

The splitter is rule-based and fast (regular expressions, no model): wire copy needs abbreviations,
initials, decimals, quotes and datelines handled, and the auditor must run at several MB/s.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from auditor.languages import LanguageProfile, get_profile
from auditor.prefilter import find_all, matches_at

Span = tuple[int, int]

_TERMINAL_CHARS = frozenset(".!?…:;\"”’»)]")

# A sentence boundary candidate: terminal punctuation, optional closers, whitespace, then something
# that can open a sentence (a letter or digit, possibly behind an opening quote or bracket).
_BOUNDARY = regex.compile(
    r"(?P<punct>[.!?…]+)(?P<close>[\"”’'»)\]]*)(?P<space>\s+)(?=[\"“‘'«(\[¿¡]*(?P<next>[\w]))",
    regex.V1,
)
# Two sentences run together without a space: "Monday.The", "it.\"The".
_GLUED_BOUNDARY = regex.compile(r"(?<=\p{Ll}{2})[.!?][\"”’]?(?=\p{Lu}\p{Ll})", regex.V1)
# Both kinds of cut in one pattern, so the text is scanned once. A boundary match needs white space
# after its marks and a glued one a letter, so the two can never match at the same offset and
# finditer finds exactly the matches of the two patterns apart.
_CUT = regex.compile(f"{_BOUNDARY.pattern}|(?P<glued>{_GLUED_BOUNDARY.pattern})", regex.V1)
_CLOSE, _NEXT = _CUT.groupindex["close"], _CUT.groupindex["next"]
_MARKS = ".!?…"
_MARKS_AND_CLOSERS = frozenset(_MARKS + "\"”’'»)]")  # what _BOUNDARY's punct and close groups take
# The run of word characters, dots and joiners that ends where a (backward, (?r)) search stops.
_WORD_BEFORE = regex.compile(r"(?r)([\w.'’\-]+)$", regex.V1)
_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}", regex.V1)
_NEXT_WORD = regex.compile(r"[\"“‘'«(\[¿¡]*(\w+)", regex.V1)
# The next word, the character right after it, and the word after that (for _opens_sentence).
_NEXT_TWO = regex.compile(r"[\"“‘'«(\[¿¡]*(\w+)(\W?)[\"“‘'«(\[¿¡\s]*(\w*)", regex.V1)
# Up to three short dotted pieces right before a word, with or without a space after each ("EE. ").
_PIECES_BEFORE = regex.compile(r"(?r)(?<!\w)(?:\w{1,4}\.\s?){1,3}$", regex.V1)
_PIECE = regex.compile(r"(\w{1,4})\.", regex.V1)
# A short dotted piece that may carry an abbreviation on ("UU." after "EE. ").
_PIECE_AFTER = regex.compile(r"(\w{1,4})\.(?!\w)", regex.V1)
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i this that these those in on at but and as after before when while "
    "however meanwhile his her their its our there some many most".split()
)


def lines(text: str) -> list[Span]:
    """Spans of the non-blank lines of ``text``, without their line breaks and outer whitespace."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def paragraphs(text: str, line_spans: list[Span] | None = None) -> list[Span]:
    """Paragraph spans.

    Scraped copy usually has one paragraph a line; some wire services hard-wrap lines at a fixed
    width and separate paragraphs by blank lines. A document counts as hard-wrapped when most of its
    long lines end without terminal punctuation; then blank lines delimit paragraphs.
    """
    if line_spans is None:
        line_spans = lines(text)
    if not _is_hard_wrapped(text, line_spans):
        return line_spans
    paras: list[Span] = []
    for block in regex.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        chunk = block.group()
        lead = len(chunk) - len(chunk.lstrip())
        paras.append((block.start() + lead, block.start() + len(chunk.rstrip())))
    return paras


def _is_hard_wrapped(text: str, line_spans: list[Span]) -> bool:
    long_lines = [s for s in line_spans if s[1] - s[0] >= 50]
    if len(long_lines) < 4 or "\n\n" not in text:
        return False
    open_ended = sum(1 for _, e in long_lines if text[e - 1] not in _TERMINAL_CHARS)  # spans are stripped
    return open_ended / len(long_lines) >= 0.6


def sentences(text: str, start: int, end: int, profile: LanguageProfile) -> list[Span]:
    """Sentence spans inside the paragraph ``text[start:end]`` (offsets into ``text``)."""
    return paragraph_sentences(text, [(start, end)], profile)[0]


def paragraph_sentences(text: str, paragraphs: list[Span], profile: LanguageProfile) -> list[list[Span]]:
    """The sentence spans of each paragraph in ``paragraphs`` (sorted, disjoint, stripped spans
    with nothing but white space between them), found by one scan of the whole text.

    A boundary counts only when the sentence it opens starts in the same paragraph: nothing but
    white space lies between paragraphs, so no boundary inside a paragraph can overlap a match
    that leaves it, and one scan finds what a scan of each paragraph would.
    """
    if not paragraphs:
        return []
    starts = [s for s, _ in paragraphs]
    ends = [e for _, e in paragraphs]
    lo, hi = paragraphs[0][0], paragraphs[-1][1]
    cuts: list[list[int]] = [[] for _ in paragraphs]
    # Every cut starts at a sentence mark, which str.find locates far faster than a pattern scan.
    # Marks that only close their paragraph ("on Monday.”") have no sentence after them: left out.
    closing: set[int] = set()
    for start, end in paragraphs:
        tail = end
        while tail > start and text[tail - 1] in _MARKS_AND_CLOSERS:
            tail -= 1
        closing.update(range(tail, end))
    marks = [pos for pos in find_all(text, _MARKS, lo, hi) if pos not in closing]
    for m in matches_at(_CUT, text, marks, hi):
        punct, close, _, nxt, glued = m.groups()  # one call, not one a group
        i = bisect.bisect_right(starts, m.start()) - 1
        if glued is not None:
            cuts[i].append(m.end())
        elif m.end(_NEXT) <= ends[i] and _is_boundary(text, m, punct, close, nxt, starts[i], profile):
            cuts[i].append(m.end(_CLOSE))
    return [_spans_between(text, start, end, para_cuts) for start, end, para_cuts in zip(starts, ends, cuts)]


def _spans_between(text: str, start: int, end: int, cuts: list[int]) -> list[Span]:
    """The trimmed, non-empty spans into which ``cuts`` divide ``text[start:end]``."""
    if not cuts and start < end and not (text[start].isspace() or text[end - 1].isspace()):
        return [(start, end)]  # most paragraphs: one sentence, the paragraph's span already stripped
    spans: list[Span] = []
    prev = start
    for cut in sorted(set(cuts)):
        _append_trimmed(text, prev, cut, spans)
        prev = cut
    _append_trimmed(text, prev, end, spans)
    return spans


def _append_trimmed(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def _is_boundary(text: str, m: regex.Match, punct: str, close: str, nxt: str, para_start: int,
                 profile: LanguageProfile) -> bool:
    """Whether the boundary candidate ``m`` (of :data:`_CUT`, with its groups ``punct``,
    ``close`` and ``next``) ends a sentence."""
    if nxt.islower():
        return False
    if punct != "." or close:
        return True
    mark = m.start()
    before = _WORD_BEFORE.search(text, para_start, mark)
    if not before:
        return True
    word = before.group(1).lstrip("'’-")
    if not word:
        return True
    key = _abbreviation_before(text, para_start, mark - len(word), word, profile)
    if _abbreviation_goes_on(text, m.end(), key, profile):
        return False  # the first part of "EE. UU." or "p. ej."
    if key in profile.abbreviations:
        if nxt.isdigit():
            return False  # "No. 5", "Oct. 2", "núm. 3"
        return _opens_sentence(text, m.end(), profile, dotted="." in key)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if "." in word and _INITIALS.fullmatch(word):  # initials such as "J.R"
        return _next_word(text, m.end()).lower() in _SENTENCE_STARTERS
    return True


def _abbreviation_before(text: str, para_start: int, word_start: int, word: str, profile: LanguageProfile) -> str:
    """The abbreviation that ends with ``word`` (lower-case, without spaces): the longest run of
    short dotted pieces before it that the language lists ("EE. UU" -> "ee.uu", "S. A" -> "s.a"),
    else the word itself ("Mr" -> "mr", "U.S" -> "u.s")."""
    low = word.lower()
    if len(word) > 4:
        return low  # the last part of a multi-part abbreviation is a short piece
    # A chain ends in a full stop and at most one white space character, right before the word or
    # before a line break there ($): without a full stop in the last three characters, none.
    if "." not in text[max(para_start, word_start - 3):word_start]:
        return low
    chain = _PIECES_BEFORE.search(text, max(para_start, word_start - 16), word_start)
    if chain:
        pieces = [p.lower() for p in _PIECE.findall(chain.group())]
        for k in range(len(pieces), 0, -1):
            key = ".".join(pieces[-k:] + [low])
            if key in profile.abbreviations:
                return key
    return low


def _abbreviation_goes_on(text: str, pos: int, key: str, profile: LanguageProfile) -> bool:
    """Whether the dotted piece that opens at ``pos`` continues the abbreviation ``key`` into one
    the language lists with internal full stops ("EE." + "UU." -> "ee.uu")."""
    if len(key) > 9 or key not in _dotted_heads(profile.code):
        return False
    nxt = _PIECE_AFTER.match(text, pos, pos + 8)
    return bool(nxt) and f"{key}.{nxt.group(1).lower()}" in _dotted_prefixes(profile.code)


@lru_cache(maxsize=None)
def _dotted_prefixes(code: str) -> frozenset[str]:
    """The language's abbreviations with internal full stops and each of their leading parts up
    to a full stop ("ee.uu", "u.s.a" and "u.s")."""
    out = set()
    for abbr in get_profile(code).abbreviations:
        parts = abbr.split(".")
        for k in range(2, len(parts) + 1):
            out.add(".".join(parts[:k]))
    return frozenset(out)


@lru_cache(maxsize=None)
def _dotted_heads(code: str) -> frozenset[str]:
    """What comes before the last full stop of each of :func:`_dotted_prefixes` ("ee" of "ee.uu"):
    the only abbreviations that another dotted piece can carry on."""
    return frozenset(prefix.rpartition(".")[0] for prefix in _dotted_prefixes(code))


def _opens_sentence(text: str, pos: int, profile: LanguageProfile, dotted: bool) -> bool:
    """After an abbreviation that may also end a sentence (an initialism such as "U.S.", "etc.",
    a month, "Inc."), whether the capitalised word at ``pos`` opens a new sentence.

    A word that opens sentences (an article, pronoun, preposition or conjunction) does, unless a
    title's name starts with it ("M. Le Pen", "Sra. De la Vega": a capitalised word follows). A name
    after a title or a case's "v." never does. After an initialism in a language whose modifiers
    follow the noun (all but English: "EE. UU. Tal como..."), so does any common word that is not
    part of institutional names; English writes "U.S. Army", "U.S. Embassy"."""
    m = _NEXT_TWO.match(text, pos, pos + 80)
    if not m:
        return False
    first, low = m.group(1), m.group(1).lower()
    if m.group(2) == "." and len(first) == 1:
        return False  # an initial follows: "Dr. J. Moreau"
    if low in _SENTENCE_STARTERS or low in profile.sentence_openers or low in profile.function_words:
        if dotted:
            return True
        after = m.group(3)
        return not (after and after[0].isupper())
    if dotted and profile.code != "en" and low not in profile.title_words and low not in profile.weekdays:
        from auditor.lexicon import zipf

        return zipf(low, profile.code) >= 4.5
    return False


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos, pos + 40)
    return m.group(1) if m else ""
