"""Throughput and cold start of `auditor check` (no back-translation), and how cost grows with size.

    python bench/speed.py [--mb 20] [--passes 3] [--doc-mb 0.5] [--skip-largest] [--scaling-only | --no-scaling] [--timeout S]
    python bench/speed.py --rules [--mb 2] [--passes 3]

--rules prints instead where the time goes: each rule's and each shared analysis's s/MB on both
corpora (see bench/rule_costs.py).

Builds a synthetic corpus of at least 20 MB from samples/ (the sample documents repeated, each
copy under its own header line, so no cache keyed on whole documents can help), checks it in one
process on one core, and prints MB/s: each 200-document chunk counts with its best of the passes.
The baseline in the same run is a pure-Python pass over the same words, interleaved with the
check, to make the figure comparable across machines. Then times
`auditor check` on one small sample file as a new process (cold start), median of 7 runs, both
as a warm machine runs it and as a first run on a fresh machine does (empty HOME and cache folders).

Scaling: `auditor check`, `fix --diff` and `entities` on one document at 1x, 10x and 100x
(the en_planted sample repeated on one line, 1x = 0.5 MB) and on files of 10k, 100k and 1M short
lines (sentences of samples/), and `names normalize` on lists of 10k, 100k and 1M names (the
starter style sheet's spellings and variants of them), each as one new process. Prints its CPU
time net of the command's start-up (the same command on a tiny input), seconds per MB and their
ratio to the 1x case (1.0 = linear), and the process's peak resident memory (from wait4's rusage
of that child). --skip-largest leaves out the 100x and 1M cases.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _shared import ROOT, SHARED  # noqa: E402


def corpus(min_mb: float, folder: Path = ROOT / "samples") -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    rng = random.Random(7)
    docs, size, n = [], 0, 0
    while size < min_mb * 1_000_000:
        base = texts[n % len(texts)]
        # Vary each copy so caches keyed on whole documents cannot help.
        doc = f"Copy {n} of the wire, item {rng.randrange(10**6)}.\n\n" + base
        docs.append(doc)
        size += len(doc.encode("utf-8"))
        n += 1
    return docs


def _baseline(doc: str) -> int:
    """A fixed pure-Python pass over a document's words: interpreter-bound like auditor itself,
    so the two slow down together when the machine does."""
    return sum(1 for word in doc.split() if word[:1].isupper())


def throughput(docs: list[str], passes: int = 3) -> float:
    """Checks the corpus ``passes`` times and reports the undisturbed time.

    The virtual machines this runs on change speed by half from minute to minute (other guests
    take the CPU). The corpus is timed in chunks of 200 documents, alternating with a fixed
    pure-Python baseline on the same chunk so that both see the same machine; each chunk's time
    is the best of its passes (as ``timeit`` takes the best of its repeats), which drops the
    bursts of stolen time that hit one pass and not the others. The ratio to the baseline is the
    figure to compare across machines and moments."""
    from auditor import check_text
    from auditor.lexicon import preload

    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    preload()  # load word lists once, as a batch run does
    for d in docs[:16]:
        check_text(d)  # every sample language's phrase tables compiled, as after the first files
    chunks = [docs[lo:lo + 200] for lo in range(0, len(docs), 200)]
    best = [float("inf")] * len(chunks)
    best_baseline = [float("inf")] * len(chunks)
    findings = 0
    for _ in range(passes):
        findings = 0
        for k, chunk in enumerate(chunks):
            t0 = time.process_time()
            for d in chunk:
                _baseline(d)
            best_baseline[k] = min(best_baseline[k], time.process_time() - t0)
            t0 = time.process_time()
            for i, d in enumerate(chunk):
                findings += len(check_text(d, f"doc{i}").findings)
            best[k] = min(best[k], time.process_time() - t0)
    elapsed, baseline = sum(best), sum(best_baseline)
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB, {findings} findings")
    print(f"auditor check: {elapsed:.1f} s CPU = {mb / elapsed:.2f} MB/s on one core "
          f"(each 200-document chunk: best of {passes} passes)")
    print(f"baseline, a pure-Python pass over the words, interleaved: {mb / baseline:.1f} MB/s "
          f"(auditor takes {elapsed / baseline:.2f}x its time)")
    return mb / elapsed


def cold_start(runs: int = 7) -> None:
    """A new process checking one small file: as a warm machine runs it (the user's own cache
    folder) and as a fresh one does (HOME and the cache folders empty, a new folder each run), so
    a first run that builds something in a cache shows up as the difference."""
    import tempfile

    cmd = _auditor()
    sample = ROOT / "samples" / "en_planted.txt"
    times: dict[str, list[float]] = {"warm": [], "first run": []}
    base = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as home:
            fresh = {**os.environ, "HOME": home, "XDG_CACHE_HOME": os.path.join(home, ".cache"),
                     "AUDITOR_CACHE_DIR": os.path.join(home, "auditor-cache")}
            for label, env in (("warm", None), ("first run", fresh)):
                t0 = time.perf_counter()
                subprocess.run(cmd + ["check", "--fail-on", "never", str(sample)], check=True,
                               capture_output=True, env=env)
                times[label].append(time.perf_counter() - t0)
    warm, first = statistics.median(times["warm"]), statistics.median(times["first run"])
    print(f"cold start: auditor check {sample.name}: median {warm:.3f} s over {runs} runs; "
          f"first run on an empty home and cache folder {first:.3f} s ({first / warm:.2f}x); "
          f"bare python start {statistics.median(base):.3f} s")


def _auditor() -> list[str]:
    exe = Path(sys.executable).with_name("auditor")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor"]


# Runs the command as its own child and reports that child's CPU time and peak RSS. A child forked
# straight from this process would count this process's memory in its peak (Linux keeps the
# high-water mark of the memory it had before exec), so a small launcher forks it instead.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def measure(args: list[str], timeout: float | None = None) -> tuple[float, float] | None:
    """(CPU seconds, peak RSS in MB) of one auditor process, its output discarded; None when it
    ran past ``timeout`` seconds (it is then killed)."""
    cmd = _auditor()
    if not Path(cmd[0]).is_absolute():
        cmd[0] = str(Path(cmd[0]).resolve())
    proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, *cmd, *args], stdout=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the launcher and the command it runs
        proc.communicate()
        return None
    code, cpu, rss_kb = out.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"auditor {' '.join(args)} failed (exit {code})")
    return float(cpu), int(rss_kb) / 1024


def _one_line_document(mb: float) -> Iterator[str]:
    article = (ROOT / "samples" / "en_planted.txt").read_text(encoding="utf-8")
    line = " ".join(part.strip() for part in article.splitlines() if part.strip())
    copies = int(mb * 1_000_000 / len(line.encode("utf-8"))) + 1
    yield from (line if k == 0 else " " + line for k in range(copies))
    yield "\n"


def _short_lines(n: int) -> Iterator[str]:
    sentences = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s.strip() for s in line.replace(". ", ".\n").splitlines() if s.strip()]
    return (sentences[k % len(sentences)] + "\n" for k in range(n))


def _names(n: int) -> Iterator[str]:
    text = (ROOT / "auditor" / "data" / "stylesheet.tsv").read_text(encoding="utf-8")
    spellings = []
    for row in csv.DictReader(io.StringIO(text), dialect="excel-tab"):
        spellings += [row["canonical"], *(v for v in (row.get("variants") or "").split("|") if v.strip())]
    rng = random.Random(1)
    pool = list(spellings)
    for name in spellings:  # variants the sheet does not list: a dropped letter, a surname alone
        if len(name) > 5:
            k = rng.randrange(1, len(name) - 1)
            pool.append(name[:k] + name[k + 1:])
        pool.append(name.split()[-1])
    return (rng.choice(pool) + "\n" for _ in range(n))


def scaling(doc_mb: float, skip_largest: bool, timeout: float | None = None) -> None:
    """Time per MB and peak memory at three sizes of each input, for each command."""
    families = [
        ("document", [("1x", lambda: _one_line_document(doc_mb)), ("10x", lambda: _one_line_document(10 * doc_mb)),
                      ("100x", lambda: _one_line_document(100 * doc_mb))], ("check", "fix", "entities")),
        ("short lines", [("10k", lambda: _short_lines(10_000)), ("100k", lambda: _short_lines(100_000)),
                         ("1M", lambda: _short_lines(1_000_000))], ("check", "fix", "entities")),
        ("names", [("10k", lambda: _names(10_000)), ("100k", lambda: _names(100_000)),
                   ("1M", lambda: _names(1_000_000))], ("names",)),
    ]
    commands = {"check": ["check", "--fail-on", "never"], "fix": ["fix", "--diff"], "entities": ["entities"],
                "names": ["names", "normalize"]}
    shown = {"check": "check", "fix": "fix --diff", "entities": "entities", "names": "names normalize"}
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("Officials said the port reopened.\n", encoding="utf-8")
        startup = {name: min(measure(args + [str(tiny)]) for _ in range(3)) for name, args in commands.items()}
        print("== scaling: one process per run; CPU s net of start-up, s/MB, its ratio to the first size "
              "that takes 0.1 s or more (1.00 = linear), peak RSS; start-up: "
              + ", ".join(f"{shown[n]} {cpu:.2f} s {rss:.0f} MB" for n, (cpu, rss) in startup.items()))
        for family, sizes, names in families:
            if skip_largest:
                sizes = sizes[:2]
            files = []
            for label, build in sizes:
                path = Path(tmp) / f"{family.replace(' ', '_')}_{label}.txt"
                with path.open("w", encoding="utf-8") as out:
                    out.writelines(build())  # written as generated: this process stays small
                files.append((label, path, path.stat().st_size / 1_000_000))
            for name in names:
                reference = None
                for label, path, mb in files:
                    head = f"{shown[name]:<16} {family:<11} {label:>4} {mb:7.2f} MB"
                    got = measure(commands[name] + [str(path)], timeout)
                    if got is None:
                        print(f"{head}  did not finish in {timeout:.0f} s", flush=True)
                        break  # the larger sizes would not either
                    cpu, rss = got
                    net = max(cpu - startup[name][0], 0.0)
                    if reference is None and net >= 0.1:
                        reference = net / mb
                    ratio = f"x{net / mb / reference:5.2f}" if reference else "     -"
                    print(f"{head}  {net:7.2f} s  {net / mb:6.3f} s/MB  {ratio}  "
                          f"peak RSS {rss:6.0f} MB ({(rss - startup[name][1]) / mb:5.1f} MB per MB over start-up)",
                          flush=True)
            for _, path, _ in files:
                path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description="auditor check throughput and cold start")
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes; the best counts (default 3)")
    parser.add_argument("--doc-mb", type=float, default=0.5, help="scaling: the 1x document in MB (default 0.5)")
    parser.add_argument("--skip-largest", action="store_true", help="scaling: leave out 100x and 1M lines")
    parser.add_argument("--scaling-only", action="store_true", help="only the scaling figures")
    parser.add_argument("--no-scaling", action="store_true", help="only the throughput and cold-start figures")
    parser.add_argument("--timeout", type=float, default=None, help="scaling: give up on a run after this many s")
    parser.add_argument("--rules", action="store_true", help="only each rule's s/MB on the corpora")
    args = parser.parse_args()
    if args.rules:
        from rule_costs import rule_costs

        for label, folder in (("samples/", ROOT / "samples"), ("../shared/seeds", SHARED / "seeds")):
            if folder.is_dir():
                print(f"== corpus assembled from {label}")
                rule_costs(corpus(args.mb, folder), args.passes, _baseline)
        return
    if not args.scaling_only:
        print("== corpus assembled from samples/ (short documents, dense with planted artifacts)")
        throughput(corpus(args.mb), args.passes)
        seeds = SHARED / "seeds"
        if seeds.is_dir():
            # Real scraped wire copy, where it is at hand: article-length documents.
            print("== the same, assembled from ../shared/seeds (real scraped wire copy)")
            throughput(corpus(args.mb, seeds), args.passes)
        cold_start()
    if not args.no_scaling:
        scaling(args.doc_mb, args.skip_largest, args.timeout)


if __name__ == "__main__":
    main()
