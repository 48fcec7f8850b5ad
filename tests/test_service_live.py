"""A real `auditor serve` (worker processes, uvicorn, sockets): a LanguageTool client library
from PyPI pointed at it, clients that stall or send raw garbage, and a worker that dies."""

from __future__ import annotations

import os
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from tests.conftest import SAMPLES  # noqa: E402
from tests.service_helpers import RunningServer  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server():
    running = RunningServer("--workers", "1", "--max-body", "65536")
    yield running
    running.stop()


def test_language_tool_python_client_against_the_service(server):
    language_tool_python = pytest.importorskip("language_tool_python")
    from language_tool_python.utils import correct

    text = "Fans 😀 cheered.The mayor 👩‍👧 said the the port 𝕏 would reopen."
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url.rstrip("/"))
    try:
        matches = tool.check(text)
        # The client turns LanguageTool's UTF-16 offsets back into Python's; they must land on the spans.
        assert {m.rule_id: text[m.offset:m.offset + m.error_length] for m in matches} == {
            "missing-space": "cheered.The", "doubled-word": "the the"}
        assert correct(text, matches) == "Fans 😀 cheered. The mayor 👩‍👧 said the port 𝕏 would reopen."
        tool.disabled_rules.update({"doubled-word"})
        assert [m.rule_id for m in tool.check(text)] == ["missing-space"]
    finally:
        tool.close()


def test_a_planted_sample_through_both_apis(server):
    text = (SAMPLES / "en_planted.txt").read_text(encoding="utf-8")
    v1 = httpx.post(server.url + "v1/check", json={"text": text}, timeout=30).json()
    v2 = httpx.post(server.url + "v2/check", data={"text": text, "language": "auto"}, timeout=30).json()
    assert v1["summary"]["findings"] == len(v2["matches"]) > 10
    assert [f["rule"] for f in v1["files"][0]["findings"]] == [m["rule"]["id"] for m in v2["matches"]]


def _raw(server, payload: bytes, wait: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait + 10) as sock:
        sock.sendall(payload)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and b'"error"' in b"".join(chunks):
                break
    return b"".join(chunks)


def test_a_client_that_stalls_mid_body_gets_408_and_others_are_served(server):
    stalled = (b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Content-Length: 1000\r\n\r\n{\"text\": \"He said")
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(_raw, server, stalled, 15)
        time.sleep(0.5)  # while that client stalls, another is answered
        assert httpx.get(server.url + "healthz", timeout=5).status_code == 200
        answer = pending.result(timeout=30)
    assert answer.startswith(b"HTTP/1.1 408") and b"not received within" in answer


def test_raw_garbage_and_huge_bodies_get_4xx(server):
    assert _raw(server, b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n").startswith(
        b"HTTP/1.1 413")
    bad = b'{"text": "\xff\xfe\xfd"}'
    answer = _raw(server, b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(bad), bad))
    assert answer.startswith(b"HTTP/1.1 400")
    assert httpx.post(server.url + "v1/check", json={"text": "He said the the port."}).status_code == 200


def test_concurrent_clients_are_all_answered(server):
    with httpx.Client(timeout=60) as client, ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda k: client.post(server.url + "v1/check", json={"text": f"Item {k} the the end."}),
                                range(24)))
    assert [a.status_code for a in answers] == [200] * 24


def test_a_worker_that_dies_is_replaced(server):
    import subprocess

    children = subprocess.run(["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True).stdout.split()
    workers = [int(pid) for pid in children]
    assert workers, "no worker processes"
    for pid in workers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    time.sleep(0.5)
    statuses = [httpx.post(server.url + "v1/check", json={"text": "He said the the port."}, timeout=60).status_code
                for _ in range(3)]
    assert statuses[-1] == 200 and set(statuses) <= {200, 503}
