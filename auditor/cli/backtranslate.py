"""``auditor backtranslate``: round-trip segments through a pivot language and score them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.cli.common import EXIT_ENGINE, fail, read_input, session_for, write_output


@click.command()
@click.argument("input_path", metavar="FILE|-", default="-")
@click.option("--engine", default=None, metavar="NAME",
              help="bergamot (default), transformers, ctranslate2, or a model name from the registry.")
@click.option("--model", default=None, metavar="ID", help="Model folder (or hub id with --allow-download).")
@click.option("--pivot", default=None, metavar="LANG", help="Pivot language  [default: pt for en, else en].")
@click.option("--lang", default="auto", show_default=True, help="Language of the segments.")
@click.option("--field", default="text", show_default=True, help="JSONL field holding the segment.")
@click.option("--source-field", default=None, metavar="NAME", help="JSONL field holding its source (bilingual mode).")
@click.option("--source-lang", default=None, metavar="LANG", help="Language of the source texts.")
@click.option("--confidence-field", default=None, metavar="NAME",
              help="JSONL field with the producing MT system's confidence (mean log-probability) "
                   "[default: nmt_model_score when the records have it].")
@click.option("--threads", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--cache", "cache_path", default=None, metavar="PATH", help="Translation cache (SQLite).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@click.option("--registry", default=None, metavar="PATH", help="A model registry TOML file.")
@click.option("--allow-download", is_flag=True, help="Let the transformers engine fetch hub models.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write JSONL here (atomically) instead of standard output.")
@click.option("--progress/--no-progress", default=None,
              help="Progress on standard error: a bar on a terminal, else a line every 10%% or 10 s "
                   "[default: on a terminal].")
def backtranslate(input_path, engine, model, pivot, lang, field, source_field, source_lang,
                  confidence_field, threads, cache_path, no_cache, registry, allow_download, output,
                  progress) -> None:
    """Round-trip each segment of FILE (one a line, or JSONL records) and score it.

    Writes one JSONL record per input segment, in input order, with the input's fields plus
    pivot_text, roundtrip, chrf, bleu, ter and quality (0-100). A line that cannot be
    round-tripped is kept with an error field; blank lines are counted.
    """
    from auditor.checker import findings_per_text
    from auditor.formatters.trips import trip_record
    from auditor.config import Config
    from auditor.io.inputs import InputError
    from auditor.io.records import dump_record, read_records
    from auditor.progress import Progress
    from auditor.session import Options
    from auditor.langid import detect
    from auditor.mt import CacheError, EngineError

    try:
        batch = read_records(read_input(input_path), input_path, field, source_field)
    except InputError as exc:
        fail(str(exc))
    usable = batch.usable
    if lang == "auto":
        lang = detect("\n".join(r.text for r in usable[:200])) if usable else "en"
    if source_field and not source_lang:
        fail("--source-field needs --source-lang (the language of the source texts)")
    session = session_for(Options(language=lang, engine=engine, model=model, pivot=pivot, registry=registry,
                                  allow_download=allow_download, threads=threads, cache=cache_path,
                                  no_cache=no_cache), config=Config())
    try:
        tripper = session.round_tripper(lang, source_lang)
    except EngineError as exc:
        fail(str(exc))
    if confidence_field is None and any("nmt_model_score" in r.fields for r in usable):
        confidence_field = "nmt_model_score"  # MLQE-PE's name for it, which QE data sets reuse
        click.echo("auditor: note: using the MT system's confidence from field 'nmt_model_score'", err=True)
    confidences = None
    if confidence_field:
        values = [r.fields.get(confidence_field) for r in usable]
        confidences = [float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
                       for v in values]
    show = progress if progress is not None else sys.stderr.isatty()
    reporter = Progress("round trips", unit="sentences", delay=0) if show and usable else None
    texts = [r.text for r in usable]
    sources = [r.source for r in usable] if source_field else None
    # The quality estimate's evidence of artifacts: every rule's findings, one check per segment.
    evidence = findings_per_text(texts, lang)
    try:
        trips = tripper.run(texts, sources, source_lang, reporter.update if reporter else None,
                            confidences, plan=reporter.start if reporter else None, evidence=evidence)
    except CacheError as exc:
        fail(str(exc))
    except EngineError as exc:
        fail(f"{exc} (nothing was written; translations finished so far are cached)", EXIT_ENGINE)
    finally:
        if reporter is not None:
            reporter.finish()
    by_record = dict(zip(map(id, usable), trips))
    lines = []
    for rec in batch.records:
        out = dict(rec.fields)
        trip = by_record.get(id(rec))
        if trip is None:
            out["error"] = rec.error
        else:
            out.update(trip_record(trip))
        lines.append(dump_record(out))
    rendered = "\n".join(lines) + ("\n" if lines else "")
    if output:
        write_output(Path(output), rendered)
    else:
        click.echo(rendered, nl=False)
    hit = f", cache hit rate {tripper.cache.hit_rate:.2f}" if tripper.cache is not None else ""
    if trips:
        # Pooled over sentences and pieces: TER over a whole long segment is quadratic.
        units = [st for t in trips for st in t.sentences]
        corpus = tripper.metrics.pooled([st.roundtrip for st in units], [st.text for st in units])
        scores = f"corpus chrF {corpus.chrf:.1f} BLEU {corpus.bleu:.1f} TER {corpus.ter:.1f}"
        # Once per run, not per record: how the scores were computed, in sacrebleu's notation.
        signatures = f"; {tripper.metrics.signature_line()}"
    else:
        scores, signatures = "no segments, so no corpus scores", ""
    click.echo(f"auditor: {batch.read} read, {len(usable)} round-tripped, {batch.rejected} rejected, "
               f"{batch.blank} blank{hit}; {scores} ({tripper.forward.describe()}, pivot {tripper.pivot})"
               f"{signatures}", err=True)
