"""``auditor models``: the translation models the registries declare, and whether each loads."""

from __future__ import annotations

import os

import click

from auditor.cli.common import fail


@click.command("models")
@click.option("--registry", default=None, metavar="PATH", help="A model registry TOML file.")
@click.option("--no-load", is_flag=True, help="List without trying to load each model.")
def list_models(registry, no_load) -> None:
    """List the translation models the registries declare and whether each is installed and loads.

    STATUS is ok, "not installed: how to add it" (a normal state for an optional model) or
    "fails to load: why" (installed but broken).
    """
    from auditor.mt import EngineError
    from auditor.mt.base import format_pairs
    from auditor.mt.registry import all_entries, missing, models_dir, status

    try:
        entries = all_entries(registry)
    except EngineError as exc:
        fail(str(exc))
    rows = [("NAME", "ENGINE", "PAIRS", "LICENCE", "LOCATION", "STATUS")]
    for e in entries:
        pairs = format_pairs(e.pairs, ",")
        if no_load:
            why = missing(e)
            state = f"not installed: {why}" if why else "installed (not loaded)"
        else:
            state = status(e)
        location = e.location or "(bundled)"
        if e.path and os.path.isabs(e.path):
            location = os.path.relpath(e.path) if e.path.startswith(os.getcwd()) else e.path
        rows.append((e.name, e.engine, pairs, e.licence.split(" (")[0] or "-", location, state))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for r in rows:
        click.echo("  ".join(f"{v:<{w}}" for v, w in zip(r[:5], widths)) + "  " + r[5])
    click.echo(f"auditor: models folder {models_dir()} (AUDITOR_MODELS_DIR); see models/README.md to add one",
               err=True)
