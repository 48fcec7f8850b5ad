"""auditor clean's throughput, memory and resume, against a plain checker loop in the same run.

    .venv/bin/python bench/batch.py [--docs 20000] [--small 5000] [--cycles 5] [--skip-ray]

The corpus is news copy (samples/ and ../shared/eval/ntrex_news when present) replicated with
distinct ids up to --docs records of one JSONL file. Prints docs/s and MB/s for: a plain
single-process loop over the checker (the baseline), the local executor with 1 and 2 workers,
Ray with 2 CPUs; peak RSS of the whole process tree at --small and --docs records; the time to
resume a run killed half way; and records lost or duplicated over --cycles kill/resume cycles.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def news_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*_*.txt"))]
    ntrex = ROOT.parent / "shared" / "eval" / "ntrex_news"
    if ntrex.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(ntrex.rglob("*.txt"))]
    return texts


def write_corpus(path: Path, n: int) -> int:
    texts = news_texts()
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            line = json.dumps({"id": f"doc{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            fh.write(line)
    return size


def plain_loop(path: Path) -> float:
    from auditor.session import Session

    session = Session()
    start = time.perf_counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            session.check(record["text"], record["id"])
    return time.perf_counter() - start


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def clean(path: Path, out: Path, *extra: str, kill_after: float | None = None) -> tuple[float, int, int]:
    """Run ``auditor clean``; (seconds, peak tree RSS, exit code). ``kill_after`` kill -9s it."""
    command = [sys.executable, "-m", "auditor", "clean", str(path), "-o", str(out), "--id-field", "id",
               "--no-progress", "--min-score", "50", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    peak = [0]

    def watch() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    watcher.join()
    if proc.returncode not in (0, -9):
        print(proc.stderr.read().decode()[-2000:], file=sys.stderr)
    return time.perf_counter() - start, peak[0], proc.returncode


def output_ids(out: Path) -> list[str]:
    ids = []
    for folder in ("kept", "rejected"):
        for path in sorted((out / folder).glob("*.jsonl")):
            with open(path, encoding="utf-8") as fh:
                ids.extend(json.loads(line)["id"] for line in fh)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--small", type=int, default=5000)
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="auditor-bench-batch-"))
    big, small = work / "big.jsonl", work / "small.jsonl"
    size = write_corpus(big, args.docs)
    write_corpus(small, args.small)
    mb = size / 1e6
    print(f"corpus: {args.docs:,} docs, {mb:.1f} MB ({len(news_texts())} distinct texts); {os.cpu_count()} CPUs "
          "(shared with other jobs: figures drift)")
    base = plain_loop(big)
    rows = [("plain checker loop (baseline)", base, None)]
    runs = [("local, 1 worker", ["--workers", "1"]), ("local, 2 workers", ["--workers", "2"])]
    if not args.skip_ray:
        runs.append(("ray, 2 CPUs", ["--executor", "ray", "--workers", "2"]))
    peaks = {}
    for label, extra in runs:
        seconds, peak, code = clean(big, work / label.replace(" ", "_").replace(",", ""), *extra)
        assert code == 0, f"{label}: exit {code}"
        rows.append((label, seconds, peak))
        peaks[label] = peak
    print(f"{'run':32} {'s':>7} {'docs/s':>8} {'MB/s':>6} {'x baseline':>10} {'peak RSS':>9}")
    for label, seconds, peak in rows:
        rss = f"{peak / 1e6:.0f} MB" if peak else "-"
        print(f"{label:32} {seconds:7.1f} {args.docs / seconds:8.0f} {mb / seconds:6.2f} {base / seconds:10.2f} {rss:>9}")
    small_s, small_peak, _ = clean(small, work / "small_out", "--workers", "1")
    print(f"peak RSS, 1 worker: {small_peak / 1e6:.0f} MB at {args.small:,} docs, "
          f"{peaks['local, 1 worker'] / 1e6:.0f} MB at {args.docs:,} ({peaks['local, 1 worker'] / small_peak:.2f}x)")
    full = rows[1][1]
    out = work / "resume"
    clean(big, out, "--workers", "1", kill_after=full / 2)
    resumed, _, code = clean(big, out, "--workers", "1")
    ids = output_ids(out)
    print(f"resume after kill -9 at half way: {resumed:.1f} s (full run {full:.1f} s); exit {code}; "
          f"{len(ids):,} records, {len(set(ids)):,} distinct")
    out = work / "cycles"
    lost = dup = 0
    for cycle in range(args.cycles):
        clean(small, out, "--workers", "2", kill_after=small_s * (0.2 + 0.15 * cycle))
    clean(small, out, "--workers", "2")
    ids = output_ids(out)
    lost, dup = args.small - len(set(ids)), len(ids) - len(set(ids))
    print(f"{args.cycles} kill -9/resume cycles on {args.small:,} docs: {lost} lost, {dup} duplicated")


if __name__ == "__main__":
    main()
