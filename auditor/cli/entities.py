"""``auditor entities``: entity spellings across documents, every mention, and corpus learning."""

from __future__ import annotations

import sys

import click

from auditor.cli.common import Inputs, fail, knowledge_for, progress_over
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
@click.option("--progress/--no-progress", default=None,
              help="Progress on standard error [default: on a terminal, for runs over 2 s].")
def entities(paths, db_path, stylesheet_path, fmt, lang, include, mentions, ner, progress) -> None:
    """List entity spellings in PATHS: variants, counts, documents, canonical spelling, consistency.

    `auditor entities learn CORPUS... --db PATH` instead stores the corpus's name statistics in
    PATH for `auditor check --db PATH`.
    """
    from auditor.document import Document
    from auditor.entities.corpus import CorpusError, CorpusMemory
    from auditor.entities.report import clusters
    from auditor.formatters.entities import render_clusters, render_mentions
    from auditor.langid import detect
    from auditor.names import NameIndex

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
        rows = _mention_rows(docs, knowledge.sheet, _recognizer(ner) if ner else None)
        click.echo(render_mentions(rows, len(docs), fmt), nl=False)
        sys.exit(inputs.exit_code(False))
    click.echo(render_clusters(clusters(docs, knowledge), len(docs), fmt), nl=False)
    sys.exit(inputs.exit_code(False))


def _recognizer(spec: str):
    """An NER recognizer from ``spacy:MODEL``; a one-line error when it cannot be had."""
    from auditor.entities.mentions import spacy_recognizer

    kind, _, model = spec.partition(":")
    if kind != "spacy" or not model:
        fail(f"--ner {spec}: expected spacy:MODEL (an installed spaCy package or a model folder)")
    try:
        return spacy_recognizer(model)
    except ImportError:
        fail("--ner needs spaCy: pip install spacy, then a model package")
    except (OSError, ValueError) as exc:
        fail(f"--ner {spec}: cannot load the spaCy model ({str(exc).splitlines()[0]})")


def _mention_rows(docs, sheet, recognizer) -> list[dict]:
    """One row per mention: where, what, its title, the full name a surname stands for, and the
    house spelling with the confidence that the mention already is it."""
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
    return rows
