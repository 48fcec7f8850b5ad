"""`auditor serve`'s app in process (FastAPI's test client, checking in a thread): the /v1 API's
answers against the library's, LanguageTool's /v2 API, the token, CORS and the limits."""

from __future__ import annotations

import base64
import json

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from auditor import check_text  # noqa: E402
from auditor.formatters.json_ import to_dict  # noqa: E402
from auditor.service import ServiceSettings, create_app  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402

PLANTED = (SAMPLES / "en_planted.txt").read_text(encoding="utf-8")


def client_for(**settings) -> TestClient:
    return TestClient(create_app(ServiceSettings(workers=0, **settings)))


@pytest.fixture(scope="module")
def client():
    with client_for() as c:
        yield c


def test_v1_check_answers_the_json_contract_of_auditor_check(client):
    answer = client.post("/v1/check", json={"text": PLANTED, "language": "en"})
    assert answer.status_code == 200
    assert answer.json() == to_dict([check_text(PLANTED, language="en")])


def test_v1_check_several_documents_with_paths_and_rule_choice(client):
    docs = [{"text": "Port officials met on Tuesday.The mayor spoke.", "path": "a.txt"},
            {"text": "He said the the port would reopen.", "path": "b.txt"}]
    answer = client.post("/v1/check", json={"documents": docs, "select": ["doubled-word"]}).json()
    assert [f["path"] for f in answer["files"]] == ["a.txt", "b.txt"]
    assert answer["files"][0]["findings"] == []  # missing-space was not selected
    assert [f["rule"] for f in answer["files"][1]["findings"]] == ["doubled-word"]
    ignored = client.post("/v1/check", json={"text": docs[1]["text"], "ignore": ["doubled-word"]}).json()
    assert ignored["summary"]["findings"] == 0


def test_v1_check_accepts_markup_and_checks_the_text(client):
    text = "He said the the port would reopen."
    for markup in ("markdown", "html", None):
        answer = client.post("/v1/check", json={"text": text, "markup": markup})
        assert answer.status_code == 200 and answer.json()["summary"]["findings"] == 1
    assert client.post("/v1/check", json={"text": text, "markup": "rst"}).status_code == 422


def test_v1_check_with_markup_checks_the_prose_only(client):
    # The code span and the tag's attribute are not prose; the doubled word is, and its offsets
    # still point into the markup as sent.
    markdown = "Run `the the` first. He said the the port would reopen."
    html = '<p title="the the">He said the the port would reopen.</p>'
    for text, markup in ((markdown, "markdown"), (html, "html")):
        plain = client.post("/v1/check", json={"text": text, "language": "en"}).json()
        aware = client.post("/v1/check", json={"text": text, "language": "en", "markup": markup}).json()
        assert sum(f["rule"] == "doubled-word" for f in plain["files"][0]["findings"]) == 2, markup
        found = [f for f in aware["files"][0]["findings"] if f["rule"] == "doubled-word"]
        assert len(found) == 1, markup
        assert text[found[0]["start"]:found[0]["end"]].lower().startswith("the"), markup
        assert found[0]["start"] > text.index("He said"), markup


def test_v1_fix_returns_the_fixed_text_and_changes(client):
    answer = client.post("/v1/fix", json={"text": "Port officials met on Tuesday.The mayor spoke.",
                                          "language": "en"}).json()
    assert answer["text"] == "Port officials met on Tuesday. The mayor spoke."
    assert answer["applied"] == [{"rule": "missing-space", "message": "missing space after '.'",
                                  "suggestion": "Tuesday. The"}]
    assert answer["changed"] and answer["diff"].startswith("--- a/text\n+++ b/text\n")
    refused = client.post("/v1/fix", json={"text": "x", "rules": ["fragment"]})
    assert refused.status_code == 400 and "no safe fix for fragment" in refused.json()["error"]


def test_v1_names_normalize_and_rules(client):
    rows = client.post("/v1/names/normalize", json={"names": ["Vladimir  Putn", "Qqqq Zzzz"]}).json()
    assert rows[0] == {"query": "Vladimir Putn", "canonical": "Vladimir Putin", "score": rows[0]["score"]}
    assert rows[1]["canonical"] is None
    rules = {r["id"]: r for r in client.get("/v1/rules").json()}
    assert rules["glued-token"]["fixable"] and rules["glued-token"]["severity"] in ("error", "warning", "info")


def test_healthz_and_openapi(client):
    assert client.get("/healthz").json()["status"] == "ok"
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/check", "/v1/fix", "/v1/backtranslate", "/v1/names/normalize", "/v1/rules", "/v2/check",
            "/v2/languages"} <= set(paths)
    assert "<title>auditor review</title>" in client.get("/").text


