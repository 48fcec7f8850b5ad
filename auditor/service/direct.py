"""Routes that FastAPI describes but does not run: the OpenAPI document comes from the endpoint's
signature as usual, while each request is answered by a plain ASGI app that reads the body,
validates it with the endpoint's pydantic model and calls the endpoint.

Per request, FastAPI's machinery (a Request, dependency solving, body parsing through
``jsonable_encoder`` and validation, the response model) took more of the server process's
time than all of auditor's own work there (py-spy, /v1/check on a 600-word article); the
server process serves every request, so that time bounded latency and throughput. What it
did for these routes, the app here does in a few lines, with the same refusals: a body that is
not JSON (or not UTF-8) is a 400, one that fails the model a RequestValidationError (a 422),
both answered by the app's exception handlers.
"""

from __future__ import annotations

import json
import typing

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request


class DirectRoute(APIRoute):
    """An APIRoute whose endpoint takes one argument: a pydantic model (the JSON body) or the
    :class:`~starlette.requests.Request`; use as ``route_class_override``."""

    def __init__(self, path: str, endpoint, **kwargs) -> None:
        super().__init__(path, endpoint, **kwargs)
        hints = typing.get_type_hints(endpoint)
        hints.pop("return", None)
        (argument,) = hints.values()
        self.app = _with_model(endpoint, argument) if issubclass(argument, BaseModel) else _with_request(endpoint)


def _with_request(endpoint):
    async def app(scope, receive, send) -> None:
        response = await endpoint(Request(scope, receive))
        await response(scope, receive, send)

    return app


def _with_model(endpoint, model: type[BaseModel]):
    async def app(scope, receive, send) -> None:
        body = await Request(scope, receive).body()
        response = await endpoint(parse(model, body))
        await response(scope, receive, send)

    return app


def parse(model: type[BaseModel], body: bytes) -> BaseModel:
    """The JSON ``body`` as a ``model``; raises HTTPException (400) or RequestValidationError."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        if not any(e["type"] == "json_invalid" for e in exc.errors()):
            raise RequestValidationError(exc.errors()) from None
    # pydantic's parser refused the JSON; Python's tells why, and accepts what JSON allows and
    # pydantic does not (an escaped lone surrogate, which the routes refuse with a clearer word).
    try:
        value = json.loads(body)
    except UnicodeDecodeError:
        raise HTTPException(400, "the body cannot be parsed as JSON (is it UTF-8?)") from None
    except ValueError:
        raise HTTPException(400, "the body is not valid JSON") from None
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from None
