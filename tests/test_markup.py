"""Markup-aware checking: only the prose of Markdown and HTML is checked, at the file's offsets."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from auditor import Checker, check_text
from auditor.cli import cli
from auditor.fix import fix_text
from auditor.markup import markup_for_path, prose_view
from auditor.session import Session

GLUED = "Union leader Farid Benhaddou said workers had warned about the crane. Officials said Benhaddoupraised the crew."

README = f"""---
title: Benhaddoupraised front matter
---
# The `formatters` module

The `formatters` module writes reports; see [the docs](https://example.com/Benhaddoupraised) or <https://x.org/formatters>.
{GLUED}

```python
formatters = Benhaddoupraised
```

    Benhaddoupraised indented code

Visit https://example.com/Benhaddoupraised today.
"""
# As plain text, a code span is words: the README of issue 17 had `formatters` reported.
CODE_SPAN = "# Output\n\nThe `formatters` module writes the reports in four formats.\n"


def found(report, text):
    return [(f.rule, text[f.start:f.end]) for f in report.findings]


def test_the_view_keeps_length_lines_and_prose_and_blanks_the_rest():
    view = prose_view(README, "markdown")
    assert len(view.text) == len(README) and view.text.count("\n") >= README.count("\n")
    assert "formatters" not in view.text and "https" not in view.text and "title" not in view.text
    assert "The              module writes reports; see  the docs " in view.text
    start = README.index("Benhaddoupraised the crew")
    assert view.text[start:start + 16] == "Benhaddoupraised"  # prose sits at its own offset


def test_a_code_span_is_not_read_as_glued_words_and_prose_is_still_checked():
    assert found(check_text(CODE_SPAN, language="en"), CODE_SPAN) == [("glued-token", "formatters")]
    assert found(check_text(CODE_SPAN, language="en", markup="markdown"), CODE_SPAN) == []
    report = check_text(README, language="en", markup="markdown")
    assert found(report, README) == [("glued-token", "Benhaddoupraised")]
    finding = report.findings[0]
    assert finding.start == README.index("Benhaddoupraised the crew")  # an offset into the file
    assert report.document.position(finding.start)[0] == 7  # the file's line


def test_fix_edits_only_the_prose_of_markdown():
    checker = Checker()
    result = fix_text(README, lambda t: checker.check(t, "README.md", "en", markup="markdown"))
    assert "Benhaddou praised the crew" in result.text
    assert result.text.replace("Benhaddou praised the crew", "Benhaddoupraised the crew") == README
    assert "formatters = Benhaddoupraised" in result.text and "example.com/Benhaddoupraised" in result.text


@pytest.mark.parametrize("html", [
    '<p class="Benhaddoupraised">{}</p><script>var Benhaddoupraised = 1;</script>',
    '<div><h1>Port news</h1><p>{}</p><pre>Benhaddoupraised</pre><code>formatters</code></div>',
])
def test_html_tags_attributes_scripts_and_code_are_not_prose(html):
    text = html.format(GLUED)
    report = check_text(text, language="en", markup="html")
    assert found(report, text) == [("glued-token", "Benhaddoupraised")]
    assert report.findings[0].start == text.index("Benhaddoupraised the crew")


def test_html_entities_read_as_their_characters_and_blocks_do_not_run_together():
    text = "<h1>Caf&eacute; owners protest</h1><p>The caf&eacute; owners said &ldquo;no&rdquo; on Monday.</p>"
    view = prose_view(text, "html")
    assert "café" in view.text and len(view.text) == len(text)
    assert view.text.index("The") > view.text.index("\n")  # a line break between the two blocks
    assert found(check_text(text, language="en", markup="html"), text) == []
    fixed = fix_text("<p>Officials said Benhaddou arrived.Then Benhaddoupraised the crew &amp; left.</p>",
                     lambda t: check_text(t, language="en", markup="html"))
    assert fixed.text == "<p>Officials said Benhaddou arrived. Then Benhaddou praised the crew &amp; left.</p>"


def test_markdown_comments_in_code_are_not_collected_but_real_ones_are():
    text = "<!-- a -->\n\n`<!-- b -->` and <!-- c --> here\n\n```\n<!-- d -->\n```\n"
    bodies = [body.strip() for _, _, body in prose_view(text, "markdown").comments]
    assert bodies == ["a", "c"]


def test_markup_is_chosen_by_extension_and_refused_when_unknown():
    assert [markup_for_path(p) for p in ("a.md", "b.HTML", "c.htm", "d.txt", "-")] == \
        ["markdown", "html", "html", None, None]
    session = Session()
    assert found(session.check(README, "README.md"), README) == [("glued-token", "Benhaddoupraised")]
    assert found(session.check(CODE_SPAN, "README.txt"), CODE_SPAN) == [("glued-token", "formatters")]
    assert found(session.check(CODE_SPAN, "README.md"), CODE_SPAN) == []
    assert found(session.check(CODE_SPAN, "README.md", markup="none"), CODE_SPAN) == [("glued-token", "formatters")]
    assert found(session.check(CODE_SPAN, "-", markup="markdown"), CODE_SPAN) == []
    with pytest.raises(ValueError, match="unknown markup 'rst'"):
        check_text("text", markup="rst")


def test_cli_markup_option_and_extension(tmp_path):
    (tmp_path / "story.md").write_text(README, encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<p>{GLUED}</p>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "json", "--lang", "en"])
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.output)["files"]}
    assert [x["text"] for x in files["story.md"]["findings"]] == ["Benhaddoupraised"]
    assert files["story.md"]["findings"][0]["line"] == 7
    assert [x["text"] for x in files["page.html"]["findings"]] == ["Benhaddoupraised"]
    (tmp_path / "code.md").write_text(CODE_SPAN, encoding="utf-8")
    forced = CliRunner().invoke(cli, ["check", str(tmp_path / "code.md"), "--markup", "none", "--format", "json"])
    assert [x["text"] for x in json.loads(forced.output)["files"][0]["findings"]] == ["formatters"]
    bad = CliRunner().invoke(cli, ["check", str(tmp_path / "code.md"), "--markup", "rst"])
    assert bad.exit_code == 2


def test_cli_fix_on_markdown_leaves_code_alone(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(README, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", str(story), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert story.read_text(encoding="utf-8") == README.replace("Benhaddoupraised the crew", "Benhaddou praised the crew")
