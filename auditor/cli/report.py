"""``auditor report OUTDIR``: the HTML report of a batch run, from ``OUTDIR/stats.json``."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import fail, write_output


@click.command("report")
@click.argument("outdir")
@click.option("-o", "--output", default=None, metavar="FILE",
              help="Where to write the page (atomically); '-' for standard output "
                   "[default: OUTDIR/report.html].")
def report(outdir: str, output: str | None) -> None:
    """Write a self-contained HTML report of the batch run in OUTDIR (from OUTDIR/stats.json).

    The page opens offline: charts of scores, findings per rule, languages, rejection reasons,
    round-trip quality, entity-variant clusters, and rejected records with their findings marked.
    """
    from auditor.report import StatsError, load_stats, render_report

    folder = Path(outdir)
    if not folder.exists():
        fail(f"{outdir}: no such directory")
    if not folder.is_dir():
        fail(f"{outdir}: not a directory (give the output folder of `auditor clean`)")
    stats_path = folder / "stats.json"
    if not stats_path.exists():
        fail(f"{stats_path}: not found; `auditor clean ... -o {outdir}` writes it at the end of a run")
    try:
        stats = load_stats(stats_path)
    except StatsError as exc:
        fail(str(exc))
    page = render_report(stats, title=f"auditor report: {folder.resolve().name or outdir}")
    if output == "-":
        click.echo(page, nl=False)
        return
    target = Path(output) if output else folder / "report.html"
    write_output(target, page)
    click.echo(f"auditor: wrote {target} ({_summary(stats)})", err=True)


def _summary(stats: dict) -> str:
    return f"{stats['read']:,} read, {stats['kept']:,} kept, {stats['rejected']:,} rejected"
