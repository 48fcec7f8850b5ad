"""``--normalize-names`` between its passes: the tasks' name counts merged into one corpus
database (the one ``auditor entities learn`` writes and ``auditor check --db`` reads), and the
largest clusters of variant spellings for ``stats.json``."""

from __future__ import annotations

import json
from pathlib import Path

CORPUS_DB = "corpus.sqlite3"
MAX_CLUSTERS = 50
# Spellings looked at for clusters: the most used ones (a cluster's canonical spelling is among
# its most used), so the work does not grow with the corpus's long tail of names.
CLUSTER_CANDIDATES = 2000


def merge_name_counts(names_dir: Path, ranks: range) -> Path:
    """Rebuild ``names_dir/corpus.sqlite3`` from every task's counts; returns its path."""
    from auditor.names.corpus import CorpusMemory

    db = names_dir / CORPUS_DB
    for leftover in names_dir.glob(CORPUS_DB + "*"):  # the database and its WAL files
        leftover.unlink()
    memory = CorpusMemory(db)
    for rank in ranks:
        with open(names_dir / f"{rank:05d}.json", encoding="utf-8") as fh:
            counts = json.load(fh)
        memory.learn(f"task-{rank:05d}", counts["words"], counts["uses"], counts["docs"])
    return db


def entity_clusters(db: Path, limit: int = MAX_CLUSTERS) -> list[dict]:
    """The largest groups of variant spellings in the corpus database, largest first:
    ``{"canonical", "variants": {spelling: uses}}``."""
    from auditor.names.corpus import CorpusMemory
    from auditor.names.knowledge import HouseKnowledge

    memory = CorpusMemory(db)
    knowledge = HouseKnowledge(None, memory)
    seen: set[str] = set()
    clusters = []
    for name, _ in memory.most_used(CLUSTER_CANDIDATES):
        if name in seen:
            continue
        variants = {s: n for s, n in memory.variants_of(name).items() if s not in seen}
        seen.update(variants)
        if len(variants) < 2:
            continue
        canonical = knowledge.canonical(variants, "en") or max(variants, key=variants.get)
        clusters.append({"canonical": canonical,
                         "variants": dict(sorted(variants.items(), key=lambda kv: (-kv[1], kv[0])))})
    clusters.sort(key=lambda c: -sum(c["variants"].values()))
    return clusters[:limit]
