"""Where the prose of a Markdown text is, for :func:`auditor.markup.prose_view`.

markdown-it-py parses the text (CommonMark, with tables and strikethrough). Its block tokens know
their lines and hold the inline content with the block's markers taken off; each line of that
content is found again in its lines of the file, which gives the prose candidates. Its inline
tokens know no positions, so the inline rules that read non-prose (code spans, autolinks, inline
HTML, entities, escapes, link and image syntax, emphasis markers) are wrapped to record the span
each consumed; those spans are masked. Only what was found is prose: anything the parser reads
in a way that cannot be placed in the file is left out, never checked by mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from auditor.markup.view import comments_in, entity_stand_in

Span = tuple[int, int]
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?^(?:\1|\.\.\.)[ \t]*$", re.S | re.M)
_MASKED_RULES = ("backticks", "autolink", "html_inline", "entity", "escape", "link", "image", "emphasis",
                 "strikethrough")


@dataclass
class _Inline:
    """What the wrapped rules record while one inline token's content is parsed."""

    src: str
    masks: list[Span] = field(default_factory=list)
    stand_ins: dict[int, str] = field(default_factory=dict)
    comments: list[Span] = field(default_factory=list)


def scan(text: str):
    """(prose, masks, breaks, comments, stand-ins) of a Markdown text, in its offsets."""
    # The parser normalises line ends and NUL; replacements of the same length keep offsets.
    src = text.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    front = _FRONT_MATTER.match(src)
    if front:
        src = re.sub(r"[^\n]", " ", front.group()) + src[front.end():]
    line_starts = [0] + [m.end() for m in re.finditer("\n", src)] + [len(src) + 1]
    prose: list[Span] = []
    masks: list[Span] = []
    breaks: list[int] = []
    comments: list[tuple[int, int, str]] = []
    stand_ins: dict[int, str] = {}
    cursor = 0
    for token in _parser().parse(src, {}):
        if not token.map:
            continue
        first, last = line_starts[token.map[0]], line_starts[min(token.map[1], len(line_starts) - 1)]
        if token.type == "html_block":
            comments.extend(comments_in(text, first, min(last, len(text))))
            continue
        if token.type != "inline":
            continue
        pieces = _locate(src, token.content, max(cursor, first), last)
        if not pieces:
            continue
        marker = re.search(r"\S", src[max(cursor, src.rfind("\n", 0, pieces[0][1]) + 1):pieces[0][1]])
        if marker:  # a list, heading or quote marker, or a table pipe: the view breaks the line there
            breaks.append(max(cursor, src.rfind("\n", 0, pieces[0][1]) + 1) + marker.start())
        record: _Inline = token.meta["auditor"]
        prose.extend((pos, pos + length) for _, pos, length in pieces)
        masks.extend(_to_file(record.masks, pieces))
        stand_ins.update((_to_file([(s, s + 1)], pieces)[0][0], v) for s, v in record.stand_ins.items())
        comments.extend((s, e, text[s + 4:e - 3]) for s, e in _to_file(record.comments, pieces))
        cursor = pieces[-1][1] + pieces[-1][2]
    return prose, masks, breaks, comments, stand_ins


def _locate(src: str, content: str, start: int, stop: int) -> list[tuple[int, int, int]]:
    """(offset in content, offset in src, length) of each line of ``content``, found in order in
    ``src[start:stop]``; empty when a line cannot be found."""
    pieces = []
    offset = 0
    for line in content.split("\n"):
        if line:
            pos = src.find(line, start, stop)
            if pos < 0:
                return []
            pieces.append((offset, pos, len(line)))
            start = pos + len(line)
        offset += len(line) + 1
    return pieces


def _to_file(spans: list[Span], pieces: list[tuple[int, int, int]]) -> list[Span]:
    """Content spans in the file's offsets (a span over a line end splits at it)."""
    out = []
    for s, e in spans:
        for offset, pos, length in pieces:
            lo, hi = max(s, offset), min(e, offset + length)
            if lo < hi:
                out.append((pos + lo - offset, pos + hi - offset))
    return out


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for rule in md.inline.ruler.__rules__:
        if rule.name in _MASKED_RULES:
            md.inline.ruler.at(rule.name, _recording(rule.name, rule.fn))
    md.core.ruler.at("inline", _inline)
    return md


def _inline(state) -> None:
    """markdown-it's core inline step, with a record of the masked spans for each inline token."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = [] if token.children is None else token.children
            record = _Inline(token.content)
            token.meta["auditor"] = state.env["auditor"] = record
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _recording(kind: str, rule):
    """``rule`` that records the span it consumed as non-prose (for a link, all but its text)."""

    def wrapped(state, silent: bool) -> bool:
        start = state.pos
        label_end = -1
        if kind == "link" and not silent and state.src[start] == "[":
            label_end = state.md.helpers.parseLinkLabel(state, start, True)
        delimiters = len(state.delimiters)
        ok = rule(state, silent)
        record = state.env.get("auditor")
        if not ok or silent or record is None or state.src is not record.src:
            return ok  # an image's alt text is parsed from a copy: all of the image is masked anyway
        end = state.pos
        if kind == "link":
            record.masks += [(start, start + 1), (label_end, end)]
        elif kind == "escape":
            record.masks.append((start, start + 1))
        elif kind in ("emphasis", "strikethrough"):
            if any(d.open or d.close for d in state.delimiters[delimiters:]):
                record.masks.append((start, end))
        else:
            record.masks.append((start, end))
            if kind == "entity":
                record.stand_ins[start] = entity_stand_in(state.src[start:end])
            elif kind == "html_inline" and state.src.startswith("<!--", start):
                record.comments.append((start, end))
        return ok

    return wrapped
