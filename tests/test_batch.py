"""auditor clean: every format, bad records, the same decisions as auditor check, resume."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from tests.conftest import SAMPLES

pytest.importorskip("datatrove", reason="auditor clean needs the batch extra")

STORIES = sorted(SAMPLES.glob("*_*.txt"))  # 4 planted, 4 clean, in four languages


def run(args):
    return CliRunner().invoke(cli, ["clean", *map(str, args)], catch_exceptions=False)


def records(folder: Path) -> list[dict]:
    """Every record of every JSONL output file in ``folder``."""
    out = []
    for path in sorted(folder.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh)
    return out


def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for n, story in enumerate(STORIES * 2):
            fh.write(json.dumps({"doc": f"d{n}", "body": story.read_text(encoding="utf-8"), "src": story.name}) + "\n")
    return path


def outcome(outdir: Path) -> tuple[set, set]:
    return ({r["doc"] for r in records(outdir / "kept")}, {r["doc"] for r in records(outdir / "rejected")})


def test_policy_reasons():
    from auditor.batch.policy import Policy

    report = SimpleNamespace(score=40, words=200, language="es", quality=5.0,
                             findings=[SimpleNamespace(rule="mojibake")] * 5)
    assert Policy().reasons(report) == ["min-score"]
    strict = Policy(min_score=30, reject_rules=("mojibake", "fragment"), max_findings_per_1k=20,
                    min_quality=10, languages=("en",))
    assert strict.reasons(report) == ["rule:mojibake", "max-findings-per-1k", "min-quality", "language"]
    assert Policy(annotate_only=True).reasons(report) == []


def test_jsonl_matches_check_and_keeps_fields(tmp_path):
    from auditor.batch.policy import Policy

    src, out = corpus(tmp_path), tmp_path / "out"
    result = run([src, "-o", out, "--field", "body", "--id-field", "doc", "--workers", "1", "--min-score", "60"])
    assert result.exit_code == 0, result.output
    assert "read 16 = kept" in result.output and "checked" in result.output
    kept, rejected = outcome(out)
    assert kept.isdisjoint(rejected) and len(kept | rejected) == 16
    # auditor check's report on the same texts, judged by the same policy
    expected = set()
    policy = Policy(min_score=60)
    for n, story in enumerate(STORIES * 2):
        report = json.loads(CliRunner().invoke(cli, ["check", "--format", "json", str(story)]).output)["files"][0]
        ns = SimpleNamespace(score=report["score"], words=report["words"], language=report["language"], quality=None,
                             findings=[SimpleNamespace(rule=f["rule"]) for f in report["findings"]])
        if not policy.reasons(ns):
            expected.add(f"d{n}")
    assert kept == expected and 0 < len(kept) < 16
    first = records(out / "kept")[0]
    assert set(first) >= {"doc", "body", "src", "auditor_score", "auditor_language", "auditor_findings"}
    assert all(r["auditor_reasons"] == ["min-score"] for r in records(out / "rejected"))
    stats = json.loads((out / "stats.json").read_text())
    assert stats["read"] == 16 and stats["kept"] == len(kept) and sum(stats["score_histogram"]["counts"]) == 16
    assert stats["rejection_reasons"] == {"min-score": 16 - len(kept)} and stats["rejected_sample"]


def _write_formats(folder: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard

    lines = "".join(json.dumps(r) + "\n" for r in rows).encode()
    (folder / "a.jsonl.gz").write_bytes(gzip.compress(lines))
    (folder / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(lines))
    for name, delimiter in (("c.csv", ","), ("d.tsv", "\t")):
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, ["id", "text"], delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)
    pq.write_table(pa.Table.from_pylist(rows), folder / "e.parquet")
    texts = folder / "texts"
    texts.mkdir()
    for r in rows:
        (texts / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")


def test_every_format_round_trips(tmp_path):
    import pyarrow.parquet as pq

    rows = [{"id": f"r{n}", "text": s.read_text(encoding="utf-8")} for n, s in enumerate(STORIES[:4])]
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write_formats(inputs, rows)
    out = tmp_path / "out"
    result = run([inputs, "-o", out, "--id-field", "id", "--workers", "1", "--task-size", "3"])
    assert result.exit_code == 0, result.output
    assert "read 24 = " in result.output
    names = sorted(p.name for p in (out / "kept").iterdir()) + sorted(p.name for p in (out / "rejected").iterdir())
    for ext in (".jsonl.gz", ".jsonl.zst", ".csv", ".tsv", ".parquet", ".jsonl"):
        assert any(n.endswith(ext) for n in names), (ext, names)
    parquet = [pq.read_table(p).to_pylist() for d in ("kept", "rejected") for p in (out / d).glob("*.parquet")]
    assert sorted(r["id"] for t in parquet for r in t) == ["r0", "r1", "r2", "r3"]
    assert all("auditor_score" in r for t in parquet for r in t)
    with open(next((out / "kept").glob("*.csv")), encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["text"].strip() and json.loads(row["auditor_findings"]) is not None


def test_bad_records_are_rejected_never_dropped(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_bytes(b'{"id": 1, "text": "The port reopened on Monday, officials said."}\n'
                    b'not json\n[1, 2]\n{"id": 4}\n{"id": 5, "text": 7}\n{"id": 6, "text": "caf\xe9"}\n\n')
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text('id,text\n1,"Officials said the port reopened on Monday."\n2,too,many\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run([src, bad_csv, "-o", out, "--workers", "1"])
    assert result.exit_code == 0, result.output
    stats = json.loads((out / "stats.json").read_text())
    assert (stats["read"], stats["kept"], stats["unreadable"]) == (8, 2, 6)
    rejected = records(out / "rejected")
    assert len(rejected) == 5 and all(r["auditor_reasons"] == ["unreadable"] for r in rejected)
    assert any(r.get("auditor_raw") == "not json" for r in rejected)


def test_empty_input_and_config_change_on_resume(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    out = tmp_path / "out"
    result = run([empty, "-o", out])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "stats.json").read_text())["read"] == 0
    again = run([empty, "-o", out])  # the same run again: nothing to do
    assert again.exit_code == 0
    changed = run([empty, "-o", out, "--min-score", "90"])
    assert changed.exit_code == 2 and "another configuration" in changed.output and "--overwrite" in changed.output
    assert run([empty, "-o", out, "--min-score", "90", "--overwrite"]).exit_code == 0


def test_clean_table_in_config(tmp_path):
    conf = tmp_path / "auditor.toml"
    conf.write_text("[clean]\nmin-scor = 3\n")
    result = run([corpus(tmp_path), "-o", tmp_path / "o", "--config", conf])
    assert result.exit_code == 2 and "did you mean 'min-score'" in result.output
    conf.write_text("[clean]\nmin-score = 101\n")
    assert "from 0 to 100" in run([corpus(tmp_path), "-o", tmp_path / "o", "--config", conf]).output


def test_annotate_only_and_languages(tmp_path):
    src, out = corpus(tmp_path), tmp_path / "out"
    result = run([src, "-o", out, "--field", "body", "--id-field", "doc", "--annotate-only", "--workers", "1"])
    assert result.exit_code == 0 and len(outcome(out)[0]) == 16
    out2 = tmp_path / "out2"
    run([src, "-o", out2, "--field", "body", "--id-field", "doc", "--languages", "en", "--min-score", "0",
         "--workers", "1"])
    assert {r["auditor_language"] for r in records(out2 / "kept")} == {"en"}
    assert {r["auditor_reasons"][0] for r in records(out2 / "rejected")} == {"language"}


def test_tasks_seek_to_their_slice_of_a_jsonl_file(tmp_path):
    from auditor.batch.formats import read_records
    from auditor.batch.plan import Task, make_tasks

    src = tmp_path / "c.jsonl"
    lines = [json.dumps({"text": f"Story {n} said."}) if n % 3 else "  " for n in range(20)]
    src.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    tasks = make_tasks([str(src)], 4)
    assert [(t.start, t.stop) for t in tasks] == [(0, 4), (4, 8), (8, 12), (12, 13)] and all(t.seek for t in tasks)
    seeked = [r.id for t in tasks for r in read_records(t.sources[0], t.start, t.stop, "text", None, seek=t.seek)]
    scanned = [r.id for t in tasks for r in read_records(t.sources[0], t.start, t.stop, "text", None)]
    assert seeked == scanned == [f"c.jsonl:{n + 1}" for n in range(20) if n % 3]
    assert Task.from_dict(json.loads(json.dumps(tasks[2].to_dict()))) == tasks[2]
    earlier = {k: v for k, v in tasks[2].to_dict().items() if k != "seek"}  # a plan written before seeks
    assert Task.from_dict(earlier).seek is None


def test_fix_of_a_markdown_record_edits_its_prose_only():
    # A .md record is checked as Markdown; its fixes are re-checked the same way, so code spans
    # keep what they hold.
    from auditor.batch.policy import Policy, RecordAuditor
    from auditor.session import Options, Session

    text = "Officials met on Tuesday.The talks ended.\n\nRun `make.The` first, then `check.It` again.\n"
    auditor = RecordAuditor(Session(Options(language="en")), Policy(min_score=None), fix_rules=("missing-space",))
    verdict = auditor.audit(text, "notes.md")
    assert verdict.text == "Officials met on Tuesday. The talks ended.\n\nRun `make.The` first, then `check.It` again.\n"
