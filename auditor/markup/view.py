"""The prose view and what the Markdown and HTML scanners share (see :mod:`auditor.markup`)."""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

_NOT_NEWLINE = re.compile(r"[^\n]")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# Bare addresses in prose: not words, and a fix must never edit them.
_BARE_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’”]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w")

Span = tuple[int, int]


@dataclass
class ProseView:
    """The original text with everything but its prose blanked (see :mod:`auditor.markup`)."""

    text: str
    # Non-prose spans of the original, sorted and disjoint.
    masked: list[Span] = field(default_factory=list)
    # HTML comments outside code: (start, end, body) in the original.
    comments: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.masked]

    def touches_markup(self, start: int, end: int) -> bool:
        """Whether any character of ``[start, end)`` is not prose."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.masked[i][1] > start:
            return True
        j = bisect.bisect_left(self._starts, start)
        return j < len(self.masked) and self.masked[j][0] < end

    def is_prose_at(self, offset: int) -> bool:
        return not self.touches_markup(offset, offset + 1)


def comments_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """HTML comments in ``text[start:end]``, as (start, end, body)."""
    if "<!--" not in text:
        return []
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group(1)) for m in _COMMENT.finditer(text, start, stop)]


def build_view(text: str, prose: list[Span], masks: list[Span], breaks: list[int],
           comments: list[tuple[int, int, str]], stand_ins: dict[int, str]) -> ProseView:
    """The view: the prose spans minus the masks inside them, bare URLs masked too; a break
    offset that is blanked becomes a line break, and each stand-in (an entity's character) is
    written at its offset."""
    keep = _subtract(_merge(prose), _merge(masks))
    keep = _subtract(keep, [(m.start(), m.end()) for s, e in keep for m in _BARE_URL.finditer(text, s, e)])
    parts: list[str] = []
    pos = 0
    for start, end in keep:
        parts.append(_NOT_NEWLINE.sub(" ", text[pos:start]))
        parts.append(text[start:end])
        pos = end
    parts.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    view = "".join(parts)
    if breaks or stand_ins:
        chars = list(view)
        for b in breaks:
            if 0 <= b < len(chars) and chars[b] == " ":
                chars[b] = "\n"
        for start, stand_in in stand_ins.items():
            chars[start:start + len(stand_in)] = stand_in
        view = "".join(chars)
    masked = _subtract([(0, len(text))], keep)
    return ProseView(view, masked, sorted(comments))


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` (sorted, disjoint) without any character of ``holes`` (sorted, disjoint)."""
    holes = _merge(holes)
    out: list[Span] = []
    starts = [h[0] for h in holes]
    for s, e in spans:
        i = max(bisect.bisect_right(starts, s) - 1, 0)
        pos = s
        while i < len(holes) and holes[i][0] < e:
            hs, he = holes[i]
            if he > pos:
                if hs > pos:
                    out.append((pos, hs))
                pos = max(pos, he)
            i += 1
        if pos < e:
            out.append((pos, e))
    return out


def entity_stand_in(raw: str) -> str:
    """What an entity reads as in the view, padded to its length: its character where that is a
    letter or punctuation (``caf&eacute;`` still reads ``café``), a space otherwise."""
    char = html.unescape(raw)
    if len(char) != 1 or char.isspace() or not char.isprintable():
        return " " * len(raw)
    return char + " " * (len(raw) - 1)


