"""Load on `auditor serve`, on loopback only, bounded in requests and time, stopping by itself.

Starts the service in a subprocess on a free loopback port, then for 1, 8 and 32 concurrent
keep-alive clients (plain asyncio HTTP/1.1, so the load generator costs little CPU) sends a
600-word article to /v1/check and to /v2/check and prints requests/s, p50 and p99 latency,
errors and 503s. The baseline is `check_text` on the same article in this process, with what
the service does for these requests: language "auto" (detected), all rules, no style sheet or
configuration (the server is started with an empty --config, so a config file where the bench
runs cannot make it do other work), the same findings (checked before the load: the service's
/v1 answer must report exactly what check_text does). The p50 ratio that counts is
measured with check_text and one client's requests taken in turn, so both see the same machine;
each level's p50 is also printed as a ratio to the baseline taken at the start, and each level's
throughput as a ratio to one client's. Then it measures the server's memory
(the server and its workers) after --memory-requests/10 and after --memory-requests requests.

    .venv/bin/python bench/serve.py [--workers 2] [--seconds 6] [--memory-requests 10000]

Targets (issue 17): /v1/check p50 within 1.5x of check_text (the "in turn" line); 32 clients with no errors but
deliberate 503s and at least 1.7x one client's throughput on two cores; memory after 10,000
requests within 10% of after 1,000. The load generator shares the cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def article(words: int = 600) -> str:
    """About ``words`` words of news copy from the samples, cut at a paragraph."""
    texts = [(ROOT / "samples" / name).read_text(encoding="utf-8") for name in ("en_planted.txt", "en_clean.txt")]
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    out: list[str] = []
    k = 0
    while sum(len(p.split()) for p in out) < words:
        out.append(paragraphs[k % len(paragraphs)])
        k += 1
    return "\n\n".join(out) + "\n"


def start_server(workers: int, capacity: int, config: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen([sys.executable, "-m", "auditor", "serve", "--host", "127.0.0.1", "--port", "0",
                                "--workers", str(workers), "--queue", str(capacity), "--config", str(config)],
                               cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    for line in process.stderr:
        if "serving on " in line:
            url = line.split("serving on ", 1)[1].split()[0]
            return process, int(url.rstrip("/").rsplit(":", 1)[1])
    raise SystemExit("auditor serve did not start")


def rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def request_bytes(path: str, body: bytes, content_type: str) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


async def client(port: int, payload: bytes, stop_at: float, budget: list[int], stats: dict) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.monotonic() < stop_at and budget[0] > 0:
            budget[0] -= 1
            began = time.perf_counter()
            writer.write(payload)
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            stats["latencies"].append(time.perf_counter() - began)
            if status == 503:
                stats["busy"] += 1
            elif status != 200:
                stats["errors"] += 1
    except (ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError):
        stats["errors"] += 1
    finally:
        writer.close()


def load(port: int, payload: bytes, clients: int, seconds: float, requests: int) -> dict:
    stats = {"latencies": [], "errors": 0, "busy": 0}
    budget = [requests]

    async def run() -> float:
        began = time.perf_counter()
        stop_at = time.monotonic() + seconds
        await asyncio.gather(*(client(port, payload, stop_at, budget, stats) for _ in range(clients)))
        return time.perf_counter() - began

    elapsed = asyncio.run(run())
    lat = sorted(stats["latencies"])
    stats.update(n=len(lat), rate=len(lat) / elapsed if elapsed else 0.0,
                 p50=statistics.median(lat) if lat else float("nan"),
                 p99=lat[min(len(lat) - 1, int(0.99 * len(lat)))] if lat else float("nan"))
    return stats


def same_work(port: int, text: str) -> None:
    """Stop unless the service reports on ``text`` exactly what check_text does (the baseline)."""
    import http.client

    from auditor import check_text
    from auditor.formatters.json_ import to_dict

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/v1/check", json.dumps({"text": text, "language": "auto"}),
                       {"Content-Type": "application/json"})
    served = json.loads(connection.getresponse().read())
    connection.close()
    local = to_dict([check_text(text, language="auto")])
    if served["files"] != local["files"]:
        raise SystemExit("the service's report differs from check_text's: not the same work, no fair baseline")


def paired_p50(port: int, payload: bytes, text: str, seconds: float) -> tuple[float, float, int]:
    """(check_text's p50, one client's p50, pairs): check_text in this process and one request,
    taken in turn, so that both see the same machine (its speed drifts, and other work on a
    shared machine comes and goes within seconds)."""
    import socket

    from auditor import check_text

    local, served = [], []
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        answers = sock.makefile("rb")
        stop_at = time.monotonic() + seconds
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            check_text(text, language="auto")
            local.append(time.perf_counter() - began)
            began = time.perf_counter()
            sock.sendall(payload)
            status = int(answers.readline().split()[1])
            length = 0
            while (line := answers.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            answers.read(length)
            served.append(time.perf_counter() - began)
            if status != 200:
                raise SystemExit(f"the service answered {status}")
    return statistics.median(local), statistics.median(served), len(local)


def baseline_p50(text: str, runs: int = 40) -> float:
    from auditor import check_text

    check_text(text, language="auto")
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        check_text(text, language="auto")
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="auditor serve --workers")
    parser.add_argument("--queue", type=int, default=64, help="auditor serve --queue")
    parser.add_argument("--seconds", type=float, default=6.0, help="seconds per concurrency level and API")
    parser.add_argument("--memory-requests", type=int, default=10_000,
                        help="requests for the memory figure (also measured after a tenth of them)")
    parser.add_argument("--max-seconds", type=float, default=240.0, help="stop the memory run after this")
    args = parser.parse_args()

    text = article()
    base = baseline_p50(text)
    print(f"article: {len(text.split())} words; in-process check_text p50 {base * 1000:.1f} ms "
          f"(baseline); cores {len(os.sched_getaffinity(0))}; load average {os.getloadavg()[0]:.2f}")
    empty_config = Path(tempfile.mkdtemp(prefix="bench-serve-")) / "auditor.toml"
    empty_config.write_text("", encoding="utf-8")
    process, port = start_server(args.workers, args.queue, empty_config)
    try:
        same_work(port, text)
        v1 = request_bytes("/v1/check", json.dumps({"text": text, "language": "auto"}).encode(), "application/json")
        v2 = request_bytes("/v2/check", urlencode({"text": text, "language": "auto"}).encode(),
                           "application/x-www-form-urlencoded")
        for name, payload in (("/v1/check", v1), ("/v2/check", v2)):
            load(port, payload, 4, 1.0, 10**6)  # warm the connections and workers
            local, served, pairs = paired_p50(port, payload, text, args.seconds)
            print(f"{name} one client, in turn with check_text: p50 {served * 1000:.2f} ms vs {local * 1000:.2f} ms "
                  f"in-process = {served / local:.2f}x check_text ({pairs} pairs; load average "
                  f"{os.getloadavg()[0]:.2f})")
            one = None
            for clients in (1, 8, 32):
                s = load(port, payload, clients, args.seconds, 10**6)
                one = one or s["rate"]
                print(f"{name} {clients:>2} clients: {s['rate']:6.1f} req/s ({s['rate'] / one:.2f}x one client), "
                      f"p50 {s['p50'] * 1000:6.1f} ms ({s['p50'] / base:.2f}x check_text), "
                      f"p99 {s['p99'] * 1000:6.1f} ms, {s['n']} requests, {s['errors']} errors, {s['busy']} 503s")
        total, first = args.memory_requests, max(1, args.memory_requests // 10)
        print(f"server memory at start of the memory run: {rss_kib(process.pid) / 1024:.1f} MiB")
        began = time.monotonic()
        s = load(port, v1, 8, args.max_seconds, first)
        after_first = rss_kib(process.pid)
        rest = load(port, v1, 8, max(1.0, args.max_seconds - (time.monotonic() - began)), total - first)
        after_all = rss_kib(process.pid)
        done = s["n"] + rest["n"]
        print(f"server memory after {s['n']} requests: {after_first / 1024:.1f} MiB; after {done}: "
              f"{after_all / 1024:.1f} MiB ({after_all / after_first:.3f}x); "
              f"{s['errors'] + rest['errors']} errors, {s['busy'] + rest['busy']} 503s")
    finally:
        process.terminate()
        process.wait(10)
        empty_config.unlink()
        empty_config.parent.rmdir()


if __name__ == "__main__":
    main()
