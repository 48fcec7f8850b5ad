"""What the service's workers do: each worker holds one warm :class:`~auditor.session.Session`
(rules, style sheet, engines, cache) and answers with plain dicts and lists, which cross a
process boundary cheaply.

Every entry point returns ``(status, payload)``: 200 and the answer, or a 4xx/5xx status and a
one-line message. Nothing raised in a worker has to be pickled back (a translation engine's
exception may not be picklable), and a genuine bug is logged here, with its traceback, where it
happened.
"""

from __future__ import annotations

import copy
import logging
from functools import lru_cache

import orjson

from auditor.session import Options, Session

log = logging.getLogger("auditor.service")

Answer = tuple[int, object]

_session: Session | None = None
_derived: dict[tuple, Session] = {}  # sessions for /v1/backtranslate and /v1/names/normalize

# A little copy in each language, checked once at start so that lexicons and rules are loaded
# before the first request instead of during it.
_WARM_UP = {
    "en": "Officials said the port would reopen on Tuesday after the storm.",
    "es": "Los funcionarios dijeron que el puerto abrirá el martes después de la tormenta.",
    "fr": "Les responsables ont dit que le port rouvrirait mardi après la tempête.",
    "pt": "As autoridades disseram que o porto reabriria na terça-feira depois da tempestade.",
}


def start(options: Options, config) -> None:
    """Build this worker's session and warm it (the pool's initializer)."""
    global _session
    _session = Session(options, notify=log.warning, config=config)
    _derived.clear()
    _checker_for.cache_clear()
    for language, text in _WARM_UP.items():
        _session.checker.check(text, "-", language)


def serve(conn, options: Options, config) -> None:
    """A worker process's life (see :mod:`auditor.service.pool`): start, say "ready", then answer
    each pickled (func, args) that comes down ``conn`` with func's (status, payload), until the
    server closes the pipe or stops the process."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it stops us
    start(options, config)
    conn.send("ready")
    while True:
        try:
            func, args = conn.recv()
        except EOFError:  # the server is gone
            return
        try:
            answer = func(*args)
        except Exception:  # noqa: BLE001 - the entry points are guarded; this is a last resort
            log.exception("internal error in a worker")
            answer = 500, "internal error (logged by the server)"
        conn.send(answer)


def ping() -> Answer:
    """Nothing: a task that proves a worker is up."""
    return 200, "ok"


def session() -> Session:
    if _session is None:  # pragma: no cover - the pool's initializer always runs first
        raise RuntimeError("the worker was not started")
    return _session


@lru_cache(maxsize=32)
def _checker_for(select: tuple[str, ...], ignore: tuple[str, ...]):
    """The session's checker with another choice of rules; everything else (severities, rule
    options, knowledge, round trips) stays the session's."""
    from auditor.rules import select_rules

    base = session().checker
    if not select and not ignore:
        return base
    variant = copy.copy(base)
    variant.rules = select_rules(list(select) or session().select, list(ignore) or session().ignore)
    return variant


def check_one(checker, text: str, path: str, language: str, source_text: str | None, markup: str | None):
    """The report on one document: the one place where a request's ``markup`` reaches the checker.

    ``markup`` ("markdown", "html" or None, validated by the service) checks the prose only: code,
    tags, attributes and URLs are skipped, and offsets still point into ``text``."""
    return checker.check(text, path, language, source_text, markup)


def to_json(answer) -> bytes:
    """The answer as the JSON body of the response, encoded here in the worker: the server
    process, which all requests share, only passes the bytes on. orjson encodes LanguageTool's
    answer on a 600-word article in a tenth of the standard library's time (0.14 ms)."""
    return orjson.dumps(answer)


