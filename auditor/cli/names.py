"""``auditor names``: name tools (``names normalize``)."""

from __future__ import annotations

import click

from auditor.cli.common import fail, knowledge_for, progress_option, read_input


@click.group("names")
def names_group() -> None:
    """Entity-name tools."""


_NAME_ROWS_KEPT = 1 << 16  # distinct queries remembered by `names normalize`
_NAME_ROWS_PER_WRITE = 1000


@names_group.command("normalize")
@click.argument("names_file", metavar="[NAMES_FILE|-]", default="-")
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="TSV/CSV style sheet with a 'canonical' column [default: the starter sheet].")
@progress_option
def names_normalize(names_file, stylesheet_path, progress) -> None:
    """Map each name (one a line) to its canonical spelling: TSV query, canonical, score.

    One row per input line, in input order; canonical is empty when no match is confident.
    """
    import sys

    from auditor.io.inputs import InputError
    from auditor.progress import Progress

    sheet = knowledge_for(stylesheet_path, None, starter=True).sheet
    try:
        raw = read_input(names_file)
    except InputError as exc:
        fail(str(exc))
    lines = raw.splitlines()
    # Rows go out in batches as they are computed (nothing waits for the whole list), and a
    # repeated query is answered from memory: name lists repeat their names.
    batch = ["query\tcanonical\tscore"]
    rows: dict[str, str] = {}
    enabled = sys.stderr.isatty() if progress is None else progress
    with Progress("names normalize", len(lines), unit="names", enabled=enabled) as bar:
        for line in lines:
            query = " ".join(line.split())
            row = rows.get(query)
            if row is None:
                if len(rows) >= _NAME_ROWS_KEPT:
                    rows.clear()  # bounded memory on a list of millions of distinct names
                canonical, score = sheet.normalize(query) if query else (None, 0.0)
                row = rows[query] = f"{query}\t{canonical or ''}\t{score:.3f}"
            batch.append(row)
            if len(batch) >= _NAME_ROWS_PER_WRITE:
                click.echo("\n".join(batch))
                batch.clear()
                bar.advance(_NAME_ROWS_PER_WRITE)
    if batch:
        click.echo("\n".join(batch))
