"""Machine translation: one engine interface, three backends, a registry and a cache."""

from auditor.mt.base import Engine, EngineError, UnsupportedPair
from auditor.mt.cache import CacheError, TranslationCache
from auditor.mt.registry import ENGINES, ModelEntry, all_entries, build_engine, resolve

__all__ = ["Engine", "EngineError", "UnsupportedPair", "TranslationCache", "CacheError", "ENGINES",
           "ModelEntry", "all_entries", "build_engine", "resolve"]
