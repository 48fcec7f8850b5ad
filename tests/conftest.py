from __future__ import annotations

from pathlib import Path

import pytest

from auditor import check_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def rules_found(text: str, lang: str = "en", **kw) -> list[tuple[str, str]]:
    """(rule, covered text) for every finding."""
    report = check_text(text, language=lang, **kw)
    return [(f.rule, text[f.start:f.end]) for f in report.findings]


def fired(rule: str, text: str, lang: str = "en") -> list[str]:
    """Texts of the findings of one rule."""
    return [t for r, t in rules_found(text, lang, select=[rule])]


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES
