"""The machine-translation engine interface shared by every backend."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Sequence

from auditor.mt.pieces import MAX_CHARS, has_letters, rejoin, split_long


class EngineError(RuntimeError):
    """An engine could not be loaded or failed to translate; the message is one line for users."""


class UnsupportedPair(EngineError):
    """The engine has no model for the requested language pair."""


def format_pairs(pairs: frozenset[tuple[str, str]] | None, sep: str = ", ") -> str:
    """``en-pt, pt-en``; ``any`` for an engine that takes any pair its model knows."""
    return "any" if pairs is None else sep.join(f"{s}-{t}" for s, t in sorted(pairs))


class Engine(ABC):
    """Translates batches of sentences from one language to another.

    Subclasses set ``name`` and implement :meth:`_translate`. Language codes are ISO 639-1
    (``en``, ``pt``); engines map them to their models' own codes. ``pairs`` is the set of
    ``(source, target)`` pairs the engine covers, or None when any pair the model knows is allowed.
    ``thread_safe`` says whether one instance may translate from several threads at once.
    ``max_chars`` bounds what reaches :meth:`_translate` (see :mod:`auditor.mt.pieces`).
    """

    name: ClassVar[str]
    thread_safe: ClassVar[bool] = True
    max_chars: ClassVar[int] = MAX_CHARS

    def __init__(self, model_id: str, model_version: str,
                 pairs: frozenset[tuple[str, str]] | None) -> None:
        self.model_id = model_id
        self.model_version = model_version
        self.pairs = pairs

    def supports(self, source: str, target: str) -> bool:
        return source != target and (self.pairs is None or (source, target) in self.pairs)

    def check_pair(self, source: str, target: str) -> None:
        if not self.supports(source, target):
            have = format_pairs(self.pairs or frozenset()) or "none"
            raise UnsupportedPair(f"engine '{self.name}' ({self.model_id}) does not translate "
                                  f"{source}-{target} (it has: {have})")

    def translate(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each sentence; the result has one string per input, in order.

        Feed sentences, not paragraphs: small MT models condense or cut long inputs. Whatever
        is fed, the model never sees more than ``max_chars`` characters at once: a longer
        sentence is translated in pieces cut at clause boundaries and put back together, and a
        text without letters (emoji, symbols, numbers) is returned as it is.
        """
        self.check_pair(source, target)
        pieces: list[str] = []
        layout: list[tuple[list[tuple[int, int]], int] | None] = []
        for s in sentences:
            if not has_letters(s):
                layout.append(None)
                continue
            spans, _hard = split_long(s, self.max_chars)
            layout.append((spans, len(pieces)))
            pieces.extend(s[a:b] for a, b in spans)
        out = self._translate(pieces, source, target) if pieces else []
        if len(out) != len(pieces):
            raise EngineError(f"engine '{self.name}' returned {len(out)} translations for "
                              f"{len(pieces)} sentences")
        result = []
        for s, item in zip(sentences, layout):
            if item is None:
                result.append(s)
            else:
                spans, k = item
                result.append(out[k] if len(spans) == 1 else rejoin(s, spans, out[k:k + len(spans)]))
        return result

    @abstractmethod
    def _translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        """Translate a non-empty batch; the pair is already checked."""

    @property
    def cache_tag(self) -> str:
        """What identifies this engine's output in the translation cache."""
        return f"{self.name}:{self.model_id}@{self.model_version}"

    def describe(self) -> str:
        return f"{self.name} {self.model_id} {self.model_version} ({format_pairs(self.pairs)})"