def guarded(func):
    """``func``'s answer as JSON (:func:`to_json`); a refusal from the layers below is a 400,
    anything else a logged 500."""
    from functools import wraps

    @wraps(func)
    def run(*args, **kwargs) -> Answer:
        from auditor.config import ConfigError
        from auditor.mt import EngineError
        from auditor.session import SessionError

        try:
            return 200, to_json(func(*args, **kwargs))
        except (SessionError, ConfigError, ValueError) as exc:
            return 400, str(exc)
        except EngineError as exc:
            return 502, f"translation engine failed: {exc}"
        except Exception:  # noqa: BLE001 - a bug: logged with its traceback, answered without it
            log.exception("internal error in %s", func.__name__)
            return 500, "internal error (logged by the server)"

    return run


@guarded
def check_documents(documents: list[tuple[str, str, str | None]], language: str, select: tuple[str, ...],
                    ignore: tuple[str, ...], markup: str | None) -> dict:
    """``auditor check --format json``'s document for (text, path, source_text) documents."""
    from auditor.formatters.json_ import to_dict

    checker = _checker_for(select, ignore)
    return to_dict([check_one(checker, text, path, language, source, markup)
                    for text, path, source in documents])


@guarded
def languagetool_check(text: str, pieces, language: str, code: str, enabled: tuple[str, ...],
                       disabled: tuple[str, ...], enabled_only: bool) -> dict:
    """LanguageTool's answer (see :mod:`auditor.service.languagetool`) for plain text or annotated
    ``pieces`` ((text, is_markup, interpret_as) triples; ``text`` is then None); ``code`` is the
    language as the client named it ("en-US", "auto")."""
    from auditor.service import languagetool as lt

    select, ignore = lt.rule_choice(enabled, disabled, enabled_only)
    checker = _checker_for(select, ignore)
    checked, mapping = (text, None) if pieces is None else lt.flatten(pieces)
    report = check_one(checker, checked, "-", language, None, None)
    return lt.answer(report, mapping, code)


@guarded
def fix(text: str, language: str, rules: tuple[str, ...]) -> dict:
    """The fixed text, the fixes applied and withheld, and a unified diff."""
    from auditor.fix import fix_text, unified_diff
    from auditor.langid import detect

    checker = session().checker
    doc_language = detect(text) if language == "auto" else language
    result = fix_text(text, lambda t: checker.check(t, "-", doc_language), list(rules) or None)
    return {"text": result.text, "language": doc_language, "changed": result.text != text,
            "applied": [_change(f) for f in result.applied],
            "withheld": [_change(f) for f in result.withheld],
            "diff": unified_diff(text, result.text, "a/text", "b/text")}


def _change(finding) -> dict:
    return {"rule": finding.rule, "message": finding.message, "suggestion": finding.suggestion}


@guarded
def backtranslate(segments: list[str], language: str) -> dict:
    """Each segment round-tripped through the pivot and scored, as ``auditor backtranslate``
    writes its records."""
    from auditor.checker import findings_per_text
    from auditor.formatters.trips import trip_record
    from auditor.langid import detect

    lang = detect("\n".join(segments[:200])) if language == "auto" else language
    # The engines load on the first request that needs them, and stay.
    tripper = _derived_session(backtranslate=True).round_tripper_for(lang)
    if tripper is None:
        raise ValueError(f"no translation engine covers {lang}")
    trips = tripper.run(segments, evidence=findings_per_text(segments, lang))
    return {"language": lang, "pivot": tripper.pivot, "engine": tripper.forward.describe(),
            "segments": [{"text": s, **trip_record(t)} for s, t in zip(segments, trips)]}


@guarded
def normalize_names(names: list[str]) -> list[dict]:
    """Each name's canonical spelling from the style sheet (the starter sheet without one)."""
    knowledge = _derived_session(starter_sheet=True).knowledge
    rows = []
    for name in names:
        query = " ".join(name.split())
        canonical, score = knowledge.sheet.normalize(query) if query else (None, 0.0)
        rows.append({"query": query, "canonical": canonical, "score": round(score, 3)})
    return rows


def _derived_session(**changes) -> Session:
    """A session like this worker's with some options changed, built once and kept."""
    from dataclasses import replace

    key = tuple(sorted(changes.items()))
    if key not in _derived:
        _derived[key] = Session(replace(session().options, **changes), notify=log.warning, config=session().config)
    return _derived[key]