@pytest.mark.slow
def test_v1_backtranslate_round_trips_with_the_default_engine(client, tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    answer = client.post("/v1/backtranslate", json={"segments": ["The ship is in the port."], "language": "en"})
    assert answer.status_code == 200, answer.text
    segment = answer.json()["segments"][0]
    assert segment["pivot_text"] == "O navio está no porto." and 0 <= segment["quality"] <= 100


# LanguageTool's API -------------------------------------------------------------------------

EMOJI_TEXT = "Fans 😀🎉 cheered.The mayor 👩‍👩‍👧 said the the port 𝕏 would reopen."


def test_v2_offsets_are_utf16_code_units(client):
    answer = client.post("/v2/check", data={"text": EMOJI_TEXT, "language": "en-US"}).json()
    units = EMOJI_TEXT.encode("utf-16-le")
    found = {m["rule"]["id"]: units[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le")
             for m in answer["matches"]}
    assert found == {"missing-space": "cheered.The", "doubled-word": "the the"}
    assert answer["language"]["code"] == "en-US" and answer["language"]["name"] == "English (US)"
    match = answer["matches"][0]
    context = match["context"]["text"].encode("utf-16-le")
    start = 2 * match["context"]["offset"]
    assert context[start:start + 2 * match["context"]["length"]].decode("utf-16-le") == "cheered.The"
    assert match["replacements"] == [{"value": "cheered. The"}]
    assert match["rule"]["issueType"] == "whitespace" and match["rule"]["category"]["id"] == "TYPOGRAPHY"
    assert match["sentence"].startswith("Fans")


def test_v2_annotated_data_offsets_point_into_the_original_with_markup(client):
    pieces = [{"markup": "<p>"}, {"text": "He said the "}, {"markup": "<b>"}, {"text": "the port 😀 met"},
              {"markup": "</b>"}, {"text": " on Tuesday.The mayor spoke."}, {"markup": "</p>", "interpretAs": "\n\n"}]
    original = "".join(p.get("text", p.get("markup")) for p in pieces)
    answer = client.post("/v2/check", data={"data": json.dumps({"annotation": pieces}), "language": "auto"}).json()
    units = original.encode("utf-16-le")
    found = {m["rule"]["id"]: units[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le")
             for m in answer["matches"]}
    assert found["missing-space"] == "Tuesday.The"
    assert found["doubled-word"] == "the <b>the"  # the span runs over the markup between the words
    assert answer["language"]["code"] == "en" and answer["language"]["detectedLanguage"]["code"] == "en"


def test_v2_rule_switches_and_languages(client):
    text = "He said the the port would reopen on Tuesday.The mayor spoke."

    def rules(**form):
        answer = client.post("/v2/check", data={"text": text, "language": "en", **form})
        assert answer.status_code == 200, answer.text
        return sorted(m["rule"]["id"] for m in answer.json()["matches"])

    assert rules() == ["doubled-word", "missing-space"]
    assert rules(disabledRules="doubled-word,WHITESPACE_RULE") == ["missing-space"]
    assert rules(enabledRules="missing-space", enabledOnly="true") == ["missing-space"]
    assert client.post("/v2/check", data={"text": text, "language": "en", "enabledRules": "UPPERCASE_RULE",
                                           "enabledOnly": "true"}).status_code == 400
    assert client.get("/v2/check", params={"text": text, "language": "en"}).json()["matches"]
    codes = {entry["longCode"] for entry in client.get("/v2/languages").json()}
    assert {"en", "en-US", "pt-BR", "fr", "es"} <= codes


# Token, CORS and limits ----------------------------------------------------------------------

def test_token_is_needed_everywhere_but_healthz():
    with client_for(token="s3cret") as c:
        assert c.get("/healthz").status_code == 200
        for method, path in [("get", "/"), ("get", "/v1/rules"), ("post", "/v1/check"), ("get", "/openapi.json"),
                             ("post", "/v2/check")]:
            answer = getattr(c, method)(path)
            assert answer.status_code == 401 and "token" in answer.json()["error"], path
        assert c.get("/").headers["www-authenticate"].startswith("Basic")  # a browser asks for it
        assert c.get("/v1/rules").headers["www-authenticate"].startswith("Bearer")
        assert c.get("/v1/rules", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/v1/rules", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        basic = base64.b64encode(b"editor:s3cret").decode()
        assert c.get("/", headers={"Authorization": f"Basic {basic}"}).status_code == 200


def test_no_cors_unless_asked():
    preflight = {"Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST"}
    with client_for() as c:
        assert "access-control-allow-origin" not in c.options("/v1/check", headers=preflight).headers
        assert "access-control-allow-origin" not in c.get("/v1/rules", headers={"Origin": preflight["Origin"]}).headers
    with client_for(cors_origins=("https://cms.example.org",)) as c:
        allowed = c.options("/v1/check", headers=preflight)
        assert allowed.headers["access-control-allow-origin"] == "https://cms.example.org"
        other = c.get("/v1/rules", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_saturated_pool_answers_503_and_recovers():
    with client_for(capacity=2) as c:
        pool = c.app.state.pool
        for _ in range(2):
            assert pool._places.acquire(blocking=False)  # two requests in progress
        busy = c.post("/v1/check", json={"text": "He said the the port."})
        assert busy.status_code == 503 and busy.headers["retry-after"] == "1" and "busy" in busy.json()["error"]
        pool._places.release()
        pool._places.release()
        assert c.post("/v1/check", json={"text": "He said the the port."}).status_code == 200


def test_a_request_over_the_time_limit_gets_504():
    with client_for(time_limit=0.001) as c:
        slow = c.post("/v1/check", json={"text": PLANTED * 20})
        assert slow.status_code == 504 and "time limit" in slow.json()["error"]


def test_body_over_the_limit_gets_413_without_being_read():
    with client_for(max_body=2048) as c:
        big = c.post("/v1/check", json={"text": "word " * 1000})
        assert big.status_code == 413 and "limit of 2048 bytes" in big.json()["error"]

        def chunks():  # no Content-Length: counted as it streams in
            for _ in range(10):
                yield b" " * 1000

        streamed = c.post("/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413
        assert c.post("/v1/check", json={"text": "He said the the port."}).status_code == 200
