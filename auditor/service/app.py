"""The HTTP service: auditor's own ``/v1`` JSON API, LanguageTool's ``/v2`` API, the review page
at ``/`` and ``/healthz``, on FastAPI. Requests are validated here, in the server process, and
checked in the pool's workers (:mod:`auditor.service.pool`); every refusal is a 4xx with a
one-line JSON error ``{"error": "..."}``, and a bug is a logged 500 without a traceback.
"""

from __future__ import annotations

import json
import logging
from contextlib import asynccontextmanager
from importlib import resources
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from auditor import __version__
from auditor.service import languagetool as lt
from auditor.service import work
from auditor.service.direct import DirectRoute
from auditor.service.limits import BodyLimits, TokenGuard
from auditor.service.models import BacktranslateRequest, CheckRequest, FixRequest, NamesRequest
from auditor.service.pool import CheckPool, Saturated, TimedOut, WorkerCrashed
from auditor.service.settings import ServiceSettings

log = logging.getLogger("auditor.service")


class Refused(HTTPException):
    """A request that cannot be answered as asked: a 400 (unless told otherwise)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(status, message)


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status, headers)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """The service's ASGI app; its workers start with the app (its lifespan) and stop with it."""
    from auditor.config import load_config

    settings = settings or ServiceSettings()
    config = settings.config if settings.config is not None else load_config(settings.options.config_path)
    pool = CheckPool(settings.options, config, settings.workers, settings.capacity, settings.time_limit)

    @asynccontextmanager
    async def lifespan(_app):
        await pool.start()
        if settings.on_ready is not None:
            settings.on_ready()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(title="auditor", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Translation-quality checks for news copy: auditor's API (/v1) and "
                              "LanguageTool's (/v2).")
    app.state.pool = pool
    app.state.settings = settings
    _add_error_handlers(app)
    _add_routes(app, pool, settings)
    # Outermost last: CORS answers preflights before the token is asked for; the token is
    # checked before a byte of the body is read.
    app.add_middleware(BodyLimits, max_bytes=settings.max_body, read_timeout=settings.body_timeout)
    if settings.token:
        app.add_middleware(TokenGuard, token=settings.token)
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_request, exc: HTTPException):
        message = str(exc.detail)
        if message == "There was an error parsing the body":  # FastAPI's words for a body not UTF-8
            message = "the body cannot be parsed as JSON (is it UTF-8?)"
        return error(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request, exc: RequestValidationError):
        problems = exc.errors()
        if any(p.get("type") == "json_invalid" for p in problems):
            return error(400, "the body is not valid JSON")
        lines = [f"{'.'.join(str(x) for x in p.get('loc', ()) if x != 'body') or 'body'}: {p.get('msg')}"
                 for p in problems[:3]]
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        return error(422, "; ".join(lines) + more)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error(500, "internal error (logged by the server)")


async def _answer(pool: CheckPool, func, *args) -> Response:
    try:
        status, payload = await pool.run(func, *args)
    except Saturated:
        return error(503, f"busy: {pool.capacity} requests in progress; try again shortly", {"Retry-After": "1"})
    except TimedOut:
        return error(504, f"the request took longer than the time limit of {pool.time_limit:g} s")
    except WorkerCrashed:
        return error(503, "a worker stopped while checking; try again", {"Retry-After": "1"})
    if status == 200:  # JSON already, encoded by the worker
        return Response(payload, media_type="application/json")
    return error(status, str(payload))


