"""auditor clean's throughput, memory and resume, against a plain checker loop in the same run.

    .venv/bin/python bench/batch.py [--docs 8000] [--rss-docs 5000,20000] [--small 2000] [--cycles 5]
                                    [--rounds 1] [--skip-ray]

The corpus is news copy (samples/ and ../shared/eval/ntrex_news when present) replicated with
distinct ids into one JSONL file of --docs records. Every run is a process of its own, timed from
its start to its exit, so each pays its interpreter start, imports and the checker's first-use
tables alike. Rows:

- the baseline, "plain loop": one process reading the JSONL, checking each record with the same
  session, rules and policy (``--min-score 50``) and writing every record with its annotations to
  a kept or a rejected JSONL file: the job ``auditor clean`` does, by hand, without a pipeline;
- "check only": the same loop writing nothing (what the pipeline adds beyond the checks);
- ``auditor clean`` on the local executor with 1 and 2 workers, and on Ray with 2 CPUs.

``--rounds N`` runs them N times in turn (interleaved, so drifting machine load falls on all
alike) and prints medians; the 1-minute load average is printed before each run. Then: peak RSS of
the whole process tree at each of --rss-docs (2 workers), the time to resume a run killed half
way, and records lost or duplicated over --cycles kill/resume cycles on --small records.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
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


def plain_loop(path: Path, out: Path | None) -> None:
    """The baseline (run in a process of its own by :func:`timed_plain_loop`): check each record
    with the policy ``auditor clean --min-score 50`` applies and, given ``out``, write it with its
    annotations to ``out/kept.jsonl`` or ``out/rejected.jsonl``."""
    from auditor.batch.policy import Policy, RecordAuditor
    from auditor.io.records import dump_record
    from auditor.session import Session

    auditor = RecordAuditor(Session(), Policy(min_score=50))
    sinks = {}
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        sinks = {True: open(out / "kept.jsonl", "w", encoding="utf-8"),
                 False: open(out / "rejected.jsonl", "w", encoding="utf-8")}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            verdict = auditor.audit(record["text"], record["id"])
            if sinks:
                sinks[verdict.kept].write(dump_record({**record, **verdict.annotations}) + "\n")
    for sink in sinks.values():
        sink.close()


TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_sample(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of ``pid`` and all its descendants (from /proc); records each one's CPU
    seconds so far in ``cpu`` (a process's last sample stands for its total)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            stats[int(entry)] = (int(fields[21]) * PAGE, (int(fields[11]) + int(fields[12])) / TICK)
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        rss, seconds = stats.get(p, (0, 0.0))
        total += rss
        cpu[p] = max(cpu.get(p, 0.0), seconds)
        stack.extend(children.get(p, []))
    return total


@dataclass
class Run:
    seconds: float  # wall clock, start to exit
    cpu: float  # CPU seconds of the whole process tree (sampled every 0.2 s)
    peak_rss: int
    code: int


def run_tree(command: list[str], kill_after: float | None = None) -> Run:
    """Run ``command`` from the repository root, watching its process tree; ``kill_after``
    seconds kill -9s the whole tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    peak, cpu = [0], {}

    def watch() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_sample(proc.pid, cpu))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    seconds = time.perf_counter() - start
    watcher.join()
    if proc.returncode not in (0, -9):
        print(proc.stderr.read().decode()[-2000:], file=sys.stderr)
    return Run(seconds, sum(cpu.values()), peak[0], proc.returncode)


def plain_run(path: Path, out: Path | None) -> Run:
    run = run_tree([sys.executable, __file__, "--plain-loop", str(path)] + ([str(out)] if out else []))
    assert run.code == 0, f"plain loop: exit {run.code}"
    return run


def clean(path: Path, out: Path, *extra: str, kill_after: float | None = None) -> Run:
    """Run ``auditor clean`` (``kill_after``: kill -9 it after so many seconds)."""
    return run_tree([sys.executable, "-m", "auditor", "clean", str(path), "-o", str(out), "--id-field", "id",
                     "--no-progress", "--min-score", "50", *extra], kill_after)


def clean_ok(path: Path, out: Path, *extra: str) -> Run:
    run = clean(path, out, *extra)
    assert run.code == 0, f"auditor clean {' '.join(extra)}: exit {run.code}"
    return run


