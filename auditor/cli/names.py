"""``auditor names``: name tools (``names normalize``)."""

from __future__ import annotations

import click

from auditor.cli.common import fail, knowledge_for, read_input


@click.group("names")
def names_group() -> None:
    """Entity-name tools."""


@names_group.command("normalize")
@click.argument("names_file", metavar="[NAMES_FILE|-]", default="-")
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="TSV/CSV style sheet with a 'canonical' column [default: the starter sheet].")
def names_normalize(names_file, stylesheet_path) -> None:
    """Map each name (one a line) to its canonical spelling: TSV query, canonical, score.

    One row per input line, in input order; canonical is empty when no match is confident.
    """
    from auditor.io.inputs import InputError

    sheet = knowledge_for(stylesheet_path, None, starter=True).sheet
    try:
        raw = read_input(names_file)
    except InputError as exc:
        fail(str(exc))
    out = ["query\tcanonical\tscore"]
    for line in raw.splitlines():
        query = " ".join(line.split())
        canonical, score = sheet.normalize(query) if query else (None, 0.0)
        out.append(f"{query}\t{canonical or ''}\t{score:.3f}")
    click.echo("\n".join(out))
