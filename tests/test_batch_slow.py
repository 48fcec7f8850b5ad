"""auditor clean end to end: processes, Ray, a kill -9 and its resume, corpus-wide names."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_batch import STORIES, corpus, outcome, records, run

pytest.importorskip("datatrove", reason="auditor clean needs the batch extra")
pytestmark = pytest.mark.slow


def test_two_local_workers_and_ray_decide_as_one_process(tmp_path):
    pytest.importorskip("ray")
    src = corpus(tmp_path)
    common = ["--field", "body", "--id-field", "doc", "--task-size", "4", "--min-score", "60"]
    one, two, ray_out = tmp_path / "one", tmp_path / "two", tmp_path / "ray"
    assert run([src, "-o", one, "--workers", "1", *common]).exit_code == 0
    assert run([src, "-o", two, "--workers", "2", *common]).exit_code == 0
    result = run([src, "-o", ray_out, "--executor", "ray", "--workers", "2", *common])  # ray.init(num_cpus=2)
    assert result.exit_code == 0, result.output
    assert outcome(one) == outcome(two) == outcome(ray_out)
    stats = [json.loads((d / "stats.json").read_text()) for d in (one, two, ray_out)]
    assert stats[0]["rules"] == stats[1]["rules"] == stats[2]["rules"]
    assert stats[0]["rejected_sample"] == stats[2]["rejected_sample"]  # the same sample whatever the executor


def _big_corpus(tmp_path: Path, copies: int) -> tuple[Path, int]:
    path = tmp_path / "big.jsonl"
    texts = [s.read_text(encoding="utf-8") for s in STORIES]
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(copies):
            for text in texts:
                fh.write(json.dumps({"id": f"d{n}", "text": text}) + "\n")
                n += 1
    return path, n


def test_kill_9_mid_run_then_resume_gives_every_record_once(tmp_path):
    src, n = _big_corpus(tmp_path, 60)  # 480 records, 48 tasks
    out = tmp_path / "out"
    command = [sys.executable, "-m", "auditor", "clean", str(src), "-o", str(out), "--id-field", "id",
               "--workers", "1", "--task-size", "10", "--no-progress"]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    markers = out / ".datatrove" / "clean" / "completions"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(markers.glob("*")) if markers.is_dir() else []) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(p.name for p in markers.glob("*"))
    assert 3 <= len(done) < 48, "the run should have been killed part way"
    before = {p.name: p.stat().st_mtime_ns for p in (out / "kept").glob("*.jsonl")}
    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for r in records(out / "kept") + records(out / "rejected")]
    assert len(ids) == n and len(set(ids)) == n  # every record, each once
    after = {p.name: p.stat().st_mtime_ns for p in (out / "kept").glob("*.jsonl")}
    for name in done:  # finished tasks were not redone
        if f"{name}.jsonl" in before:
            assert after[f"{name}.jsonl"] == before[f"{name}.jsonl"]
    assert not list((out / "kept").glob(".*.tmp"))
    assert f"read {n:,} = kept" in resumed.stderr


def test_normalize_names_learns_across_shards(tmp_path):
    story = "Ismail {name} said on Monday that the talks in Cairo would resume next week, officials said."
    rows = [{"id": f"a{n}", "text": story.format(name="Haniyeh")} for n in range(6)]
    rows.append({"id": "odd", "text": story.format(name="Haniya")})
    src = tmp_path / "names.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    result = run([src, "-o", out, "--id-field", "id", "--normalize-names", "--task-size", "2", "--workers", "1",
                  "--min-score", "0"])
    assert result.exit_code == 0, result.output
    odd = next(r for r in records(out / "kept") if r["id"] == "odd")
    assert "Haniyeh" in odd["text"] and any(f["rule"] == "name-variant" for f in odd["auditor_fixes"])
    clusters = json.loads((out / "stats.json").read_text())["entity_clusters"]
    assert clusters[0]["canonical"] == "Haniyeh" and clusters[0]["variants"] == {"Haniyeh": 6, "Haniya": 1}
