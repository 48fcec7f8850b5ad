"""`auditor backtranslate`, `auditor models` and `auditor check --backtranslate/--source`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from auditor.cli import cli


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    # Model registries and folders of this machine's user stay out of the tests.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.delenv("AUDITOR_MODELS", raising=False)


def test_plain_text_one_record_per_line_in_order(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("The ship is in the port.\n\nOfficials met in the city on Tuesday.\n", encoding="utf-8")
    result = run(["backtranslate", str(src)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 3]
    assert records[0]["pivot_text"] == "O navio está no porto."
    for r in records:
        assert set(r) >= {"text", "pivot_text", "roundtrip", "chrf", "bleu", "ter", "quality", "changes"}
    assert "3 read, 2 round-tripped, 0 rejected, 1 blank" in result.stderr
    # The summary line ends with the corpus scores' sacrebleu signatures, once for the run.
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.count("nrefs:1") == 3 and "chrF2|nrefs:1|case:mixed|eff:yes" in summary
    assert "BLEU|nrefs:1|" in summary and summary.split("; ")[-1].split(" ")[-1].startswith("TER|nrefs:1|")
    assert not any("nrefs" in line for line in result.stdout.splitlines())


def test_jsonl_keeps_fields_and_accounts_for_every_record(tmp_path):
    lines = [{"id": 1, "body": "The ship is in the port."}, {"id": 2, "other": "no body"},
             {"id": 3, "body": "Officials met in the city on Tuesday."}]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(["backtranslate", "--field", "body", "--lang", "en", "-o", str(out), str(src)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [1, 2, 3]
    assert records[1]["error"] == "no text in field 'body'" and "roundtrip" not in records[1]
    assert records[2]["body"] == lines[2]["body"] and "quality" in records[2]
    assert "3 read, 2 round-tripped, 1 rejected, 0 blank" in result.stderr


def test_bilingual_records_check_numbers_and_names(tmp_path):
    rec = {"src": "O porto de Santos recebeu 1.200 navios, disse Albuquerque.",
           "mt": "The port received ships, said the director."}
    src = tmp_path / "pairs.jsonl"
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    result = run(["backtranslate", "--field", "mt", "--source-field", "src", "--source-lang", "pt", str(src)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["numbers_missing"] == ["1.200"]
    assert out["names_missing"] == ["Santos", "Albuquerque"]
    assert "back_to_source" in out and 0 <= out["source_chrf"] <= 100


@pytest.mark.parametrize("args, message", [
    (["--engine", "nope"], "unknown engine 'nope' (available: bergamot, transformers, ctranslate2"),
    (["--lang", "es"], "no bergamot model translates es-en; available: bergamot-en-pt"),
])
def test_engine_errors_are_one_line_listing_what_is_available(tmp_path, args, message):
    src = tmp_path / "in.txt"
    src.write_text("Hola.\n", encoding="utf-8")
    result = run(["backtranslate", *args, str(src)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_malformed_jsonl_lines_become_error_records_not_an_abort(tmp_path):
    lines = ['{"text": "The ship is in the port."}', '{broken', '[1, 2]', '"a string"', '42', '',
             '{"text": ""}', '{"text": "   "}', '{"text": "\U0001F600\U0001F389 \u2728"}',
             '{"text": "The port reopened.", "score": NaN, "hi": Infinity, "big": 1e999}']
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(["backtranslate", "--lang", "en", str(src)])
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    records = [json.loads(line, parse_constant=pytest.fail) for line in out]  # strict JSON only
    assert len(records) == 9  # the blank line is counted, not echoed
    assert records[1] == {"line": 2, "raw": "{broken",
                          "error": "not a JSON record (Expecting property name enclosed in double "
                                   "quotes at column 2)"}
    assert [r["error"] for r in records[2:5]] == [
        "a JSONL line must be an object, not a list", "a JSONL line must be an object, not a string",
        "a JSONL line must be an object, not a number"]
    assert [r["line"] for r in records[1:5]] == [2, 3, 4, 5]
    assert records[5]["error"] == records[6]["error"] == "empty text in field 'text'"
    assert records[7]["error"] == "text in field 'text' has no letters to translate"
    assert all("roundtrip" not in r for r in records[1:8])
    assert records[8]["score"] is None and records[8]["hi"] is None and records[8]["big"] is None
    assert "roundtrip" in records[0] and "roundtrip" in records[8]
    assert "10 read, 2 round-tripped, 7 rejected, 1 blank" in result.stderr


def test_empty_input_reports_no_corpus_scores(tmp_path):
    src = tmp_path / "empty.txt"
    src.write_text("\n\n", encoding="utf-8")
    result = run(["backtranslate", str(src)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "2 read, 0 round-tripped, 0 rejected, 2 blank" in result.stderr
    assert "no segments" in result.stderr and "chrF" not in result.stderr


def test_models_lists_the_bundled_engine_and_a_registry(tmp_path):
    reg = tmp_path / "registry.toml"
    reg.write_text('[[model]]\nname = "missing"\nengine = "ctranslate2"\npath = "nowhere"\n'
                   'pairs = ["en-de"]\nlicence = "CC-BY-4.0"\n', encoding="utf-8")
    result = run(["models", "--registry", str(reg)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["bergamot-en-pt", "bergamot", "en-pt,pt-en", "MIT", "(bundled)", "ok"]
    assert lines[2].startswith("missing") and f"not installed: no folder {tmp_path / 'nowhere'}" in lines[2]


def test_models_tells_not_installed_from_failing_to_load(tmp_path, monkeypatch):
    pytest.importorskip("ctranslate2")
    models = tmp_path / "models"
    broken = models / "opus-mt-en-de-ct2"  # a folder of the shipped registry, but no model in it
    broken.mkdir(parents=True)
    (broken / "model.bin").write_bytes(b"not a model")
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(models))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = run(["models"])
    assert result.exit_code == 0, result.output
    status = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert "fails" not in status["opus-mt-en-ROMANCE"]
    assert "not installed: no folder " + str(models / "opus-mt-en-ROMANCE") in status["opus-mt-en-ROMANCE"]
    assert "Helsinki-NLP/opus-mt-en-ROMANCE" in status["opus-mt-en-ROMANCE"]  # how to add it
    assert "fails to load:" in status["opus-mt-en-de-ct2"]


def test_registry_models_are_found_from_any_working_folder(tmp_path, monkeypatch):
    from auditor.mt.registry import all_entries

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(tmp_path / "models"))
    config = tmp_path / "config"
    (config / "auditor").mkdir(parents=True)
    (config / "auditor" / "models.toml").write_text(
        '[[model]]\nname = "house-en-pt"\nengine = "ctranslate2"\npath = "house"\npairs = ["en-pt"]\n',
        encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    result = run(["backtranslate", "--engine", "opus-mt-en-ROMANCE", "-"], input="The ship.\n")
    assert result.exit_code == 2
    assert "unknown engine" not in result.stderr
    assert f"model 'opus-mt-en-ROMANCE' is not installed: no folder {tmp_path / 'models' / 'opus-mt-en-ROMANCE'}" \
        in result.stderr
    paths = {e.name: e.path for e in all_entries()}
    assert paths["house-en-pt"] == str(config / "auditor" / "house")  # relative to the user's file
    assert paths["opus-mt-en-ROMANCE"] == str(tmp_path / "models" / "opus-mt-en-ROMANCE")


def test_check_backtranslate_reports_divergence(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("The ship is in the port of Santos.\n\nAsdkj qweoiu zxcmnb werwer plokij.\n", encoding="utf-8")
    result = run(["check", "--backtranslate", "--format", "json", "--fail-on", "never", str(doc)])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["files"][0]["findings"]
    rt = [f for f in findings if f["rule"] == "roundtrip-divergence"]
    assert len(rt) == 1 and rt[0]["line"] == 3
    plain = run(["check", "--format", "json", "--fail-on", "never", str(doc)])
    assert "roundtrip-divergence" not in plain.stdout


def test_check_source_reports_lost_numbers(tmp_path):
    source = tmp_path / "src.txt"
    source.write_text("O porto recebeu 1.200 navios em 2023.\n", encoding="utf-8")
    target = tmp_path / "en.txt"
    target.write_text("The port received many ships in 2023.\n", encoding="utf-8")
    result = run(["check", "--source", str(source), "--format", "json", str(target)])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["message"] for f in findings if f["rule"] == "source-mismatch"] == \
        ["number '1.200' of the source is missing here"]
    assert result.exit_code == 1
    both = run(["check", "--source", str(source), str(target), str(target)])
    assert both.exit_code == 2 and "pairs one source file with one translated file" in both.stderr


def test_mt_system_confidence_is_used_when_records_carry_it(tmp_path):
    rec = {"src": "O navio está no porto.", "mt": "The ship is in the port."}
    src = tmp_path / "pairs.jsonl"
    src.write_text(json.dumps({**rec, "nmt_model_score": -0.1}) + "\n"
                   + json.dumps({**rec, "nmt_model_score": -2.5}) + "\n", encoding="utf-8")
    result = run(["backtranslate", "--field", "mt", "--source-field", "src", "--source-lang", "pt", str(src)])
    assert result.exit_code == 0, result.output
    confident, unsure = (json.loads(line)["quality"] for line in result.stdout.splitlines())
    assert confident > unsure
    assert "confidence from field 'nmt_model_score'" in result.stderr


def test_confidence_without_a_source_uses_the_monolingual_model(tmp_path):
    src = tmp_path / "mt.jsonl"
    src.write_text(json.dumps({"text": "The ship is in the port.", "nmt_model_score": -0.1}) + "\n"
                   + json.dumps({"text": "The ship is in the port.", "nmt_model_score": -2.5}) + "\n",
                   encoding="utf-8")
    result = run(["backtranslate", str(src)])
    assert result.exit_code == 0, result.output
    confident, unsure = (json.loads(line)["quality"] for line in result.stdout.splitlines())
    assert confident > unsure


def test_a_long_line_is_translated_in_pieces_and_says_so(tmp_path, monkeypatch):
    import auditor.mt
    from auditor.mt.pieces import MAX_CHARS

    from test_mt import RecordingEngine

    eng = RecordingEngine()
    monkeypatch.setattr(auditor.mt, "resolve", lambda *a, **k: eng)
    # Scoring is bounded too: TER is quadratic, so no score may be taken over a whole long line.
    from sacrebleu.metrics import TER

    scored = []
    real = TER._compute_segment_statistics
    monkeypatch.setattr(TER, "_compute_segment_statistics",
                        lambda self, hyp, ref_kwargs: scored.append(len(hyp)) or real(self, hyp, ref_kwargs))
    src = tmp_path / "long.txt"
    src.write_text("A short line.\n" + 'He said "' * 2000 + "\n", encoding="utf-8")
    result = run(["backtranslate", "--lang", "en", "--no-cache", "--progress", str(src)])
    assert result.exit_code == 0, result.output
    short, long = (json.loads(line) for line in result.stdout.splitlines())
    assert "split_for_mt" not in short
    assert long["split_for_mt"] == 1 and long["hard_cuts"] == 0
    assert max(eng.lengths) <= MAX_CHARS
    assert scored and max(scored) <= 1.5 * MAX_CHARS + 20  # a piece's round trip, clipped
    # Off a terminal, progress is plain lines with counts, ending at 100%.
    progress = [line for line in result.stderr.splitlines() if "round trips:" in line]
    assert progress and "(100%)" in progress[-1]


def test_plain_progress_lines_come_every_tenth_and_after_a_pause():
    import io

    from auditor.progress import Progress

    now = [0.0]
    out = io.StringIO()
    p = Progress("round trips", unit="sentences", stream=out, delay=2.0, interval=10.0, clock=lambda: now[0])
    p.start(400)
    now[0] = 1.0
    p.update(40)  # a tenth, but within the first two seconds: a short run prints nothing
    now[0] = 3.0
    p.update(1)  # past the delay: the first line
    p.update(3)  # no new tenth and no long pause: quiet
    p.update(40)  # 84 done: the second tenth
    now[0] = 30.0
    p.update(1)  # a long pause: a line even though the next tenth is far
    p.update(315)
    p.finish()
    lines = out.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "auditor: round trips: 41/400 sentences (10%)", "auditor: round trips: 84/400 sentences (21%)",
        "auditor: round trips: 85/400 sentences (21%)", "auditor: round trips: 400/400 sentences (100%)"]


def test_an_unusable_cache_location_is_bypassed_with_a_note(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    cache = blocker / "sub" / "translations.sqlite3"  # its folder cannot be created
    result = run(["backtranslate", "--cache", str(cache), "-"], input="The ship is in the port.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pivot_text"] == "O navio está no porto."
    notes = [line for line in result.stderr.splitlines() if line.startswith("auditor: note:")]
    assert len(notes) == 1 and str(cache) in notes[0] and "AUDITOR_CACHE_DIR" in notes[0]
    assert "Traceback" not in result.stderr


def test_a_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path):
    cache = tmp_path / "translations.sqlite3"
    cache.write_bytes(bytes(range(256)) * 40)
    result = run(["backtranslate", "--cache", str(cache), "-"], input="The ship is in the port.\n")
    assert result.exit_code == 0, result.output
    assert f"{cache}: the translation cache was not a readable database; moved it to" in result.stderr
    assert [p.name.split("-")[0] for p in tmp_path.glob("translations.sqlite3.corrupt-*")] == \
        ["translations.sqlite3.corrupt"]
    again = run(["backtranslate", "--cache", str(cache), "-"], input="The ship is in the port.\n")
    assert again.exit_code == 0 and "cache hit rate 1.00" in again.stderr