def output_ids(out: Path) -> list[str]:
    ids = []
    for folder in ("kept", "rejected"):
        for path in sorted((out / folder).glob("*.jsonl")):
            with open(path, encoding="utf-8") as fh:
                ids.extend(json.loads(line)["id"] for line in fh)
    return ids


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=8000, help="records for the throughput rows")
    parser.add_argument("--rss-docs", default="5000,20000", help="corpus sizes for peak RSS (2 workers)")
    parser.add_argument("--small", type=int, default=2000, help="records for the kill/resume cycles")
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1, help="interleaved repeats; medians are printed")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--throughput-only", action="store_true", help="only the docs/s rows")
    parser.add_argument("--plain-loop", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.plain_loop:
        plain_loop(Path(args.plain_loop[0]), Path(args.plain_loop[1]) if len(args.plain_loop) > 1 else None)
        return
    work = Path(tempfile.mkdtemp(prefix="auditor-bench-batch-"))
    big, small = work / "big.jsonl", work / "small.jsonl"
    size = write_corpus(big, args.docs)
    write_corpus(small, args.small)
    mb = size / 1e6
    print(f"corpus: {args.docs:,} docs, {mb:.1f} MB ({len(news_texts())} distinct texts); {os.cpu_count()} CPUs "
          "(shared with other jobs: figures drift)")
    runs = [("plain loop (baseline)", lambda out: plain_run(big, out)),
            ("check only, no output", lambda out: plain_run(big, None)),
            ("local, 1 worker", lambda out: clean_ok(big, out, "--workers", "1")),
            ("local, 2 workers", lambda out: clean_ok(big, out, "--workers", "2"))]
    if not args.skip_ray:
        runs.append(("ray, 2 CPUs", lambda out: clean_ok(big, out, "--executor", "ray", "--workers", "2")))
    results: dict[str, list[Run]] = {label: [] for label, _ in runs}
    for round_ in range(args.rounds):
        for n, (label, job) in enumerate(runs):
            before = load()
            run = job(work / f"run-{n}-{round_}")
            results[label].append(run)
            print(f"  round {round_ + 1} {label:24} {run.seconds:7.1f} s, {run.cpu:6.1f} CPU s ({before} before)",
                  flush=True)
            shutil.rmtree(work / f"run-{n}-{round_}", ignore_errors=True)
    wall = {label: statistics.median(r.seconds for r in rs) for label, rs in results.items()}
    cpu = {label: statistics.median(r.cpu for r in rs) for label, rs in results.items()}
    base = wall["plain loop (baseline)"]
    print(f"{'run (median of ' + str(args.rounds) + ')':28} {'s':>6} {'docs/s':>7} {'MB/s':>5} {'x baseline':>10} "
          f"{'CPU s':>6} {'CPU x base':>10}")
    for label, seconds in wall.items():
        print(f"{label:28} {seconds:6.1f} {args.docs / seconds:7.0f} {mb / seconds:5.2f} {base / seconds:10.2f} "
              f"{cpu[label]:6.1f} {cpu[label] / cpu['plain loop (baseline)']:10.2f}")
    if not args.skip_ray:
        print(f"ray / local, 2 workers: {wall['local, 2 workers'] / wall['ray, 2 CPUs']:.2f}x the speed "
              f"({load()} now)")
    if not args.throughput_only:
        memory(work, args)
        resume(work, big, small, args, wall["local, 1 worker"])
    shutil.rmtree(work, ignore_errors=True)


def memory(work: Path, args) -> None:
    peaks = []
    for n in (int(x) for x in args.rss_docs.split(",") if x):
        corpus = work / f"rss-{n}.jsonl"
        write_corpus(corpus, n)
        before = load()
        run = clean_ok(corpus, work / f"rss-{n}", "--workers", "2")
        peaks.append((n, run.peak_rss))
        print(f"peak RSS, 2 workers, {n:,} docs: {run.peak_rss / 1e6:.0f} MB ({run.seconds:.1f} s, {before} before)")
        corpus.unlink()
        shutil.rmtree(work / f"rss-{n}", ignore_errors=True)
    if len(peaks) > 1:
        print(f"peak RSS at {peaks[-1][0]:,} / at {peaks[0][0]:,} docs: {peaks[-1][1] / peaks[0][1]:.2f}x")


def resume(work: Path, big: Path, small: Path, args, full: float) -> None:
    out = work / "resume"
    clean(big, out, "--workers", "1", kill_after=full / 2)
    resumed = clean(big, out, "--workers", "1")
    ids = output_ids(out)
    print(f"resume after kill -9 at half way: {resumed.seconds:.1f} s (full run {full:.1f} s); exit {resumed.code}; "
          f"{len(ids):,} records, {len(set(ids)):,} distinct")
    small_s = clean_ok(small, work / "small_out", "--workers", "2").seconds
    out = work / "cycles"
    for cycle in range(args.cycles):
        clean(small, out, "--workers", "2", kill_after=small_s * (0.2 + 0.15 * cycle))
    clean(small, out, "--workers", "2")
    ids = output_ids(out)
    lost, dup = args.small - len(set(ids)), len(ids) - len(set(ids))
    print(f"{args.cycles} kill -9/resume cycles on {args.small:,} docs: {lost} lost, {dup} duplicated")

if __name__ == "__main__":
    main()
