"""``auditor config``: the effective configuration and where each value comes from."""

from __future__ import annotations

import json

import click

from auditor.cli.common import guarded, split_ids
from auditor.config import FAIL_LEVELS


@click.command("config")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML config (default: auditor.toml, .auditor.toml or [tool.auditor] in pyproject.toml).")
@click.option("--select", metavar="RULE,...", help="As `auditor check --select`.")
@click.option("--ignore", metavar="RULE,...", help="As `auditor check --ignore`.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None, help="As `auditor check --fail-on`.")
@click.option("--allow-file", "allow_files", multiple=True, metavar="FILE", help="As `auditor check --allow-file`.")
@click.option("--format", "fmt", type=click.Choice(("toml", "json")), default="toml", show_default=True)
def config_command(config_path, select, ignore, fail_on, allow_files, fmt) -> None:
    """Print the configuration `auditor check` would run with, and where each value comes from
    (default, a configuration file, the command line or an environment variable)."""
    from auditor.session import Options, Session
    from auditor.settings import effective

    options = Options(config_path=config_path, select=tuple(split_ids(select)), ignore=tuple(split_ids(ignore)),
                      fail_on=fail_on, allow_files=tuple(allow_files))
    session = guarded(Session, options)  # reads the allowlists: one that cannot be read is refused
    words = session.allow
    given = frozenset(k for k, v in (("select", select), ("ignore", ignore), ("fail-on", fail_on),
                                      ("allow-file", allow_files)) if v)
    settings = effective(session, given)
    if fmt == "json":
        payload = {"settings": {s.key: {"value": s.value, "source": s.source} for s in settings},
                   "allowed": len(words)}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo("# auditor config: the effective configuration; after each value, where it comes from")
    click.echo(f"# {len(words)} allowed word{'s' if len(words) != 1 else ''} and name{'s' if len(words) != 1 else ''} in all")
    table_started = False
    for s in settings:
        key = s.key
        if key.startswith("severity."):
            if not table_started:
                click.echo("\n[severity]")
                table_started = True
            key = key.removeprefix("severity.")
        value = "(none)" if s.value is None else json.dumps(s.value, ensure_ascii=False)
        note = "  (every rule)" if s.key == "select" and not s.value else ""
        click.echo(f"{key} = {value}  # {s.source}{note}")
