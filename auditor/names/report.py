"""Entity clusters across documents: spellings, counts, documents, canonical spelling, confidence."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from auditor.document import Document
from auditor.names.index import NameIndex
from auditor.names.variants import DisjointSets
from auditor.names.knowledge import HouseKnowledge
from auditor.names.mentions import find_mentions


@dataclass
class EntityCluster:
    spellings: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    canonical: str | None = None
    basis: str = ""  # style sheet, corpus, document

    @property
    def consistency(self) -> float:
        """Share of uses in the canonical spelling (1.0 = the copy is consistent)."""
        total = sum(self.spellings.values())
        return round(self.spellings.get(self.canonical, 0) / total, 3) if total and self.canonical else 0.0

    def to_dict(self) -> dict:
        return {"canonical": self.canonical, "basis": self.basis, "consistency": self.consistency,
                "documents": len(self.documents), "spellings": dict(self.spellings.most_common())}


def clusters(docs: list[Document], knowledge: HouseKnowledge) -> list[EntityCluster]:
    """Group the variant spellings found in ``docs`` (per document, then joined across them)."""
    sets = DisjointSets()
    uses: Counter = Counter()
    where: dict[str, set] = defaultdict(set)
    for doc in docs:
        index = NameIndex(doc)
        for name in index.names():
            uses[name] += index.counts[name]
            where[name].add(doc.path)
            sets.find(name)
            house = knowledge.sheet_spelling(name)
            if house:
                sets.union(name, house)
        for cluster in index.variant_clusters():
            names = list(cluster)
            for other in names[1:]:
                sets.union(names[0], other)
    groups: dict[str, EntityCluster] = defaultdict(EntityCluster)
    for name in sets.parent:
        c = groups[sets.find(name)]
        if uses[name]:
            c.spellings[name] = uses[name]
        c.documents |= where[name]
    out = []
    for c in groups.values():
        sheet = next(filter(None, map(knowledge.sheet_spelling, c.spellings)), None)
        if len(c.spellings) < 2 and not (sheet and sheet not in c.spellings):
            continue
        if sheet:
            c.canonical, c.basis = sheet, "style sheet"
        else:
            c.canonical = knowledge.canonical(c.spellings, docs[0].language if docs else "en")
            c.basis = "corpus" if knowledge.corpus is not None else "document"
        out.append(c)
    return sorted(out, key=lambda c: -sum(c.spellings.values()))


def mention_rows(docs: list[Document], sheet, recognizer=None) -> list[dict]:
    """One row per mention: where, what, its title, the full name a surname stands for, and the
    house spelling with the confidence that the mention already is it. ``sheet`` is a style
    sheet (or None); ``recognizer`` finds the spans instead of capitalisation (an NER model)."""
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
