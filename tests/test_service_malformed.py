"""Malformed requests: each gets a 4xx with a one-line JSON error, and the service keeps serving.
(Slow clients and raw bytes on the socket are in test_service_live.py, against a real server.)"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from auditor.service import ServiceSettings, create_app  # noqa: E402

JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
TOKEN = "tok3n"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# (name, method, path, keyword arguments of the request): each must be refused with a 4xx.
CASES = [
    ("not JSON", "post", "/v1/check", {"content": b"{text: 'x'", "headers": JSON}),
    ("truncated JSON", "post", "/v1/check", {"content": b'{"text": "abc', "headers": JSON}),
    ("JSON array", "post", "/v1/check", {"json": ["text"]}),
    ("JSON string", "post", "/v1/check", {"json": "He said the the port."}),
    ("JSON null", "post", "/v1/check", {"content": b"null", "headers": JSON}),
    ("empty body", "post", "/v1/check", {"content": b"", "headers": JSON}),
    ("text a number", "post", "/v1/check", {"json": {"text": 42}}),
    ("text a list", "post", "/v1/check", {"json": {"text": ["a", "b"]}}),
    ("text null and no documents", "post", "/v1/check", {"json": {"text": None}}),
    ("neither text nor documents", "post", "/v1/check", {"json": {"language": "en"}}),
    ("both text and documents", "post", "/v1/check", {"json": {"text": "a", "documents": [{"text": "b"}]}}),
    ("empty documents", "post", "/v1/check", {"json": {"documents": []}}),
    ("document without text", "post", "/v1/check", {"json": {"documents": [{"path": "a.txt"}]}}),
    ("document text a number", "post", "/v1/check", {"json": {"documents": [{"text": 1}]}}),
    ("unknown field", "post", "/v1/check", {"json": {"text": "a", "langauge": "en"}}),
    ("language a number", "post", "/v1/check", {"json": {"text": "a", "language": 5}}),
    ("unknown language", "post", "/v1/check", {"json": {"text": "a", "language": "klingon"}}),
    ("unknown rule in select", "post", "/v1/check", {"json": {"text": "a", "select": ["glued-tokn"]}}),
    ("unknown rule in ignore", "post", "/v1/check", {"json": {"text": "a", "ignore": ["nope"]}}),
    ("select a string", "post", "/v1/check", {"json": {"text": "a", "select": "glued-token"}}),
    ("bad markup", "post", "/v1/check", {"json": {"text": "a", "markup": "latex"}}),
    ("invalid UTF-8", "post", "/v1/check", {"content": b'{"text": "caf\xe9 \xff\xfe"}', "headers": JSON}),
    ("lone surrogate", "post", "/v1/check", {"content": b'{"text": "bad \\ud800 text"}', "headers": JSON}),
    ("too many documents", "post", "/v1/check", {"json": {"documents": [{"text": "a"}] * 1001}}),
    ("fix text missing", "post", "/v1/fix", {"json": {"language": "en"}}),
    ("fix unknown rule", "post", "/v1/fix", {"json": {"text": "a", "rules": ["nope"]}}),
    ("fix rule with no safe fix", "post", "/v1/fix", {"json": {"text": "a", "rules": ["fragment"]}}),
    ("backtranslate segments a string", "post", "/v1/backtranslate", {"json": {"segments": "one"}}),
    ("backtranslate no segments", "post", "/v1/backtranslate", {"json": {"segments": []}}),
    ("names not a list", "post", "/v1/names/normalize", {"json": {"names": {"a": 1}}}),
    ("names empty", "post", "/v1/names/normalize", {"json": {"names": []}}),
    ("v2 no language", "post", "/v2/check", {"data": {"text": "a"}}),
    ("v2 unknown language", "post", "/v2/check", {"data": {"text": "a", "language": "de-DE"}}),
    ("v2 no text nor data", "post", "/v2/check", {"data": {"language": "en"}}),
    ("v2 both text and data", "post", "/v2/check", {"data": {"language": "en", "text": "a", "data": "{}"}}),
    ("v2 data not JSON", "post", "/v2/check", {"data": {"language": "en", "data": "{annotation"}}),
    ("v2 data without annotation", "post", "/v2/check", {"data": {"language": "en", "data": '{"text": "a"}'}}),
    ("v2 annotation item wrong", "post", "/v2/check",
     {"data": {"language": "en", "data": json.dumps({"annotation": [{"text": 1}]})}}),
    ("v2 annotation text and markup", "post", "/v2/check",
     {"data": {"language": "en", "data": json.dumps({"annotation": [{"text": "a", "markup": "<b>"}]})}}),
    ("v2 form not UTF-8", "post", "/v2/check", {"content": b"language=en&text=caf%E9", "headers": FORM}),
    ("v2 raw bytes not UTF-8", "post", "/v2/check", {"content": b"language=en&text=caf\xe9", "headers": FORM}),
    ("v2 enabledOnly not boolean", "post", "/v2/check", {"data": {"language": "en", "text": "a", "enabledOnly": "yes"}}),
    ("v2 bad multipart", "post", "/v2/check",
     {"content": b"--xx\r\nContent-Disposition: form-data\r\n\r\nbroken", "headers":
      {"Content-Type": "multipart/form-data; boundary=xx"}}),
    ("huge body", "post", "/v1/check", {"json": {"text": "word " * 30000}}),
    ("Content-Length not a number", "post", "/v1/check", {"content": b"{}", "headers": {**JSON, "Content-Length": "ten"}}),
    ("GET on a POST route", "get", "/v1/check", {}),
    ("PUT on a POST route", "put", "/v1/fix", {"json": {"text": "a"}}),
    ("DELETE on the rules", "delete", "/v1/rules", {}),
    ("unknown route", "get", "/v1/nothing-here", {}),
    ("no token", "post", "/v1/check", {"json": {"text": "a"}, "headers": {}}),
    ("wrong token", "get", "/v1/rules", {"headers": {"Authorization": "Bearer wrong"}}),
    ("wrong auth scheme", "get", "/v1/rules", {"headers": {"Authorization": f"Token {TOKEN}"}}),
    ("garbled basic auth", "get", "/", {"headers": {"Authorization": "Basic %%%"}}),
]


@pytest.fixture(scope="module")
def client():
    app = create_app(ServiceSettings(workers=0, token=TOKEN, max_body=100_000))
    with TestClient(app) as c:
        yield c


def test_the_suite_is_large_enough():
    assert len(CASES) >= 30 and len({name for name, *_ in CASES}) == len(CASES)


@pytest.mark.parametrize("name,method,path,kwargs", CASES, ids=[c[0] for c in CASES])
def test_malformed_request_gets_a_4xx_json_error_and_the_service_goes_on(client, name, method, path, kwargs):
    headers = dict(kwargs.get("headers", AUTH))
    if "headers" in kwargs and "Authorization" not in headers and name not in ("no token",):
        headers.update(AUTH)
    answer = client.request(method.upper(), path, **{**kwargs, "headers": headers})
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text)
    body = answer.json()
    assert set(body) == {"error"} and body["error"] and "\n" not in body["error"]
    assert "Traceback" not in answer.text
    good = client.post("/v1/check", json={"text": "He said the the port."}, headers=AUTH)
    assert good.status_code == 200 and good.json()["summary"]["findings"] == 1
