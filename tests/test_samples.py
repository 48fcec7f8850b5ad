"""The bundled samples: every planted artifact is found by its rule, and nothing else fires."""

from __future__ import annotations

import json

import pytest

from auditor import check_text
from tests.conftest import SAMPLES

PLANTED = sorted(SAMPLES.glob("*.planted.json"))


def test_every_language_has_a_planted_and_a_clean_sample():
    for code in ("en", "es", "fr", "pt"):
        assert (SAMPLES / f"{code}_clean.txt").exists()
        assert (SAMPLES / f"{code}_planted.planted.json").exists()


@pytest.mark.parametrize("sidecar", PLANTED, ids=[p.name for p in PLANTED])
def test_planted_artifacts_are_found_and_nothing_else(sidecar):
    spec = json.loads(sidecar.read_text(encoding="utf-8"))
    text_path = sidecar.with_name(sidecar.name.replace(".planted.json", ".txt"))
    text = text_path.read_text(encoding="utf-8")
    report = check_text(text, str(text_path))
    assert report.language == spec["language"]
    spans = []
    for item in spec["planted"]:
        start = text.find(item["text"])
        assert start != -1, f"sidecar text not in sample: {item['text']!r}"
        spans.append((item["rule"], start, start + len(item["text"])))
    for rule, s, e in spans:
        assert any(f.rule == rule and f.start < e and s < f.end for f in report.findings), \
            f"{text_path.name}: {rule} missed {text[s:e]!r}"
    for f in report.findings:
        assert any(f.start < e and s < f.end for _, s, e in spans), \
            f"{text_path.name}: unexpected {f.rule} on {text[f.start:f.end]!r}: {f.message}"
