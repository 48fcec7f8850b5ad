"""Helpers for benchmarks that read the evaluation data beside the checkout (../shared)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def require_shared() -> Path:
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the evaluation data ships beside the project's own checkout)")
        sys.exit(0)
    return SHARED
