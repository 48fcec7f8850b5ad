"""Per-language knowledge: closed word classes, abbreviations and page-furniture phrases.

Each supported language is one :class:`LanguageProfile`. Rules never hard-code words; they ask the
profile of the document's language, so adding a language means adding one module here.
"""

from __future__ import annotations

from auditor.languages.profile import _PROFILES, LanguageProfile, register, words

__all__ = ["LanguageProfile", "get_profile", "register", "supported_languages", "words"]


def get_profile(code: str) -> LanguageProfile:
    """The profile for ``code``; unknown languages fall back to English word classes."""
    _load_all()
    return _PROFILES.get(code, _PROFILES["en"])


def supported_languages() -> list[str]:
    _load_all()
    return sorted(_PROFILES)


def _load_all() -> None:
    if not _PROFILES:
        from auditor.languages import en, es, fr, pt  # noqa: F401
