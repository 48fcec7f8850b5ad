"""Command-line interface: ``auditor check`` and ``auditor rules``.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage or input
errors (one line on standard error, never a traceback); 3 an internal error; 4 a translation
engine failed while running.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from auditor import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_ENGINE = 0, 1, 2, 3, 4
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
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="House style sheet for name-variant (TSV/CSV with a 'canonical' column).")
@click.option("--db", "db_path", default=None, metavar="PATH",
              help="Corpus database from `auditor entities learn` for name-variant.")
def check(paths, fmt, lang, select, ignore, fail_on, include, config_path, output, backtranslate,
          bt_threshold, engine, model, pivot, cache_path, no_cache, source_path, stylesheet_path,
          db_path) -> None:
    """Check PATHS (files, directories, or - for standard input) and report artifacts."""
    from auditor.checker import check_text
    from auditor.config import ConfigError, load_config
    from auditor.findings import Severity
    from auditor.formatters import get_formatter
    from auditor.inputs import InputError, discover, read_text
    from auditor.langid import detect
    from auditor.languages import supported_languages
    from auditor.mt import EngineError
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
    patterns = _patterns(include)
    source_text = None
    if source_path:
        if len(paths) != 1 or paths[0] == "-" or Path(paths[0]).is_dir():
            _fail("--source pairs one source file with one translated file")
        try:
            source_text = read_text(Path(source_path))
        except InputError as exc:
            _fail(str(exc))
    knowledge = _knowledge(stylesheet_path, db_path)
    trippers: dict[str, object] = {}
    cache = _open_cache(no_cache, cache_path) if backtranslate else None

    def tripper_for(doc_lang: str):
        if doc_lang not in trippers:
            from auditor.mt import UnsupportedPair

            try:
                trippers[doc_lang] = _round_tripper(engine, model, doc_lang, pivot, cache, 2, None, False)
            except UnsupportedPair as exc:
                if lang != "auto":
                    _fail(str(exc))
                click.echo(f"auditor: note: {exc}; {doc_lang} copy is checked without a round trip", err=True)
                trippers[doc_lang] = None
            except EngineError as exc:
                _fail(str(exc))
        return trippers[doc_lang]

    def run(text: str, name: str):
        doc_lang, tripper = lang, None
        if backtranslate:
            doc_lang = lang if lang != "auto" else detect(text)
            tripper = tripper_for(doc_lang)
        try:
            return check_text(text, name, doc_lang, selected, ignored, cfg.severities, knowledge,
                              roundtripper=tripper, roundtrip_threshold=bt_threshold,
                              source_text=source_text)
        except EngineError as exc:
            _fail(f"{exc}", EXIT_ENGINE)

    try:
        for raw in paths:
            if raw == "-":
                reports.append(run(_read_input("-"), "-"))
                continue
            files = list(discover([raw], patterns))
            if len(files) > 50:
                from auditor.lexicon import preload

                preload()  # a batch: one bulk load beats thousands of lookups
            for path in files:
                reports.append(run(read_text(path), str(path)))
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


def _default_pivot(lang: str) -> str:
    return "pt" if lang == "en" else "en"


def _open_cache(no_cache: bool, cache_path: str | None):
    from auditor.mt import CacheError, TranslationCache

    if no_cache:
        return None
    try:
        return TranslationCache(cache_path)
    except CacheError as exc:
        _fail(str(exc))


def _round_tripper(engine, model, lang, pivot, cache, threads, registry, allow_download,
                   source_lang=None):
    """Build a RoundTripper; raises EngineError (UnsupportedPair when no model covers a direction)."""
    from auditor.mt import UnsupportedPair, resolve
    from auditor.roundtrip import RoundTripper

    pivot = pivot or _default_pivot(lang)
    forward = resolve(engine, model, lang, pivot, registry, allow_download)
    backward = resolve(engine, model, pivot, lang, registry, allow_download)
    to_source = None
    if source_lang and source_lang != lang:
        try:
            to_source = resolve(engine, model, lang, source_lang, registry, allow_download)
        except UnsupportedPair:
            click.echo(f"auditor: note: no engine translates {lang}-{source_lang}; the source is "
                       "checked for numbers, names and length only", err=True)
    return RoundTripper(forward, backward, lang, pivot, cache, threads, to_source=to_source)


def _read_input(name: str) -> str:
    """The text of a file, or of standard input for '-'; raises InputError."""
    from auditor.inputs import decode, read_text

    return decode(sys.stdin.buffer.read(), "<stdin>") if name == "-" else read_text(Path(name))


def _patterns(include: str) -> tuple[str, ...]:
    return tuple(_split_ids(include))


@cli.command()
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
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error [default: on a terminal].")
def backtranslate(input_path, engine, model, pivot, lang, field, source_field, source_lang,
                  confidence_field, threads, cache_path, no_cache, registry, allow_download, output,
                  progress) -> None:
    """Round-trip each segment of FILE (one a line, or JSONL records) and score it.

    Writes one JSONL record per input segment, in input order, with the input's fields plus
    pivot_text, roundtrip, chrf, bleu, ter and quality (0-100).
    """
    import json

    from auditor.batch import RecordError, read_records
    from auditor.inputs import InputError
    from auditor.langid import detect
    from auditor.mt import CacheError, EngineError

    try:
        records = read_records(_read_input(input_path), input_path, field, source_field)
    except (InputError, RecordError) as exc:
        _fail(str(exc))
    usable = [r for r in records if r.text is not None]
    if lang == "auto":
        lang = detect("\n".join(r.text for r in usable[:200])) if usable else "en"
    if source_field and not source_lang:
        _fail("--source-field needs --source-lang (the language of the source texts)")
    try:
        tripper = _round_tripper(engine, model, lang, pivot, _open_cache(no_cache, cache_path), threads,
                                 registry, allow_download, source_lang)
    except EngineError as exc:
        _fail(str(exc))
    if confidence_field is None and any("nmt_model_score" in r.fields for r in usable):
        confidence_field = "nmt_model_score"  # MLQE-PE's name for it, which QE data sets reuse
        click.echo("auditor: note: using the MT system's confidence from field 'nmt_model_score'", err=True)
    confidences = None
    if confidence_field:
        values = [r.fields.get(confidence_field) for r in usable]
        confidences = [float(v) if isinstance(v, (int, float)) else None for v in values]
    show = progress if progress is not None else sys.stderr.isatty()
    texts = [r.text for r in usable]
    sources = [r.source for r in usable] if source_field else None
    try:
        if show and texts:
            from auditor.roundtrip import sentence_spans

            total = 2 * len({t[s:e] for t in texts for s, e in sentence_spans(t, lang)})
            with click.progressbar(length=total, label="round trips", file=sys.stderr) as bar:
                trips = tripper.run(texts, sources, source_lang, bar.update, confidences)
        else:
            trips = tripper.run(texts, sources, source_lang, confidences=confidences)
    except CacheError as exc:
        _fail(str(exc))
    except EngineError as exc:
        _fail(f"{exc} (nothing was written; translations finished so far are cached)", EXIT_ENGINE)
    by_record = dict(zip(map(id, usable), trips))
    lines = []
    for rec in records:
        out = dict(rec.fields)
        trip = by_record.get(id(rec))
        if trip is None:
            out["error"] = rec.error
        else:
            out.update(_trip_fields(trip))
        lines.append(json.dumps(out, ensure_ascii=False))
    rendered = "\n".join(lines) + ("\n" if lines else "")
    if output:
        _write_atomic(Path(output), rendered)
    else:
        click.echo(rendered, nl=False)
    corpus = tripper.metrics.corpus([t.roundtrip for t in trips], [t.text for t in trips])
    rejected = len(records) - len(usable)
    hit = f", cache hit rate {tripper.cache.hit_rate:.2f}" if tripper.cache is not None else ""
    click.echo(f"auditor: {len(records)} read, {len(usable)} round-tripped, {rejected} rejected{hit}; "
               f"corpus chrF {corpus.chrf:.1f} BLEU {corpus.bleu:.1f} TER {corpus.ter:.1f} "
               f"({tripper.forward.describe()}, pivot {tripper.pivot})", err=True)


def _trip_fields(trip) -> dict:
    out = {"pivot_text": trip.pivot_text, "roundtrip": trip.roundtrip,
           "chrf": round(trip.scores.chrf, 2), "bleu": round(trip.scores.bleu, 2),
           "ter": round(trip.scores.ter, 2), "quality": trip.quality,
           "changes": [c.to_dict() for st in trip.sentences for c in st.changes]}
    if trip.source is not None:
        if trip.back_to_source is not None:
            out["back_to_source"] = trip.back_to_source
            out["source_chrf"] = round(trip.source_scores.chrf, 2)
        out.update(trip.checks)
    return out


@cli.command("models")
@click.option("--registry", default=None, metavar="PATH", help="A model registry TOML file.")
@click.option("--no-load", is_flag=True, help="List without trying to load each model.")
def list_models(registry, no_load) -> None:
    """List the translation models the registries declare and whether each loads."""
    from auditor.mt import EngineError
    from auditor.mt.base import format_pairs
    from auditor.mt.registry import all_entries, engine_for_entry

    try:
        entries = all_entries(registry)
    except EngineError as exc:
        _fail(str(exc))
    rows = [("NAME", "ENGINE", "PAIRS", "LICENCE", "LOCATION", "STATUS")]
    for e in entries:
        pairs = format_pairs(e.pairs, ",")
        status = "not checked"
        if not no_load:
            try:
                engine_for_entry(e)
                status = "ok"
            except EngineError as exc:
                status = f"fails: {exc}"
        location = e.location or "(bundled)"
        if e.path and os.path.isabs(e.path):
            location = os.path.relpath(e.path) if e.path.startswith(os.getcwd()) else e.path
        rows.append((e.name, e.engine, pairs, e.licence.split(" (")[0] or "-", location, status))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for r in rows:
        click.echo("  ".join(f"{v:<{w}}" for v, w in zip(r[:5], widths)) + "  " + r[5])


def _knowledge(stylesheet_path: str | None, db_path: str | None, starter: bool = False):
    """House knowledge from a style sheet and a corpus database, or None when neither is given."""
    from auditor.entities.corpus import CorpusError, CorpusMemory
    from auditor.entities.knowledge import HouseKnowledge
    from auditor.entities.stylesheet import StyleSheet, StyleSheetError

    if not (stylesheet_path or db_path or starter):
        return None
    try:
        sheet = StyleSheet.load(stylesheet_path) if stylesheet_path else (StyleSheet.starter() if starter else None)
        if db_path and not Path(db_path).exists():
            _fail(f"{db_path}: no such corpus database (create it with `auditor entities learn`)")
        corpus = CorpusMemory(db_path) if db_path else None
    except (StyleSheetError, CorpusError) as exc:
        _fail(str(exc))
    return HouseKnowledge(sheet, corpus)


@cli.command("entities")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=None, metavar="PATH", help="Corpus database (SQLite).")
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="House style sheet [default: the starter sheet].")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--lang", default="auto", show_default=True)
@click.option("--include", default="*.txt,*.md", show_default=True, metavar="GLOB,...")
@click.option("--mentions", is_flag=True,
              help="List every name mention (span, title, full name a surname refers to, canonical "
                   "spelling and confidence) instead of the variant clusters.")
@click.option("--ner", default=None, metavar="spacy:MODEL",
              help="Find mentions with a spaCy NER model (a package name or folder) instead of "
                   "capitalisation; needs spaCy installed.")
def entities(paths, db_path, stylesheet_path, fmt, lang, include, mentions, ner) -> None:
    """List entity spellings in PATHS: variants, counts, documents, canonical spelling, consistency.

    `auditor entities learn CORPUS... --db PATH` instead stores the corpus's name statistics in
    PATH for `auditor check --db PATH`.
    """
    import csv
    import io
    import json

    from auditor.document import Document
    from auditor.entities.corpus import CorpusError, CorpusMemory
    from auditor.entities.report import clusters
    from auditor.inputs import InputError, discover, read_text
    from auditor.langid import detect
    from auditor.names import NameIndex

    learn = paths[0] == "learn"
    if learn:
        paths = paths[1:]
        if not db_path:
            _fail("entities learn needs --db PATH")
        if not paths:
            _fail("entities learn needs the corpus: files or directories")
    patterns = _patterns(include)
    docs = []
    try:
        for path in discover(list(paths), patterns):
            text = read_text(path)
            docs.append(Document(text, lang if lang != "auto" else detect(text), str(path)))
    except InputError as exc:
        _fail(str(exc))
    if learn:
        try:
            memory = CorpusMemory(db_path)
            added = sum(memory.learn(d.path, d.word_count, NameIndex(d).counts) for d in docs)
        except CorpusError as exc:
            _fail(str(exc))
        click.echo(f"auditor: learnt {added} new of {len(docs)} documents; {memory.documents()} in {db_path}",
                   err=True)
        return
    knowledge = _knowledge(stylesheet_path, db_path, starter=True)
    if mentions or ner:
        _print_mentions(docs, knowledge.sheet, _recognizer(ner) if ner else None, fmt)
        return
    found = clusters(docs, knowledge)
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["canonical", "basis", "consistency", "documents", "spellings"])
        for c in found:
            w.writerow([c.canonical or "", c.basis, c.consistency, len(c.documents),
                        "|".join(f"{s}:{n}" for s, n in c.spellings.most_common())])
        click.echo(buf.getvalue(), nl=False)
    else:
        for c in found:
            spellings = ", ".join(f"{s} ×{n}" for s, n in c.spellings.most_common())
            click.echo(f"{c.canonical or '?':<24} {c.basis:<11} consistency {c.consistency:.2f}  "
                       f"{len(c.documents)} doc(s)  {spellings}")
        click.echo(f"{len(found)} entit{'y' if len(found) == 1 else 'ies'} with variant spellings "
                   f"in {len(docs)} document{'s' if len(docs) != 1 else ''}")


def _recognizer(spec: str):
    """An NER recognizer from ``spacy:MODEL``; a one-line error when it cannot be had."""
    from auditor.entities.mentions import spacy_recognizer

    kind, _, model = spec.partition(":")
    if kind != "spacy" or not model:
        _fail(f"--ner {spec}: expected spacy:MODEL (an installed spaCy package or a model folder)")
    try:
        return spacy_recognizer(model)
    except ImportError:
        _fail("--ner needs spaCy: pip install spacy, then a model package")
    except (OSError, ValueError) as exc:
        _fail(f"--ner {spec}: cannot load the spaCy model ({str(exc).splitlines()[0]})")


def _print_mentions(docs, sheet, recognizer, fmt: str) -> None:
    """One row per mention: where, what, its title, the full name a surname stands for, and the
    house spelling with the confidence that the mention already is it."""
    import csv
    import io
    import json

    from auditor.entities.mentions import find_mentions

    rows = []
    house: dict[str, tuple[str | None, float]] = {}  # each distinct name looked up once
    for doc in docs:
        for m in find_mentions(doc, recognizer):
            line, col = doc.position(m.start)
            name = m.refers_to or m.text
            if name not in house:
                house[name] = sheet.normalize(name) if sheet else (None, 0.0)
            canonical, score = house[name]
            if canonical and m.refers_to:
                canonical = canonical.split()[-1]  # a surname alone keeps to the surname
            # Confidence that the mention is already the house spelling: the match score when
            # it is, its complement when the house spells it otherwise, unknown without a match.
            if canonical is None:
                confidence = None
            else:
                same = canonical.casefold() == m.text.casefold()  # TEHRAN in a dateline is Tehran
                confidence = round(score if same else 1.0 - score, 3)
            rows.append({"path": doc.path, "line": line, "column": col, **m.to_dict(),
                         "canonical": canonical, "confidence": confidence})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["path"])
        w.writeheader()
        for r in rows:
            w.writerow({k: "" if v is None else v for k, v in r.items()})
        click.echo(buf.getvalue(), nl=False)
    else:
        for r in rows:
            extra = "".join([f"  [{r['title']}]" if r["title"] else "",
                             f"  = {r['refers_to']}" if r["refers_to"] else "",
                             f"  -> {r['canonical']}" if r["canonical"] and r["canonical"].casefold() != r["text"].casefold() else ""])
            conf = "" if r["confidence"] is None else f"  ({r['confidence']:.2f})"
            click.echo(f"{r['path']}:{r['line']}:{r['column']}: {r['text']}{extra}{conf}")
        click.echo(f"{len(rows)} mention{'s' if len(rows) != 1 else ''} in {len(docs)} document{'s' if len(docs) != 1 else ''}")


@cli.group("names")
def names_group() -> None:
    """Entity-name tools."""


_NAME_ROWS_KEPT = 1 << 16  # distinct queries remembered by `names normalize`
_NAME_ROWS_PER_WRITE = 1000


@names_group.command("normalize")
@click.argument("names_file", metavar="[NAMES_FILE|-]", default="-")
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="TSV/CSV style sheet with a 'canonical' column [default: the starter sheet].")
def names_normalize(names_file, stylesheet_path) -> None:
    """Map each name (one a line) to its canonical spelling: TSV query, canonical, score.

    One row per input line, in input order; canonical is empty when no match is confident.
    """
    from auditor.inputs import InputError

    sheet = _knowledge(stylesheet_path, None, starter=True).sheet
    try:
        raw = _read_input(names_file)
    except InputError as exc:
        _fail(str(exc))
    # Rows go out in batches as they are computed (nothing waits for the whole list), and a
    # repeated query is answered from memory: name lists repeat their names.
    batch = ["query\tcanonical\tscore"]
    rows: dict[str, str] = {}
    for line in raw.splitlines():
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
    if batch:
        click.echo("\n".join(batch))


@cli.command("fix")
@click.argument("paths", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff (writes nothing).")
@click.option("--backup", is_flag=True, help="Keep the original as FILE.orig.")
@click.option("--select", metavar="RULE,...", help="Apply only these rules' fixes.")
@click.option("--lang", default="auto", show_default=True, help="Language of the copy.")
@click.option("--include", default="*.txt,*.md", show_default=True, metavar="GLOB,...")
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="House style sheet whose canonical spellings name-variant applies.")
@click.option("--db", "db_path", default=None, metavar="PATH",
              help="Corpus database from `auditor entities learn` for name-variant.")
def fix(paths, dry_run, show_diff, backup, select, lang, include, stylesheet_path, db_path) -> None:
    """Apply the safe fixes (glued tokens, spacing, mojibake, canonical names) to PATHS in place.

    Canonical names come from --stylesheet and --db when given (as for `auditor check`), else from
    the document itself. Writes atomically (a temporary file renamed over the original); a file
    that cannot be read as UTF-8 text is left untouched and reported. A second run changes nothing.
    """
    import shutil

    from auditor.checker import check_text
    from auditor.fix import SAFE_RULES, fix_text, unified_diff
    from auditor.inputs import InputError, discover, read_text
    from auditor.langid import detect

    rules = _split_ids(select) or list(SAFE_RULES)
    unsafe = [r for r in rules if r not in SAFE_RULES]
    if unsafe:
        _fail(f"no safe fix for {', '.join(unsafe)} (fixable: {', '.join(SAFE_RULES)})")
    patterns = _patterns(include)
    knowledge = _knowledge(stylesheet_path, db_path)
    failed, changed, total = 0, 0, 0
    try:
        files = list(discover(list(paths), patterns))
    except InputError as exc:
        _fail(str(exc))
    for path in files:
        try:
            text = read_text(path)
        except InputError as exc:
            click.echo(f"auditor: skipped: {exc}", err=True)
            failed += 1
            continue
        doc_lang = lang if lang != "auto" else detect(text)  # once, on the original copy
        result = fix_text(text, lambda t, sel: check_text(t, str(path), doc_lang, sel, knowledge=knowledge))
        if result.text == text:
            continue
        changed += 1
        total += len(result.applied)
        if show_diff:
            click.echo(unified_diff(text, result.text, _diff_name("a", path), _diff_name("b", path)), nl=False)
        if dry_run or show_diff:
            continue
        if backup:
            shutil.copy2(path, f"{path}.orig")
        _write_atomic(Path(path), result.text)
    verb = "would fix" if (dry_run or show_diff) else "fixed"
    click.echo(f"auditor: {verb} {total} artifact{'s' if total != 1 else ''} in {changed} of {len(files)} "
               f"file{'s' if len(files) != 1 else ''}" + (f"; {failed} skipped" if failed else ""), err=True)
    if failed:
        sys.exit(EXIT_USAGE)


def _diff_name(side: str, path) -> str:
    return str(path) if Path(path).is_absolute() else f"{side}/{path}"


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
