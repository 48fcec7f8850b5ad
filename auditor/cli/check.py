"""``auditor check``: report the artifacts in files, folders or standard input."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.cli.common import (EXIT_ENGINE, Inputs, fail, guarded, progress_option, progress_over, session_for,
                                split_ids, with_house_options, write_output)
from auditor.cli.lint import MARKUP_CHOICES, changed_lines_since, load_baseline, on_changed_lines
from auditor.config import FAIL_LEVELS
from auditor.formatters import FORMATS


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", default="auto", show_default=True, metavar="auto|en|es|fr|pt",
              help="Language of the copy; auto detects it per document.")
@click.option("--select", metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", metavar="RULE,...", help="Skip these rules.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding at or above this severity is found  [default: warning].")
@click.option("--include", default="*.txt,*.md,*.html,*.htm", show_default=True, metavar="GLOB,...",
              help="File patterns to check inside directories.")
@click.option("--markup", type=click.Choice(MARKUP_CHOICES), default="auto", show_default=True,
              help="Check only the prose of Markdown or HTML; auto: by extension (.md, .html, .htm).")
@click.option("--allow-file", "allow_files", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Words and names never flagged, one a line (# comments); repeatable.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Report only the findings this baseline does not record.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Record every finding of this run as the baseline in FILE (atomically).")
@click.option("--changed-since", "changed_since", default=None, metavar="REF",
              help="Report only findings on lines changed since the git revision REF (new files: all lines).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML config (default: auditor.toml, .auditor.toml or [tool.auditor] in pyproject.toml).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--backtranslate", is_flag=True, help="Also round-trip each sentence (roundtrip-divergence).")
@click.option("--bt-threshold", default=8.0, show_default=True, type=click.FloatRange(0, 100),
              help="Report sentences whose round-trip quality is below this.")
@click.option("--engine", default=None, metavar="NAME", help="Engine for --backtranslate (see auditor models).")
@click.option("--model", default=None, metavar="ID", help="Model folder for --engine.")
@click.option("--pivot", default=None, metavar="LANG", help="Pivot language for --backtranslate.")
@click.option("--cache", "cache_path", default=None, metavar="PATH", help="Translation cache (SQLite).")
@click.option("--no-cache", is_flag=True, help="Do not use the translation cache.")
@click.option("--source", "source_path", type=click.Path(dir_okay=False), default=None,
              help="The source text that the one checked file translates (source-mismatch).")
@with_house_options
@progress_option
def check(paths, fmt, lang, select, ignore, fail_on, include, markup, allow_files, baseline_path, write_baseline,
          changed_since, config_path, output, backtranslate, bt_threshold, engine, model, pivot, cache_path,
          no_cache, source_path, stylesheet_path, db_path, progress) -> None:
    """Check PATHS (files, directories, or - for standard input) and report artifacts."""
    from auditor.findings import Severity
    from auditor.formatters import get_formatter
    from auditor.io.inputs import InputError, read_text
    from auditor.mt import EngineError
    from auditor.session import Options

    session = session_for(Options(
        config_path=config_path, language=lang, select=tuple(split_ids(select)),
        ignore=tuple(split_ids(ignore)), fail_on=fail_on, stylesheet=stylesheet_path, db=db_path,
        backtranslate=backtranslate, bt_threshold=bt_threshold, engine=engine, model=model, pivot=pivot,
        cache=cache_path, no_cache=no_cache, allow_files=tuple(allow_files)))
    known = load_baseline(baseline_path) if baseline_path else None
    changed = changed_lines_since(changed_since) if changed_since else None
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            fail("no input: give files, directories, or - for standard input")
        paths = ("-",)
    source_text = None
    if source_path:
        if len(paths) != 1 or paths[0] == "-" or Path(paths[0]).is_dir():
            fail("--source pairs one source file with one translated file")
        try:
            source_text = read_text(Path(source_path))
        except InputError as exc:
            fail(str(exc))

    reports = []
    inputs = Inputs(paths, include)
    with progress_over("check", inputs, progress) as bar:
        for name, text in inputs.texts():
            try:
                reports.append(guarded(session.check, text, name, source_text, markup))
            except EngineError as exc:
                fail(f"{exc}", EXIT_ENGINE)
            bar.advance(inputs.size(name))
    inputs.finish(reports)
    if write_baseline:
        from auditor import baseline

        write_output(Path(write_baseline), baseline.render(reports))
    if known is not None:
        from auditor.baseline import new_only

        reports = new_only(reports, known)
    if changed is not None:
        reports = on_changed_lines(reports, changed)

    rendered = get_formatter(fmt)(reports)
    if output:
        write_output(Path(output), rendered)
    else:
        click.echo(rendered, nl=False)
    fail_level = session.fail_level
    found = fail_level != "never" and any(r.at_or_above(Severity.parse(fail_level)) for r in reports)
    sys.exit(inputs.exit_code(found))
