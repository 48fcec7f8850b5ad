"""Entity spellings as text: the variant clusters and the mention list of ``auditor entities``,
each as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

ENTITY_FORMATS = ("table", "json", "csv")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def render_clusters(found: list, documents: int, fmt: str) -> str:
    """Each cluster of variant spellings: canonical spelling, basis, consistency, documents, spellings."""
    if fmt == "json":
        return json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["canonical", "basis", "consistency", "documents", "spellings"])
        for c in found:
            w.writerow([c.canonical or "", c.basis, c.consistency, len(c.documents),
                        "|".join(f"{s}:{n}" for s, n in c.spellings.most_common())])
        return buf.getvalue()
    lines = []
    for c in found:
        spellings = ", ".join(f"{s} ×{n}" for s, n in c.spellings.most_common())
        lines.append(f"{c.canonical or '?':<24} {c.basis:<11} consistency {c.consistency:.2f}  "
                     f"{len(c.documents)} doc(s)  {spellings}")
    lines.append(f"{_plural(len(found), 'entity', 'entities')} with variant spellings "
                 f"in {_plural(documents, 'document', 'documents')}")
    return "\n".join(lines) + "\n"


def render_mentions(rows: list[dict], documents: int, fmt: str) -> str:
    """One line (or record) per mention: where, what, title, the full name a surname stands for,
    and the house spelling with the confidence that the mention already is it."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["path"])
        w.writeheader()
        for r in rows:
            w.writerow({k: "" if v is None else v for k, v in r.items()})
        return buf.getvalue()
    lines = []
    for r in rows:
        differs = r["canonical"] and r["canonical"].casefold() != r["text"].casefold()
        extra = "".join([f"  [{r['title']}]" if r["title"] else "",
                         f"  = {r['refers_to']}" if r["refers_to"] else "",
                         f"  -> {r['canonical']}" if differs else ""])
        conf = "" if r["confidence"] is None else f"  ({r['confidence']:.2f})"
        lines.append(f"{r['path']}:{r['line']}:{r['column']}: {r['text']}{extra}{conf}")
    lines.append(f"{_plural(len(rows), 'mention', 'mentions')} in {_plural(documents, 'document', 'documents')}")
    return "\n".join(lines) + "\n"
