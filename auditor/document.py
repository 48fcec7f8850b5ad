"""The document model: decoded text with paragraphs, sentences and tokens at code-point offsets.

Every offset is a 0-based index into :attr:`Document.text` (end exclusive). Lines and columns are
derived on demand through :class:`LineIndex`, so rules only ever deal in offsets.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, count
from operator import itemgetter

import regex

from auditor import segment
from auditor.languages import LanguageProfile, get_profile
from auditor.lazy import cached_property
from auditor.words import FOLD_NOT_LOWER, WORD, WordIndex, blocks, lower_in_blocks

# Words (see :mod:`auditor.words`); everything else that is not whitespace is a one-character
# punctuation token.
TOKEN_RE = regex.compile(rf"{WORD}|[^\w\s]", regex.V1)
WORD_TOKEN_RE = regex.compile(WORD, regex.V1)
_NEXT_TOKEN_RE = regex.compile(rf"\s*({TOKEN_RE.pattern})", regex.V1)
# Searched backwards (the regex module's (?r)): the token that ends where the search starts.
_PREVIOUS_TOKEN_RE = regex.compile(rf"(?r)({TOKEN_RE.pattern})\s*", regex.V1)
_CLOSERS = "\"”’'»)]"
_TERMINALS = (".", "!", "?", "…")
# What may follow a sentence's terminal punctuation: closers and (non-breaking) spaces.
_TRAILERS = _CLOSERS + " \t\u00a0\u202f"


def ends_terminated(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in terminal punctuation (closing quotes and spaces aside),
    as running text does and headlines and captions do not."""
    return text[start:end].rstrip(_TRAILERS).endswith(_TERMINALS)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list["Token"]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    return [Token(m.group(), m.start(), m.end())
            for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def next_token(text: str, pos: int) -> "Token | None":
    """The token that follows offset ``pos`` (the end of a token), skipping whitespace."""
    m = _NEXT_TOKEN_RE.match(text, pos)
    return Token(m.group(1), m.start(1), m.end(1)) if m else None


def previous_token(text: str, pos: int, floor: int = 0) -> "Token | None":
    """The token that ends before offset ``pos`` (a token's start), skipping whitespace, looking
    no further back than ``floor`` (which should be a token boundary, such as a sentence start)."""
    m = _PREVIOUS_TOKEN_RE.search(text, floor, pos)
    return Token(m.group(1), m.start(1), m.end(1)) if m else None


class Token:
    """A word or a punctuation mark, with its offsets."""

    __slots__ = ("text", "start", "end", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        # Punctuation tokens are single characters; a word token is a run of word characters.
        self.is_word = len(text) > 1 or text.isalnum() or text == "_"

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


# Slotted: a one-line-per-paragraph file of a million lines holds a million of each, and an
# instance dictionary would cost several times the line itself.
@dataclass(eq=False, slots=True)
class Paragraph:
    start: int
    end: int
    index: int
    sentences: list["Sentence"] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: Paragraph
    index_in_paragraph: int
    doc: "Document"
    _tokens: list[Token] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens, computed on first use and kept."""
        if self._tokens is None:
            doc = self.doc
            if "tokens" in doc.__dict__:  # the whole document is tokenised already: share its tokens
                self._tokens = doc.tokens_in(self.start, self.end)
            else:
                self._tokens = tokenize(doc.text, self.start, self.end)
        return self._tokens

    @property
    def words(self) -> list[str]:
        """The sentence's word forms, in order (the text of its word tokens)."""
        return self.doc.words_in(self.start, self.end)

    @property
    def is_terminated(self) -> bool:
        """Ends in terminal punctuation, as running text does (headlines and captions do not)."""
        return ends_terminated(self.doc.text, self.start, self.end)

    @property
    def is_whole_paragraph(self) -> bool:
        return self.start == self.paragraph.start and self.end == self.paragraph.end


class LineIndex:
    """Maps code-point offsets to 1-based (line, column) positions."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


class Document:
    """A decoded text and its structure. Structure is computed lazily, once."""

    def __init__(self, text: str, language: str = "en", path: str = "-", words: WordIndex | None = None) -> None:
        self.text = text
        self.language = language
        self.path = path
        self.profile: LanguageProfile = get_profile(language)
        if words is not None:  # already built for language detection
            self.__dict__["words"] = words

    @cached_property
    def lower_text(self) -> str | None:
        """The text lower-cased, for case-blind scans; None in the rare text where lower-casing
        changes the length (such as a Turkish dotted İ), so offsets would not carry over."""
        low = lower_in_blocks(self.text)
        return low if len(low) == len(self.text) else None

    @cached_property
    def lower_is_case_folding(self) -> bool:
        """Whether :attr:`lower_text` is also the case-folded text, so that a case-sensitive match
        on it finds what a case-insensitive match finds on the text."""
        low = self.lower_text
        if low is None:
            return False
        if self.words.re_reads_alike:  # few characters to rule out, each found at memory speed
            return not any(c in self.text for c in FOLD_NOT_LOWER)
        # Block by block, as lower_text is made: equal blocks make equal texts, and a text whose
        # case folding equals its lower case (length kept) folds each character to one, so the
        # blocks align.
        text = self.text
        return all(text[lo:hi].casefold() == low[lo:hi] for lo, hi in blocks(text))

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        return self.line_index.position(offset)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """Spans of the non-blank lines, without line breaks and outer white space."""
        return segment.lines(self.text)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        paras = []
        spans = segment.paragraphs(self.text, self.lines)
        for i, ((s, e), sentences) in enumerate(zip(spans, segment.paragraph_sentences(self.text, spans, self.profile))):
            para = Paragraph(s, e, i)
            if len(sentences) == 1:  # most paragraphs: no comprehension to set up
                (ss, se), = sentences
                para.sentences = [Sentence(ss, se, para, 0, self)]
            else:
                para.sentences = [Sentence(ss, se, para, j, self) for j, (ss, se) in enumerate(sentences)]
            paras.append(para)
        return paras

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the text. Rules that need only some sentences' tokens ask those
        sentences, which tokenise just their own span."""
        return tokenize(self.text)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return self.tokens[lo:hi]

    @cached_property
    def words(self) -> "WordIndex":
        """Every word token's form and start, computed in one pass."""
        return WordIndex(self.text)

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes ``lo, hi`` into :attr:`words` of the word tokens that start in ``[start, end)``."""
        starts = self.words.starts
        return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)

    def words_in(self, start: int, end: int, lower: bool = False) -> list[str]:
        """The forms of the word tokens that start in ``[start, end)``, lower-cased on request."""
        lo, hi = self.word_range(start, end)
        return (self.words.lower_forms if lower else self.words.forms)[lo:hi]

    @cached_property
    def initials(self) -> str:
        """The first character of each form of :attr:`words`, in order: ``initials[i]`` opens
        ``words.forms[i]``, and a slice covers a run of words without a call per word."""
        return "".join(map(itemgetter(0), self.words.forms))

    @cached_property
    def capitalised(self) -> array:
        """Indexes into :attr:`words` of the forms that open with a capital letter."""
        return array("q", compress(count(), map(str.isupper, self.initials)))

    @cached_property
    def capitalised_forms(self) -> list[str]:
        """The forms of :attr:`capitalised`, in order: several rules judge every one of them."""
        return list(map(self.words.forms.__getitem__, self.capitalised))

    @cached_property
    def word_count(self) -> int:
        """Runs of word characters: a hyphenated or elided form counts each of its parts."""
        return self.words.runs

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each exact word form occurs (case-sensitive): the document's own evidence."""
        return Counter(self.words.forms)

    def release(self) -> None:
        """Drop the cached analyses (words, sentences, lines ...), keeping the text: a report
        keeps its document for the formatters, which need only the text and line positions, and
        a run over many files should not hold every file's analyses at once. Anything asked for
        again is computed again, with the same result."""
        for name in _ANALYSES.intersection(self.__dict__):
            del self.__dict__[name]


# The names of the document's cached analyses, which release() drops.
_ANALYSES = frozenset(name for name, attr in vars(Document).items() if isinstance(attr, cached_property))

_LETTER = regex.compile(r"\p{L}", regex.V1)


def has_letters(text: str) -> bool:
    """Whether ``text`` has a letter of any script: something to read, translate or check."""
    return _LETTER.search(text) is not None
