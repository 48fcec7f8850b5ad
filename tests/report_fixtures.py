"""stats.json contents for the report's tests, in the shape `auditor clean` writes (version 1).

Corpora are untrusted, so the full fixture carries markup in every place a corpus or a rule can
put a string: a record's text and id, a rule message and suggestion, a reason, a language, an
entity spelling, an input path.
"""

from __future__ import annotations

import copy
from typing import Any

HOSTILE = '<script>console.error("injected")</script>'
GLUED_TEXT = ("Supreme leader Ali Khamenei spoke. Aides said Ali Khameneireiterated his support. "
              + HOSTILE + " Home | Sports | Weather")


def full_stats() -> dict[str, Any]:
    """A run of 1,000 records with every section filled in."""
    glued = GLUED_TEXT.index("Khameneireiterated")
    furniture = GLUED_TEXT.index("Home | Sports")
    script = GLUED_TEXT.index(HOSTILE)
    return copy.deepcopy({
        "version": 1, "auditor_version": "0.9.0", "config_signature": "sha256:3f1c9a0d",
        "inputs": ["corpus/wire-2024.jsonl.gz", "corpus/<b>odd</b>.jsonl"], "executor": "local",
        "workers": 2, "field": "text", "id_field": "id",
        "read": 1000, "kept": 820, "rejected": 180, "unreadable": 3,
        "rules": {"glued-token": 120, "page-furniture": 64, "truncated-name": 17, "mojibake": 5,
                  "rule<img src=x>": 1},
        "rules_records": {"glued-token": 90, "page-furniture": 60, "truncated-name": 15, "mojibake": 4,
                          "rule<img src=x>": 1},
        "rejection_reasons": {"score<60": 140, "rule:glued-token": 60, "unreadable": 3, HOSTILE: 1},
        "languages": {"en": {"read": 700, "kept": 600, "rejected": 100},
                      "es": {"read": 250, "kept": 190, "rejected": 60},
                      "fr": {"read": 47, "kept": 30, "rejected": 17},
                      "und": {"read": 3, "kept": 0, "rejected": 3}},
        "score_histogram": {"edges": list(range(0, 101, 10)),
                            "counts": [5, 8, 12, 20, 35, 60, 110, 190, 260, 300]},
        "quality_histogram": {"edges": [0, 0.2, 0.4, 0.6, 0.8, 1.0], "counts": [4, 16, 80, 400, 500]},
        "entity_clusters": [
            {"canonical": "Ali Khamenei", "variants": {"Ali Khamenei": 40, "Ali Khamanei": 3, "Ali Khameini": 2}},
            {"canonical": "Volodymyr Zelensky", "variants": {"Volodymyr Zelensky": 30, "Volodymyr Zelenskyy": 9}},
            {"canonical": HOSTILE, "variants": {HOSTILE: 1, "<i>x</i>": 1}},
        ],
        "rejected_sample": [
            {"id": "wire-0007", "text": GLUED_TEXT, "reasons": ["rule:glued-token", "score<60"],
             "findings": [
                 {"rule": "glued-token", "start": glued, "end": glued + 18,
                  "message": "'Khamenei' and 'reiterated' run together", "suggestion": "Khamenei reiterated"},
                 {"rule": "page-furniture", "start": furniture, "end": len(GLUED_TEXT),
                  "message": "navigation menu text", "suggestion": ""},
                 {"rule": "rule<img src=x>", "start": script, "end": script + len(HOSTILE),
                  "message": HOSTILE, "suggestion": HOSTILE},
                 {"rule": "truncated-name", "start": 5000, "end": 5010, "message": "past the truncation",
                  "suggestion": None},
             ]},
            {"id": "<b>id</b>", "text": "Ms Merke said the talks would go on.", "reasons": ["score<60"],
             "findings": [{"rule": "truncated-name", "start": 3, "end": 8,
                           "message": "'Merke' looks cut off", "suggestion": "Merkel"}]},
        ],
        "elapsed_s": 12.5, "docs_per_s": 80.0, "mb_per_s": 0.91, "bytes": 11_375_000,
    })


def empty_stats() -> dict[str, Any]:
    """A run over an empty corpus: zeros everywhere, no quality, nothing sampled."""
    return {
        "version": 1, "auditor_version": "0.9.0", "config_signature": "sha256:0", "inputs": ["empty/"],
        "executor": "local", "workers": 1, "field": "text", "id_field": None,
        "read": 0, "kept": 0, "rejected": 0, "unreadable": 0,
        "rules": {}, "rules_records": {}, "rejection_reasons": {}, "languages": {},
        "score_histogram": {"edges": list(range(0, 101, 10)), "counts": [0] * 10},
        "quality_histogram": None, "entity_clusters": [], "rejected_sample": [],
        "elapsed_s": 0.0, "docs_per_s": 0.0, "mb_per_s": 0.0, "bytes": 0,
    }
