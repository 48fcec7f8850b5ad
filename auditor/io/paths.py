"""Where auditor keeps its caches."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The user's cache folder for auditor: ``AUDITOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``,
    else ``~/.cache/auditor``."""
    root = os.environ.get("AUDITOR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "auditor")
    return Path(root)
