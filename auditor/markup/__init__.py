"""The prose of Markdown and HTML copy: what the rules should read, at the file's own offsets.

:func:`prose_view` returns a :class:`ProseView` whose ``text`` has exactly the length of the
original and the same characters wherever the original is prose; everything else (code spans and
blocks, front matter, link destinations, autolinks and bare URLs, tags and their attributes,
entities, comments, list and heading markers, table pipes) is blanked to spaces, line breaks kept.
So every offset a rule finds in the view is an offset into the file, and the line and column of
a finding are the file's. Blanks and not placeholder words: a space is the one character that no
rule reads as a word or as punctuation, so a masked code span can neither be flagged nor start or
end a sentence (a placeholder word would be taken for a name, a glued token or a foreign word).
Where a block of the markup ends (a list item, a heading marker, a table cell, an HTML block
element) the view gets a line break in place of a blanked character, so that two blocks never
run together into one sentence.

Markdown is parsed by markdown-it-py (CommonMark, with tables and strikethrough); its blocks have
line maps and its inline parser's rules are wrapped to record where each construct starts and
ends. HTML is read with the standard library's :class:`html.parser.HTMLParser` and its
``getpos()``: it tolerates broken markup as browsers do, needs no dependency and gives the
positions; CMS fields are fragments, which it reads without a document around them.
"""

from __future__ import annotations

from pathlib import Path

from auditor.markup.view import ProseView, build_view, comments_in

__all__ = ["MARKUPS", "ProseView", "markup_for_path", "prose_view"]

MARKUPS = ("markdown", "html")
_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def markup_for_path(path: str) -> str | None:
    """The markup a file name implies: ``markdown`` for .md, ``html`` for .html/.htm, else None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def prose_view(text: str, markup: str | None) -> ProseView:
    """The prose of ``text`` read as ``markup`` (``markdown``, ``html``, or None for plain text,
    whose view is the text itself with its comments)."""
    if markup is None:
        return ProseView(text, [], comments_in(text))
    if markup == "markdown":
        from auditor.markup import markdown

        return build_view(text, *markdown.scan(text))
    if markup == "html":
        from auditor.markup import html

        return build_view(text, *html.scan(text))
    raise ValueError(f"unknown markup {markup!r} (known: {', '.join(MARKUPS)})")
