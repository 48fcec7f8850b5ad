"""``auditor clean``: split a corpus into kept and rejected records, annotated, with statistics."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from auditor.cli.common import (EXIT_ENGINE, EXIT_INTERNAL, fail, progress_option, session_for, split_ids,
                                with_house_options)


@click.command("clean")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Output folder: kept/, rejected/, stats.json.")
@click.option("--field", default="text", show_default=True, help="JSONL/CSV/Parquet field holding the text.")
@click.option("--id-field", default=None, help="Field holding the record id [default: FILE:LINE].")
@click.option("--min-score", type=click.IntRange(0, 100), default=None,
              help="Reject records scoring below this  [default: [clean] min-score, else 50].")
@click.option("--reject-rule", "reject_rules", metavar="RULE,...", default=None,
              help="Reject records with a finding of any of these rules.")
@click.option("--max-findings-per-1k", type=click.FloatRange(0), default=None,
              help="Reject records with more findings per 1,000 words.")
@click.option("--min-quality", type=click.FloatRange(0, 100), default=None,
              help="With --backtranslate: reject records whose round-trip quality is below this.")
@click.option("--languages", default=None, metavar="LANG,...", help="Reject records in other languages.")
@click.option("--annotate-only", is_flag=True, default=None, help="Keep every readable record; only annotate.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to kept records (auditor_fixes lists them).")
@click.option("--normalize-names", is_flag=True,
              help="Learn the corpus's name spellings first, then write kept text with the canonical ones.")
@click.option("--backtranslate", is_flag=True, help="Round-trip each record (auditor_quality).")
@click.option("--engine", default=None, metavar="NAME", help="Engine for --backtranslate.")
@click.option("--cache", "cache_path", default=None, metavar="PATH", help="Translation cache (SQLite).")
@click.option("--lang", default="auto", show_default=True, metavar="auto|en|es|fr|pt")
@click.option("--select", metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", metavar="RULE,...", help="Skip these rules.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML config (as for check; its [clean] table sets the policy).")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--workers", type=click.IntRange(1), default=None, help="Parallel tasks [default: the core count].")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="Ray cluster to join ('auto': the one `ray start` runs here) [default: start a local Ray].")
@click.option("--task-size", type=click.IntRange(1), default=1000, show_default=True,
              help="Records per task (the unit of work and of resume).")
@click.option("--overwrite", is_flag=True, help="Start over in an output folder holding another run.")
@with_house_options
@progress_option
def clean(inputs, outdir, field, id_field, min_score, reject_rules, max_findings_per_1k, min_quality, languages,
          annotate_only, fix, normalize_names, backtranslate, engine, cache_path, lang, select, ignore, config_path,
          executor, workers, ray_address, task_size, overwrite, stylesheet_path, db_path, progress) -> None:
    """Clean INPUTS (folders of .txt/.md, JSONL[.gz|.zst], CSV/TSV, Parquet) into OUTDIR.

    Kept and rejected records go to OUTDIR/kept and OUTDIR/rejected in the input's format, each
    annotated; OUTDIR/stats.json has the counts. Run the same command again to resume.
    """
    from auditor.session import Options

    session = session_for(Options(config_path=config_path, language=lang, select=tuple(split_ids(select)),
                                  ignore=tuple(split_ids(ignore)), stylesheet=stylesheet_path, db=db_path,
                                  backtranslate=backtranslate, engine=engine, cache=cache_path))
    policy = _policy(session, min_score, reject_rules, max_findings_per_1k, min_quality, languages, annotate_only)
    try:
        from auditor.batch.run import CleanRun, RunError, run_clean
        from auditor.batch.steps import AuditorSettings
    except ImportError as exc:
        fail(f"auditor clean needs the batch extra: pip install 'auditor[batch]' ({exc})")
    from auditor.batch.formats import FormatError
    from auditor.batch.plan import PlanError
    from auditor.mt import EngineError
    from auditor.rules import fixable_rules

    settings = AuditorSettings(session.options, session.config, policy, tuple(fixable_rules()) if fix else ())
    run = CleanRun(list(inputs), Path(outdir), settings, field, id_field, executor, workers or os.cpu_count() or 1,
                   ray_address, task_size, overwrite, normalize_names,
                   sys.stderr.isatty() if progress is None else progress, notify=lambda m: None)
    try:
        stats = run_clean(run)
    except (FormatError, PlanError) as exc:
        fail(str(exc))
    except EngineError as exc:
        fail(str(exc), EXIT_ENGINE)
    except RunError as exc:
        fail(str(exc), EXIT_INTERNAL)
    click.echo(summary(stats, outdir), err=True)


def _policy(session, min_score, reject_rules, max_per_1k, min_quality, languages, annotate_only):
    """The policy: each flag, else the configuration's [clean] value, else the default."""
    from auditor.batch.policy import Policy
    from auditor.checker import check_language
    from auditor.rules import RULES, unknown_rule

    conf = session.config.clean
    rules = split_ids(reject_rules) if reject_rules is not None else conf.get("reject_rules", [])
    for rule in rules:
        if rule not in RULES:
            fail(unknown_rule(rule, "--reject-rule: "))
    langs = split_ids(languages) if languages is not None else conf.get("languages", [])
    for language in langs:
        _check_language(check_language, language)
    pick = lambda flag, key, default=None: flag if flag is not None else conf.get(key, default)  # noqa: E731
    return Policy(min_score=pick(min_score, "min_score", 50), reject_rules=tuple(rules),
                  max_findings_per_1k=pick(max_per_1k, "max_findings_per_1k"),
                  min_quality=pick(min_quality, "min_quality"), languages=tuple(langs),
                  annotate_only=bool(pick(annotate_only, "annotate_only", False)))


def _check_language(check, language: str) -> None:
    try:
        check(language)
    except ValueError as exc:
        fail(f"--languages: {exc}")


def summary(stats: dict, outdir: str) -> str:
    """The closing lines: read = kept + rejected, reasons, rules, languages, speed."""
    ok = stats["read"] == stats["kept"] + stats["rejected"]
    top = lambda counts: ", ".join(f"{k} {v:,}" for k, v in list(counts.items())[:8]) or "none"  # noqa: E731
    langs = ", ".join(f"{k} {v['read']:,}" for k, v in stats["languages"].items()) or "none"
    return "\n".join([
        f"auditor: clean: read {stats['read']:,} = kept {stats['kept']:,} + rejected {stats['rejected']:,}"
        f" ({'checked' if ok else 'MISMATCH'}; {stats['unreadable']:,} unreadable)",
        f"auditor: rejected for: {top(stats['rejection_reasons'])}",
        f"auditor: findings by rule: {top(stats['rules'])}",
        f"auditor: languages: {langs}",
        f"auditor: {stats['elapsed_s']:.1f} s, {stats['docs_per_s']:,.1f} docs/s, {stats['mb_per_s']:.2f} MB/s;"
        f" stats in {os.path.join(outdir, 'stats.json')}",
    ])
