"""Where the prose of an HTML text or fragment is, for :func:`auditor.markup.prose_view`."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from auditor.markup.view import entity_stand_in

# HTML elements whose content is not prose, and those that end a block of text.
_NOT_PROSE = frozenset("script style code pre kbd samp var tt textarea template svg math head".split())
_BLOCKS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4
    h5 h6 header hr li main nav ol p section table tbody td tfoot th thead title tr ul""".split())


def scan(text: str):
    """(prose, masks, breaks, comments, stand-ins) of an HTML text or fragment."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    prose: list[Span] = []
    masks: list[Span] = []
    breaks: list[int] = []
    comments: list[tuple[int, int, str]] = []
    stand_ins: dict[int, str] = {}
    skipping: list[str] = []

    class Reader(HTMLParser):
        def here(self) -> int:
            line, col = self.getpos()
            return line_starts[line - 1] + col

        def handle_starttag(self, tag, attrs):
            if tag in _BLOCKS:
                breaks.append(self.here())
            if tag in _NOT_PROSE:
                skipping.append(tag)

        def handle_endtag(self, tag):
            if tag in _BLOCKS:
                breaks.append(self.here())
            if tag in skipping:
                del skipping[len(skipping) - 1 - skipping[::-1].index(tag):]

        def handle_data(self, data):
            if not skipping:
                start = self.here()
                prose.append((start, start + len(data)))

        def _reference(self, prefix: str, name: str) -> None:
            start = self.here()
            end = start + len(prefix) + len(name)
            end += text.startswith(";", end)
            if not skipping:
                prose.append((start, end))
                masks.append((start, end))
                stand_ins[start] = entity_stand_in(text[start:end])

        def handle_entityref(self, name):
            self._reference("&", name)

        def handle_charref(self, name):
            self._reference("&#", name)

        def handle_comment(self, data):
            start = self.here()
            comments.append((start, start + len(data) + 7, data))

    reader = Reader(convert_charrefs=False)
    reader.feed(text)
    reader.close()
    return prose, masks, breaks, comments, stand_ins
