"""``auditor entities``: entity spellings across documents, every mention, and corpus learning."""

from __future__ import annotations

import sys

import click

from auditor.cli.common import Inputs, fail, knowledge_for, progress_option, progress_over
from auditor.formatters.entities import ENTITY_FORMATS


@click.command("entities")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=None, metavar="PATH", help="Corpus database (SQLite).")
@click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
              help="House style sheet [default: the starter sheet].")
@click.option("--format", "fmt", type=click.Choice(ENTITY_FORMATS), default="table", show_default=True)
@click.option("--lang", default="auto", show_default=True)
@click.option("--include", default="*.txt,*.md", show_default=True, metavar="GLOB,...")
@click.option("--mentions", is_flag=True,
              help="List every name mention (span, title, full name a surname refers to, canonical "
                   "spelling and confidence) instead of the variant clusters.")
@click.option("--ner", default=None, metavar="spacy:MODEL",
              help="Find mentions with a spaCy NER model (a package name or folder) instead of "
                   "capitalisation; needs spaCy installed.")
@progress_option
def entities(paths, db_path, stylesheet_path, fmt, lang, include, mentions, ner, progress) -> None:
    """List entity spellings in PATHS: variants, counts, documents, canonical spelling, consistency.

    `auditor entities learn CORPUS... --db PATH` instead stores the corpus's name statistics in
    PATH for `auditor check --db PATH`.
    """
    from auditor.document import Document
    from auditor.names.corpus import CorpusError, CorpusMemory
    from auditor.names.report import clusters, mention_rows
    from auditor.formatters.entities import render_clusters, render_mentions
    from auditor.langid import detect
    from auditor.names.index import NameIndex

    learn = paths[0] == "learn"
    if learn:
        paths = paths[1:]
        if not db_path:
            fail("entities learn needs --db PATH")
        if not paths:
            fail("entities learn needs the corpus: files or directories")
    inputs = Inputs(paths, include)
    docs = []
    with progress_over("entities", inputs, progress) as bar:
        for name, text in inputs.texts():
            docs.append(Document(text, lang if lang != "auto" else detect(text), name))
            bar.advance(inputs.size(name))
    inputs.finish(docs)
    if learn:
        try:
            memory = CorpusMemory(db_path)
            added = sum(memory.learn(d.path, d.word_count, NameIndex(d).counts) for d in docs)
        except CorpusError as exc:
            fail(str(exc))
        click.echo(f"auditor: learnt {added} new of {len(docs)} documents; {memory.documents()} in {db_path}",
                   err=True)
        sys.exit(inputs.exit_code(False))
    knowledge = knowledge_for(stylesheet_path, db_path, starter=True)
    if mentions or ner:
        rows = mention_rows(docs, knowledge.sheet, _recognizer(ner) if ner else None)
        click.echo(render_mentions(rows, len(docs), fmt), nl=False)
        sys.exit(inputs.exit_code(False))
    click.echo(render_clusters(clusters(docs, knowledge), len(docs), fmt), nl=False)
    sys.exit(inputs.exit_code(False))


def _recognizer(spec: str):
    """An NER recognizer from ``spacy:MODEL``; a one-line error when it cannot be had."""
    from auditor.names.mentions import spacy_recognizer

    kind, _, model = spec.partition(":")
    if kind != "spacy" or not model:
        fail(f"--ner {spec}: expected spacy:MODEL (an installed spaCy package or a model folder)")
    try:
        return spacy_recognizer(model)
    except ImportError:
        fail("--ner needs spaCy: pip install spacy, then a model package")
    except (OSError, ValueError) as exc:
        fail(f"--ner {spec}: cannot load the spaCy model ({str(exc).splitlines()[0]})")
