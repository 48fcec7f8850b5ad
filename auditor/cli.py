"""Command-line interface: ``auditor check`` and ``auditor rules``.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage or input
errors (one line on standard error, never a traceback); 3 an internal error; 4 a translation
engine failed while running.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from auditor import __version__
from auditor.config import FAIL_LEVELS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_ENGINE = 0, 1, 2, 3, 4
EXIT_SKIPPED, EXIT_SKIPPED_FINDINGS = 5, 6


def _split_ids(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _rule_ids(value: str | None) -> list[str]:
    """Rule ids from a comma-separated option; an unknown one is a usage error."""
    from auditor.config import unknown_rule
    from auditor.rules import RULES

    ids = _split_ids(value)
    for rule_id in ids:
        if rule_id not in RULES:
            _fail(unknown_rule(rule_id))
    return ids


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
@click.option("--progress/--no-progress", default=None,
              help="Progress on standard error [default: on a terminal, for runs over 2 s].")
def check(paths, fmt, lang, select, ignore, fail_on, include, config_path, output, backtranslate,
          bt_threshold, engine, model, pivot, cache_path, no_cache, source_path, stylesheet_path,
          db_path, progress) -> None:
    """Check PATHS (files, directories, or - for standard input) and report artifacts."""
    from auditor.checker import check_text
    from auditor.config import ConfigError, load_config
    from auditor.findings import Severity
    from auditor.formatters import get_formatter
    from auditor.inputs import InputError, read_text
    from auditor.langid import detect
    from auditor.languages import supported_languages
    from auditor.mt import EngineError

    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc))
    if lang != "auto" and lang not in supported_languages():
        _fail(f"unsupported language '{lang}' (supported: auto, {', '.join(supported_languages())})")
    selected = _rule_ids(select) or cfg.select
    ignored = _rule_ids(ignore) or cfg.ignore
    fail_level = fail_on or cfg.fail_on or "warning"
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("no input: give files, directories, or - for standard input")
        paths = ("-",)

    reports = []
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

    inputs = _Inputs(paths, include)
    if len(inputs.files) > 50:
        from auditor.lexicon import preload

        preload()  # a batch needs every table: load them before the first file
    with _progress("check", inputs, progress) as bar:
        for name, text in inputs.texts():
            reports.append(run(text, name))
            bar.advance(inputs.size(name))
    inputs.finish(reports)

    rendered = get_formatter(fmt)(reports)
    if output:
        _write_atomic(Path(output), rendered)
    else:
        click.echo(rendered, nl=False)
    found = fail_level != "never" and any(r.at_or_above(Severity.parse(fail_level)) for r in reports)
    sys.exit(inputs.exit_code(found))


class _Inputs:
    """The files (or standard input) a command reads, and those it could not read.

    A path that cannot be read gets one line on standard error and the rest are still read; the
    exit code then says so (5, or 6 with findings). Nothing readable at all is a usage error (2).
    """

    def __init__(self, paths: tuple[str, ...], include: str) -> None:
        from auditor.inputs import InputError, discover

        self.files: list[str] = []
        self.unreadable = 0
        for raw in paths:
            if raw == "-":
                self.files.append("-")
                continue
            try:
                self.files.extend(str(p) for p in discover([raw], _patterns(include)))
            except InputError as exc:
                self._skip(exc)

    def _skip(self, exc: Exception) -> None:
        click.echo(f"auditor: error: {exc}", err=True)
        self.unreadable += 1

    def size(self, name: str) -> int:
        try:
            return 0 if name == "-" else os.path.getsize(name)
        except OSError:
            return 0

    def total_size(self) -> int | None:
        return None if "-" in self.files else sum(map(self.size, self.files))

    def texts(self):
        """(name, text) of each readable input, in order; unreadable ones are reported and skipped."""
        from auditor.inputs import InputError

        for name in self.files:
            try:
                yield name, _read_input(name)
            except InputError as exc:
                self._skip(exc)

    def finish(self, done: list) -> None:
        """Stop with exit 2 when nothing at all could be read."""
        if self.unreadable and not done:
            sys.exit(EXIT_USAGE)  # each unreadable input has had its line

    def exit_code(self, found: bool) -> int:
        if self.unreadable:
            return EXIT_SKIPPED_FINDINGS if found else EXIT_SKIPPED
        return EXIT_FINDINGS if found else EXIT_OK


def _progress(label: str, inputs: "_Inputs", flag: bool | None):
    """Progress in bytes over the inputs: on by default on a terminal, plain lines elsewhere."""
    from auditor.progress import Progress

    enabled = sys.stderr.isatty() if flag is None else flag
    return Progress(label, inputs.total_size(), unit="bytes", enabled=enabled)


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


def _note(message: str) -> None:
    click.echo(f"auditor: note: {message}", err=True)


def _open_cache(no_cache: bool, cache_path: str | None):
    """The translation cache, or None. A cache that cannot be opened (a read-only home, a file
    that is not a database and cannot be moved aside) is skipped with a note: it only saves time."""
    from auditor.mt import CacheError, TranslationCache
    from auditor.mt.cache import MOVE_HINT

    if no_cache:
        return None
    try:
        return TranslationCache(cache_path, on_error=_note)
    except CacheError as exc:
        _note(f"{exc}; going on without the cache ({MOVE_HINT})")
        return None


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
    from auditor.batch import dump_record, read_records
    from auditor.checker import findings_per_text
    from auditor.progress import Progress
    from auditor.inputs import InputError
    from auditor.langid import detect
    from auditor.mt import CacheError, EngineError

    try:
        batch = read_records(_read_input(input_path), input_path, field, source_field)
    except InputError as exc:
        _fail(str(exc))
    usable = batch.usable
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
        _fail(str(exc))
    except EngineError as exc:
        _fail(f"{exc} (nothing was written; translations finished so far are cached)", EXIT_ENGINE)
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
            out.update(_trip_fields(trip))
        lines.append(dump_record(out))
    rendered = "\n".join(lines) + ("\n" if lines else "")
    if output:
        _write_atomic(Path(output), rendered)
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


def _trip_fields(trip) -> dict:
    out = {"pivot_text": trip.pivot_text, "roundtrip": trip.roundtrip,
           "chrf": round(trip.scores.chrf, 2), "bleu": round(trip.scores.bleu, 2),
           "ter": round(trip.scores.ter, 2), "quality": trip.quality,
           "changes": [c.to_dict() for st in trip.sentences for c in st.changes]}
    if trip.split_sentences:
        # Sentences over the MT length limit went to the engine in pieces (README: Back-translation).
        out["split_for_mt"] = trip.split_sentences
        out["hard_cuts"] = trip.hard_cuts
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
        _fail(str(exc))
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
@click.option("--progress/--no-progress", default=None,
              help="Progress on standard error [default: on a terminal, for runs over 2 s].")
def entities(paths, db_path, stylesheet_path, fmt, lang, include, mentions, ner, progress) -> None:
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
    from auditor.langid import detect
    from auditor.names import NameIndex

    learn = paths[0] == "learn"
    if learn:
        paths = paths[1:]
        if not db_path:
            _fail("entities learn needs --db PATH")
        if not paths:
            _fail("entities learn needs the corpus: files or directories")
    inputs = _Inputs(paths, include)
    docs = []
    with _progress("entities", inputs, progress) as bar:
        for name, text in inputs.texts():
            docs.append(Document(text, lang if lang != "auto" else detect(text), name))
            bar.advance(inputs.size(name))
    inputs.finish(docs)
    if learn:
        try:
            memory = CorpusMemory(db_path)
            added = sum(memory.learn(d.path, d.word_count, NameIndex(d).counts) for d in docs)
        except CorpusError as exc:
            _fail(str(exc))
        click.echo(f"auditor: learnt {added} new of {len(docs)} documents; {memory.documents()} in {db_path}",
                   err=True)
        sys.exit(inputs.exit_code(False))
    knowledge = _knowledge(stylesheet_path, db_path, starter=True)
    if mentions or ner:
        _print_mentions(docs, knowledge.sheet, _recognizer(ner) if ner else None, fmt)
        sys.exit(inputs.exit_code(False))
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
    sys.exit(inputs.exit_code(False))


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
    out = ["query\tcanonical\tscore"]
    for line in raw.splitlines():
        query = " ".join(line.split())
        canonical, score = sheet.normalize(query) if query else (None, 0.0)
        out.append(f"{query}\t{canonical or ''}\t{score:.3f}")
    click.echo("\n".join(out))


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
@click.option("--break-hardlinks", is_flag=True,
              help="Fix a file with several hard links by writing a separate copy (the other links keep the old text).")
@click.option("--progress/--no-progress", default=None,
              help="Progress on standard error [default: on a terminal, for runs over 2 s].")
def fix(paths, dry_run, show_diff, backup, select, lang, include, stylesheet_path, db_path, break_hardlinks,
        progress) -> None:
    """Apply the safe fixes (glued tokens, spacing, mojibake, canonical names) to PATHS in place.

    Canonical names come from --stylesheet and --db when given (as for `auditor check`), else from
    the document itself. Writes atomically (a temporary file renamed over the original) and keeps
    the file's encoding, byte-order mark, line endings, mode and owner; follows a symbolic link to
    fix its target. A file that cannot be read, or written safely (read-only, hard-linked), is left
    untouched and reported. A second run changes nothing.
    """
    import difflib
    import shutil

    from auditor.atomic import WriteError, resolve_target, write_atomic
    from auditor.checker import check_text
    from auditor.fix import SAFE_RULES, fix_text
    from auditor.inputs import InputError, read_file
    from auditor.langid import detect

    rules = _split_ids(select) or list(SAFE_RULES)
    unsafe = [r for r in rules if r not in SAFE_RULES]
    if unsafe:
        _fail(f"no safe fix for {', '.join(unsafe)} (fixable: {', '.join(SAFE_RULES)})")
    if "-" in paths:
        _fail("fix edits files in place: give files or directories, not standard input")
    knowledge = _knowledge(stylesheet_path, db_path)
    inputs = _Inputs(paths, include)
    changed, total, withheld, done = 0, 0, 0, []
    writing = not (dry_run or show_diff)
    with _progress("fix", inputs, progress) as bar:
        for name in inputs.files:
            bar.advance(inputs.size(name))
            path = Path(name)
            try:
                if writing:
                    resolve_target(path, break_hardlinks)  # refuse before the work, not after
                original = read_file(path)
            except (InputError, WriteError) as exc:
                inputs._skip(exc)
                continue
            text = original.text
            doc_lang = lang if lang != "auto" else detect(text)  # once, on the original copy
            # Every rule re-checks the fixed text (sel None): a fix that adds a finding is withheld.
            result = fix_text(text, lambda t, sel: check_text(t, name, doc_lang, sel, knowledge=knowledge), rules)
            withheld += len(result.withheld)
            done.append(name)
            if result.text == text:
                continue  # not rewritten: the file keeps its modification time
            changed += 1
            total += len(result.applied)
            if show_diff:
                click.echo("".join(difflib.unified_diff(text.splitlines(True), result.text.splitlines(True),
                                                        _diff_name("a", path), _diff_name("b", path))), nl=False)
            if not writing:
                continue
            try:
                if backup:
                    write_atomic(Path(f"{name}.orig"), Path(os.path.realpath(path)).read_bytes())
                    shutil.copystat(os.path.realpath(path), f"{name}.orig")  # the original's mode and times
                write_atomic(path, original.encoding.encode(result.text), break_hardlinks)
            except (OSError, WriteError) as exc:
                done.pop()
                changed -= 1
                total -= len(result.applied)
                inputs._skip(exc if isinstance(exc, WriteError) else WriteError(f"{name}: cannot write ({exc})"))
    verb = "fixed" if writing else "would fix"
    files = len(inputs.files)
    skipped = f"; {inputs.unreadable} skipped" if inputs.unreadable else ""
    click.echo(f"auditor: {verb} {total} artifact{'s' if total != 1 else ''} in {changed} of {files} "
               f"file{'s' if files != 1 else ''}{skipped}"
               + (f"; withheld {withheld} that would add a finding" if withheld else ""), err=True)
    inputs.finish(done)
    sys.exit(inputs.exit_code(False))


def _diff_name(side: str, path) -> str:
    return str(path) if Path(path).is_absolute() else f"{side}/{path}"


def _write_atomic(path: Path, content: str) -> None:
    """Write a report atomically (see :mod:`auditor.atomic`); a refusal is a usage error."""
    from auditor.atomic import WriteError, write_atomic

    try:
        write_atomic(path, content)
    except WriteError as exc:
        _fail(str(exc))


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
