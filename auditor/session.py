"""A session: configuration and the resources built from it, held for as many documents as come.

The command line, the batch pipeline and the HTTP service all start here: a :class:`Session` is
built from :class:`Options` (what a user asked for) and the configuration file, validates them
once, and builds on first use the checker, the name knowledge, the translation cache and one
round-tripper per language, which it then keeps. It knows nothing of click or HTTP: what goes
wrong is raised as a typed error (:class:`SessionError` and the errors of the layers below), and
notes for the user go to the ``notify`` callback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from auditor.checker import Checker, check_language
from auditor.config import Config, ConfigError, load_config
from auditor.findings import Severity
from auditor.lazy import cached_property

__all__ = ["ConfigError", "KnowledgeError", "Options", "Session", "SessionError", "UsageError"]


class SessionError(Exception):
    """Something a user asked for cannot be done; the message is one line for the user."""


class UsageError(SessionError):
    """Options that contradict each other or name what does not exist (a rule, a language)."""


class KnowledgeError(SessionError):
    """A style sheet or corpus database that cannot be read."""


@dataclass(frozen=True)
class Options:
    """What a user asked for, from any front end; None means "the configuration's, else the default"."""

    config_path: str | None = None
    language: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    stylesheet: str | None = None
    db: str | None = None
    # The starter style sheet stands in when no style sheet is given (entities, names normalize).
    starter_sheet: bool = False
    backtranslate: bool = False
    bt_threshold: float = 8.0
    engine: str | None = None
    model: str | None = None
    pivot: str | None = None
    registry: str | None = None
    allow_download: bool = False
    threads: int = 2
    cache: str | None = None
    no_cache: bool = False
    # Allowlist files given on the command line, read besides the configuration's allow-file.
    allow_files: tuple[str, ...] = ()
    rule_options: dict[str, object] = field(default_factory=dict, hash=False)


def default_pivot(language: str) -> str:
    """The pivot a round trip goes through: Portuguese for English copy, else English."""
    return "pt" if language == "en" else "en"


class Session:
    """Configuration and resources for a run; see the module docstring."""

    def __init__(self, options: Options | None = None, notify: Callable[[str], None] | None = None,
                 config: Config | None = None) -> None:
        from auditor.rules import select_rules

        self.options = options or Options()
        self.notify = notify or (lambda message: None)
        self.config = config if config is not None else load_config(self.options.config_path)
        try:  # what was asked for, checked now rather than at the first document
            check_language(self.options.language)
            select_rules(list(self.options.select), list(self.options.ignore))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        self._trippers: dict[str, object] = {}
        self.allow  # an allowlist that cannot be read is refused now, not at the first document

    @property
    def select(self) -> list[str]:
        return list(self.options.select) or self.config.select

    @property
    def ignore(self) -> list[str]:
        return list(self.options.ignore) or self.config.ignore

    @property
    def fail_level(self) -> str:
        return self.options.fail_on or self.config.fail_on or "warning"

    @property
    def severities(self) -> dict[str, Severity]:
        return self.config.severities

    @cached_property
    def allow(self) -> list[str]:
        """Words and names never flagged: the configuration's ``allow``, then its ``allow-file``
        and the allowlist files in the options; a file that cannot be read is a UsageError."""
        from auditor.suppress import read_allow_file

        words = list(self.config.allow)
        for path in ([self.config.allow_file] if self.config.allow_file else []) + list(self.options.allow_files):
            try:
                words += read_allow_file(path)
            except FileNotFoundError:
                raise UsageError(f"allowlist file not found: {path}") from None
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"{path}: cannot read the allowlist ({getattr(exc, 'strerror', None) or exc})") from None
        return words

    @cached_property
    def knowledge(self):
        """House knowledge from the style sheet and corpus database, or None when neither is given."""
        from auditor.names.corpus import CorpusError, CorpusMemory
        from auditor.names.knowledge import HouseKnowledge
        from auditor.names.stylesheet import StyleSheet, StyleSheetError

        opts = self.options
        if not (opts.stylesheet or opts.db or opts.starter_sheet):
            return None
        try:
            sheet = StyleSheet.load(opts.stylesheet) if opts.stylesheet else (
                StyleSheet.starter() if opts.starter_sheet else None)
            if opts.db and not Path(opts.db).exists():
                raise KnowledgeError(f"{opts.db}: no such corpus database (create it with `auditor entities learn`)")
            corpus = CorpusMemory(opts.db) if opts.db else None
        except (StyleSheetError, CorpusError) as exc:
            raise KnowledgeError(str(exc)) from None
        return HouseKnowledge(sheet, corpus)

    @cached_property
    def cache(self):
        """The translation cache, or None. One that cannot be opened (a read-only home, a file that
        is not a database and cannot be moved aside) is skipped with a note: it only saves time."""
        from auditor.mt import CacheError, TranslationCache
        from auditor.mt.cache import MOVE_HINT

        if self.options.no_cache:
            return None
        try:
            return TranslationCache(self.options.cache, on_error=self.notify)
        except CacheError as exc:
            self.notify(f"{exc}; going on without the cache ({MOVE_HINT})")
            return None

    def round_tripper(self, language: str, source_language: str | None = None):
        """A new :class:`~auditor.roundtrip.RoundTripper` for ``language`` through the pivot; raises
        EngineError (UnsupportedPair when no model covers a direction)."""
        from auditor.mt import UnsupportedPair, resolve
        from auditor.roundtrip import RoundTripper

        o = self.options
        pivot = o.pivot or default_pivot(language)
        forward = resolve(o.engine, o.model, language, pivot, o.registry, o.allow_download)
        backward = resolve(o.engine, o.model, pivot, language, o.registry, o.allow_download)
        to_source = None
        if source_language and source_language != language:
            try:
                to_source = resolve(o.engine, o.model, language, source_language, o.registry, o.allow_download)
            except UnsupportedPair:
                self.notify(f"no engine translates {language}-{source_language}; the source is checked for "
                            "numbers, names and length only")
        return RoundTripper(forward, backward, language, pivot, self.cache, o.threads, to_source=to_source)

    def round_tripper_for(self, language: str):
        """The round-tripper a checked document in ``language`` uses, built once per language; None
        without ``backtranslate``, or (with a note) when no engine covers a detected language."""
        from auditor.mt import EngineError, UnsupportedPair

        if not self.options.backtranslate:
            return None
        if language not in self._trippers:
            try:
                self._trippers[language] = self.round_tripper(language)
            except UnsupportedPair as exc:
                if self.options.language != "auto":
                    raise UsageError(str(exc)) from exc
                self.notify(f"{exc}; {language} copy is checked without a round trip")
                self._trippers[language] = None
            except EngineError as exc:  # an unknown engine or model: what was asked cannot be had
                raise UsageError(str(exc)) from exc
        return self._trippers[language]

    @cached_property
    def checker(self) -> Checker:
        """The checker for this session's rules, severities, knowledge and round trips."""
        from auditor.rules.roundtrip import RoundtripDivergence

        options = {RoundtripDivergence.id: RoundtripDivergence.Options(threshold=self.options.bt_threshold),
                   **self.options.rule_options}
        return Checker(self.select, self.ignore, self.severities, options, self.knowledge,
                       roundtripper_for=self.round_tripper_for if self.options.backtranslate else None,
                       allow=self.allow)

    def check(self, text: str, path: str = "-", source_text: str | None = None, markup: str | None = "auto"):
        """The report on one text, in the session's language (or detected).

        ``markup`` "markdown" or "html" checks the prose only (see :mod:`auditor.markup`); "auto"
        takes it from ``path``'s extension (.md, .html, .htm), None or "none" reads plain text."""
        from auditor.markup import markup_for_path

        if markup == "auto":
            markup = markup_for_path(path)
        return self.checker.check(text, path, self.options.language, source_text, None if markup == "none" else markup)
