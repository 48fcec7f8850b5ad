"""Counting what a clean run did, per task and for the whole run (``OUTDIR/stats.json``).

Each task counts its records in a :class:`TaskStats` and saves it beside its outputs; the run
adds the tasks' counts up in task order, so the totals and the sample of rejected records are the
same whatever the executor, the number of workers or the number of resumes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

SCORE_EDGES = list(range(0, 101, 10))
QUALITY_EDGES = list(range(0, 101, 10))
SAMPLE_SIZE = 50
SAMPLE_TEXT = 3000


def bucket(value: float, edges: list[int]) -> int:
    """The histogram bin of ``value``: [edges[i], edges[i+1]), the last bin closed."""
    for i in range(len(edges) - 1):
        if value < edges[i + 1]:
            return max(i, 0)
    return len(edges) - 2


@dataclass
class TaskStats:
    read: int = 0
    kept: int = 0
    rejected: int = 0
    unreadable: int = 0
    bytes: int = 0
    rules: Counter = field(default_factory=Counter)
    rules_records: Counter = field(default_factory=Counter)
    rejection_reasons: Counter = field(default_factory=Counter)
    languages: dict = field(default_factory=dict)
    scores: list = field(default_factory=lambda: [0] * (len(SCORE_EDGES) - 1))
    qualities: list = field(default_factory=lambda: [0] * (len(QUALITY_EDGES) - 1))
    rejected_sample: list = field(default_factory=list)

    def add(self, record_id: str, text: str | None, size: int, verdict) -> None:
        """Count one record and its :class:`~auditor.batch.policy.Verdict`."""
        self.read += 1
        self.bytes += size
        reasons = verdict.annotations.get("auditor_reasons", [])
        self.rejection_reasons.update(reasons)
        if verdict.kept:
            self.kept += 1
        else:
            self.rejected += 1
        if verdict.report is None:
            self.unreadable += 1
        else:
            self._add_report(verdict)
        if not verdict.kept and len(self.rejected_sample) < SAMPLE_SIZE:
            self.rejected_sample.append({
                "id": record_id, "text": (text or verdict.annotations.get("auditor_error", ""))[:SAMPLE_TEXT],
                "reasons": reasons,
                "findings": [{"rule": f.rule, "start": f.start, "end": f.end, "message": f.message,
                              "suggestion": f.suggestion} for f in verdict.findings]})

    def _add_report(self, verdict) -> None:
        report = verdict.report
        rules = [f.rule for f in report.findings]
        self.rules.update(rules)
        self.rules_records.update(set(rules))
        lang = self.languages.setdefault(report.language, {"read": 0, "kept": 0, "rejected": 0})
        lang["read"] += 1
        lang["kept" if verdict.kept else "rejected"] += 1
        self.scores[bucket(report.score, SCORE_EDGES)] += 1
        if report.quality is not None:
            self.qualities[bucket(report.quality, QUALITY_EDGES)] += 1

    def to_dict(self) -> dict:
        return {"read": self.read, "kept": self.kept, "rejected": self.rejected, "unreadable": self.unreadable,
                "bytes": self.bytes, "rules": dict(self.rules), "rules_records": dict(self.rules_records),
                "rejection_reasons": dict(self.rejection_reasons), "languages": self.languages,
                "scores": self.scores, "qualities": self.qualities, "rejected_sample": self.rejected_sample}

    @classmethod
    def from_dict(cls, data: dict) -> "TaskStats":
        return cls(data["read"], data["kept"], data["rejected"], data["unreadable"], data["bytes"],
                   Counter(data["rules"]), Counter(data["rules_records"]), Counter(data["rejection_reasons"]),
                   data["languages"], data["scores"], data["qualities"], data["rejected_sample"])

    def merge(self, other: "TaskStats") -> None:
        for name in ("read", "kept", "rejected", "unreadable", "bytes"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rules.update(other.rules)
        self.rules_records.update(other.rules_records)
        self.rejection_reasons.update(other.rejection_reasons)
        for lang, counts in other.languages.items():
            mine = self.languages.setdefault(lang, {"read": 0, "kept": 0, "rejected": 0})
            for key, n in counts.items():
                mine[key] += n
        self.scores = [a + b for a, b in zip(self.scores, other.scores)]
        self.qualities = [a + b for a, b in zip(self.qualities, other.qualities)]
        self.rejected_sample.extend(other.rejected_sample[:SAMPLE_SIZE - len(self.rejected_sample)])


def run_stats(total: TaskStats, head: dict, elapsed: float, round_tripped: bool, clusters: list) -> dict:
    """The ``stats.json`` document: ``head`` (version, inputs, executor, ...) and the totals."""
    ordered = lambda counter: dict(counter.most_common())  # noqa: E731 - largest first reads best
    return {
        "version": 1, **head,
        "read": total.read, "kept": total.kept, "rejected": total.rejected, "unreadable": total.unreadable,
        "rules": ordered(total.rules), "rules_records": ordered(total.rules_records),
        "rejection_reasons": ordered(total.rejection_reasons),
        "languages": dict(sorted(total.languages.items())),
        "score_histogram": {"edges": SCORE_EDGES, "counts": total.scores},
        "quality_histogram": {"edges": QUALITY_EDGES, "counts": total.qualities} if round_tripped else None,
        "entity_clusters": clusters,
        "rejected_sample": total.rejected_sample,
        "elapsed_s": round(elapsed, 3), "docs_per_s": round(total.read / max(elapsed, 1e-9), 1),
        "mb_per_s": round(total.bytes / 1e6 / max(elapsed, 1e-9), 3), "bytes": total.bytes,
    }


def load_task_stats(path) -> TaskStats:
    with open(path, encoding="utf-8") as fh:
        return TaskStats.from_dict(json.load(fh))
