"""Command-line interface: ``auditor check`` and ``auditor rules``.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage or input
errors (one line on standard error, never a traceback); 3 an internal error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from auditor import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
FAIL_LEVELS = ("error", "warning", "info", "never")


def _split_ids(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"auditor: error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Find machine-translation and scraping artifacts in news wire copy."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", default="auto", show_default=True, metavar="auto|en|es|fr|pt",
              help="Language of the copy; auto detects it per document.")
@click.option("--select", metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", metavar="RULE,...", help="Skip these rules.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding at or above this severity is found  [default: warning].")
@click.option("--include", default="*.txt,*.md", show_default=True, metavar="GLOB,...",
              help="File patterns to check inside directories.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML config (default: auditor.toml, .auditor.toml or [tool.auditor] in pyproject.toml).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file (atomically) instead of standard output.")
def check(paths, fmt, lang, select, ignore, fail_on, include, config_path, output) -> None:
    """Check PATHS (files, directories, or - for standard input) and report artifacts."""
    from auditor.checker import check_text
    from auditor.config import ConfigError, load_config
    from auditor.findings import Severity
    from auditor.formatters import get_formatter
    from auditor.inputs import InputError, decode, discover, read_text
    from auditor.languages import supported_languages
    from auditor.rules import RULES

    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc))
    if lang != "auto" and lang not in supported_languages():
        _fail(f"unsupported language '{lang}' (supported: auto, {', '.join(supported_languages())})")
    selected = _split_ids(select) or cfg.select
    ignored = _split_ids(ignore) or cfg.ignore
    for rid in selected + ignored + list(cfg.severities):
        if rid not in RULES:
            _fail(f"unknown rule '{rid}' (known: {', '.join(sorted(RULES))})")
    fail_level = fail_on or cfg.fail_on or "warning"
    if fail_level not in FAIL_LEVELS:
        _fail(f"fail-on must be one of {', '.join(FAIL_LEVELS)}, not '{fail_level}'")
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("no input: give files, directories, or - for standard input")
        paths = ("-",)

    reports = []
    patterns = tuple(p.strip() for p in include.split(",") if p.strip())
    try:
        for raw in paths:
            if raw == "-":
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                reports.append(check_text(text, "-", lang, selected, ignored, cfg.severities))
                continue
            files = list(discover([raw], patterns))
            if len(files) > 50:
                from auditor.lexicon import preload

                preload()  # a batch: one bulk load beats thousands of lookups
            for path in files:
                reports.append(check_text(read_text(path), str(path), lang, selected, ignored, cfg.severities))
    except InputError as exc:
        _fail(str(exc))

    rendered = get_formatter(fmt)(reports)
    if output:
        _write_atomic(Path(output), rendered)
    else:
        click.echo(rendered, nl=False)
    if fail_level != "never":
        level = Severity.parse(fail_level)
        if any(r.at_or_above(level) for r in reports):
            sys.exit(EXIT_FINDINGS)


@cli.command("rules")
def list_rules() -> None:
    """List the rules with their ids, default severities and summaries."""
    from auditor.rules import RULES

    width = max(len(r) for r in RULES)
    for rid in sorted(RULES):
        cls = RULES[rid]
        click.echo(f"{rid:<{width}}  {str(cls.severity):<7}  {cls.summary()}")


def _write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside ``path`` and rename it over: readers never see half a file."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror})")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        _fail(f"{path}: cannot write ({exc.strerror})")


def main() -> None:
    """Console entry point: no traceback ever reaches the user unless AUDITOR_DEBUG is set."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("auditor: aborted", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        click.echo(f"auditor: internal error: {type(exc).__name__}: {exc} (set AUDITOR_DEBUG=1 for details)",
                   err=True)
        sys.exit(EXIT_INTERNAL)