def _text(value: str, what: str = "text") -> str:
    """Text that can be written back out as UTF-8: JSON allows lone surrogates (\\ud800), which
    no answer could contain."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Refused(f"{what} contains an unpaired UTF-16 surrogate (invalid Unicode)") from None
    return value


def _language(code: str) -> str:
    from auditor.checker import check_language

    try:
        check_language(code)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    return code


def _rules(ids: list[str]) -> tuple[str, ...]:
    from auditor.rules import RULES, unknown_rule

    for rule_id in ids:
        if rule_id not in RULES:
            raise Refused(unknown_rule(rule_id))
    return tuple(ids)


def _count(items: list, settings: ServiceSettings, what: str) -> None:
    if not items:
        raise Refused(f"no {what} given")
    if len(items) > settings.max_documents:
        raise Refused(f"{len(items)} {what} in one request; at most {settings.max_documents}", 413)


def _direct(app: FastAPI, path: str, method: str, **kwargs):
    """A decorator: the endpoint answers ``method`` on ``path`` as a :class:`DirectRoute`."""

    def register(endpoint):
        app.router.add_api_route(path, endpoint, methods=[method], route_class_override=DirectRoute, **kwargs)
        return endpoint

    return register


def _add_routes(app: FastAPI, pool: CheckPool, settings: ServiceSettings) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def review_page():
        return HTMLResponse(resources.files("auditor.service").joinpath("review.html").read_text("utf-8"))

    @app.get("/healthz", summary="Liveness and load (no token needed)")
    async def healthz():
        return {"status": "ok", "version": __version__, "workers": pool.workers, "in_flight": pool.in_flight,
                "capacity": pool.capacity}

    @app.get("/v1/rules", summary="The rules: ids, default severities, whether fixable, summaries")
    async def rules():
        from auditor.rules import RULES

        return [{"id": rid, "severity": str(cls.severity), "fixable": cls.fixable,
                 "languages": sorted(cls.languages) if cls.languages is not None else None,
                 "summary": cls.summary()} for rid, cls in sorted(RULES.items())]

    @_direct(app, "/v1/check", "POST", summary="Check documents; answers as `auditor check --format json`")
    async def check(body: CheckRequest):
        if (body.text is None) == (body.documents is None):
            raise Refused("give either text or documents")
        documents = [(body.text, "-", None)] if body.text is not None else \
            [(d.text, d.path, d.source_text) for d in body.documents]
        _count(documents, settings, "documents")
        for text, path, source in documents:
            _text(text), _text(path, "path"), source is None or _text(source, "source_text")
        return await _answer(pool, work.check_documents, documents, _language(body.language),
                             _rules(body.select), _rules(body.ignore), body.markup)

    @_direct(app, "/v1/fix", "POST", summary="Apply the safe fixes; answers the fixed text and the changes")
    async def fix(body: FixRequest):
        from auditor.rules import fixable_rules

        unsafe = [r for r in _rules(body.rules) if r not in fixable_rules()]
        if unsafe:
            raise Refused(f"no safe fix for {', '.join(unsafe)} (fixable: {', '.join(fixable_rules())})")
        return await _answer(pool, work.fix, _text(body.text), _language(body.language), tuple(body.rules))

    @_direct(app, "/v1/backtranslate", "POST", summary="Round-trip segments through the pivot language and score them")
    async def backtranslate(body: BacktranslateRequest):
        _count(body.segments, settings, "segments")
        segments = [_text(s, "segment") for s in body.segments]
        return await _answer(pool, work.backtranslate, segments, _language(body.language))

    @_direct(app, "/v1/names/normalize", "POST", summary="Each name's canonical spelling from the style sheet")
    async def normalize(body: NamesRequest):
        _count(body.names, settings, "names")
        return await _answer(pool, work.normalize_names, [_text(n, "name") for n in body.names])

    @app.get("/v2/languages", summary="LanguageTool API: the languages checked")
    async def languages():
        return lt.languages()

    async def languagetool_check(request: Request):
        fields = await _form_fields(request)
        return await _answer(pool, work.languagetool_check, *_languagetool_args(fields))

    summary = "LanguageTool API: check text or annotated data (form fields or query parameters)"
    _direct(app, "/v2/check", "POST", summary=summary, operation_id="languagetool_check_post")(languagetool_check)
    _direct(app, "/v2/check", "GET", summary=summary, operation_id="languagetool_check_get")(languagetool_check)


async def _form_fields(request: Request) -> dict[str, str]:
    """LanguageTool's parameters, from the query string and a form body (URL-encoded or
    multipart); bytes that are not UTF-8 are a 400, not replaced."""
    fields = dict(_parse_query(request.url.query))
    if request.method != "POST":
        return fields
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        try:
            form = await request.form(max_files=0, max_fields=1000)
        except HTTPException:
            raise
        except Exception:  # noqa: BLE001 - python-multipart's parse errors vary by version
            raise Refused("the multipart form cannot be parsed") from None
        for key, value in form.multi_items():
            fields[key] = value if isinstance(value, str) else ""
        return fields
    body = await request.body()
    try:
        fields.update(_parse_query(body.decode("utf-8")))
    except UnicodeDecodeError:
        raise Refused("the form is not valid UTF-8") from None
    return fields


def _parse_query(query: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(query, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=1000)
    except UnicodeDecodeError:
        raise Refused("the form is not valid UTF-8 (after percent-decoding)") from None
    except ValueError as exc:
        raise Refused(f"the form cannot be parsed: {exc}") from None


def _languagetool_args(fields: dict[str, str]) -> tuple:
    """(text, pieces, language, code, enabled, disabled, enabled_only) for work.languagetool_check."""
    if "language" not in fields:
        raise Refused("missing the language parameter (e.g. language=en-US or language=auto)")
    code = fields["language"].strip()
    try:
        language = lt.base_language(code)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    text, pieces = fields.get("text"), None
    if (text is None) == ("data" not in fields):
        raise Refused("give either the text or the data parameter")
    if text is None:
        pieces = _annotation(fields["data"])
    else:
        _text(text)
    ids = [tuple(r.strip() for r in fields.get(key, "").split(",") if r.strip())
           for key in ("enabledRules", "disabledRules")]
    enabled_only = fields.get("enabledOnly", "false").strip().lower()
    if enabled_only not in ("true", "false"):
        raise Refused("enabledOnly must be true or false")
    return text, pieces, language, code, ids[0], ids[1], enabled_only == "true"


def _annotation(data: str) -> list[tuple[str, bool, str | None]]:
    """The pieces of LanguageTool's annotated text: {"annotation": [{"text": ...}, {"markup":
    ..., "interpretAs": ...}]}."""
    try:
        parsed = json.loads(data)
    except ValueError:
        raise Refused("data is not valid JSON") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise Refused('data needs an "annotation" list')
    pieces = []
    for k, item in enumerate(items):
        if not isinstance(item, dict):
            raise Refused(f"annotation[{k}] is not an object")
        text, markup, read_as = item.get("text"), item.get("markup"), item.get("interpretAs")
        if (text is None) == (markup is None) or not isinstance(text if markup is None else markup, str) \
                or not isinstance(read_as, (str, type(None))) or set(item) - {"text", "markup", "interpretAs"}:
            raise Refused(f'annotation[{k}] needs a string "text", or a string "markup" and an optional "interpretAs"')
        pieces.append((_text(text if markup is None else markup, "data"), markup is not None,
                       None if read_as is None else _text(read_as, "data")))
    return pieces
