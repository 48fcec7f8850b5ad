"""The service's guards, as plain ASGI middleware: a bearer token, and a request body that must
be small enough and arrive in time. Each refusal is a 4xx with a one-line JSON error."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hmac
import json

from starlette.exceptions import HTTPException

OPEN_PATHS = frozenset({"/healthz"})


async def send_error(send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    """A complete JSON error response: ``{"error": message}``."""
    body = json.dumps({"error": message}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class TokenGuard:
    """Every route but ``/healthz`` needs the token: ``Authorization: Bearer TOKEN``, or HTTP
    Basic with the token as the password (what a browser sends for the review page after asking
    for it once; the user name is not read)."""

    def __init__(self, app, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS or self._allowed(_header(scope, b"authorization")):
            await self.app(scope, receive, send)
            return
        # A browser asks for a password only when told Basic; API clients are told Bearer.
        api = scope["path"].startswith(("/v1/", "/v2/"))
        challenge = 'Bearer realm="auditor"' if api else 'Basic realm="auditor", charset="UTF-8"'
        await send_error(send, 401, "missing or wrong token (send Authorization: Bearer TOKEN)",
                         {"WWW-Authenticate": challenge})

    def _allowed(self, header: str | None) -> bool:
        if not header:
            return False
        scheme, _, value = header.strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "basic":
            try:
                value = base64.b64decode(value, validate=True).decode("utf-8").partition(":")[2]
            except (binascii.Error, UnicodeDecodeError):
                return False
        elif scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(value.encode(), self.token)


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")


class BodyTimeout(HTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(408, f"request body not received within {seconds:g} s")


class BodyLimits:
    """A body over ``max_bytes`` is a 413, told by its Content-Length before a byte is read, else
    as it streams in; a body whose next part takes over ``read_timeout`` seconds (a client that
    stalls mid-body) is a 408. The errors are HTTPExceptions, so a route that is reading the body
    answers with them; one raised where no route catches it is answered here."""

    def __init__(self, app, max_bytes: int, read_timeout: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await send_error(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.max_bytes:
                await send_error(send, 413, str(BodyTooLarge(self.max_bytes).detail), {"Connection": "close"})
                return
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            try:
                message = await asyncio.wait_for(receive(), self.read_timeout)
            except asyncio.TimeoutError:
                raise BodyTimeout(self.read_timeout) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except (BodyTooLarge, BodyTimeout) as exc:
            if started:
                raise
            await send_error(send, exc.status_code, str(exc.detail), {"Connection": "close"})
