"""The command line: formats, exit codes, errors and the JSON/SARIF contracts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from auditor.cli import cli
from tests.conftest import ROOT, SAMPLES

GLUED = "Supreme leader Ali Khamenei spoke. Aides said Ali Khameneireiterated his support.\n"
COL = GLUED.index("Khameneireiterated") + 1
CLEAN = "The port reopened on Monday after the storm, officials said.\n"


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


@pytest.fixture
def glued_file(tmp_path: Path) -> Path:
    p = tmp_path / "glued.txt"
    p.write_text(GLUED, encoding="utf-8")
    return p


def test_text_format_line_shape_and_summary(glued_file):
    result = run(["check", str(glued_file)])
    assert result.exit_code == 1
    first, summary = result.output.splitlines()[0], result.output.splitlines()[-1]
    assert first == (f"{glued_file}:1:{COL}: glued-token [error] 'Khamenei' and 'reiterated' run together "
                     "-> Khamenei reiterated")
    assert summary.startswith("1 finding (1 error) in 1 of 1 file")


def test_json_contract(glued_file):
    result = run(["check", "--format", "json", str(glued_file)])
    data = json.loads(result.output)
    assert data["version"] == 1
    (f,) = data["files"]
    assert set(f) == {"path", "language", "words", "score", "findings"}
    assert f["language"] == "en" and f["words"] == 11 and 0 <= f["score"] < 100
    (finding,) = f["findings"]
    assert set(finding) == {"rule", "severity", "message", "line", "column", "end_line", "end_column",
                            "start", "end", "text", "suggestion"}
    assert GLUED[finding["start"]:finding["end"]] == finding["text"] == "Khameneireiterated"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, COL, 1, COL + 18)
    assert data["summary"] == {"files": 1, "findings": 1, "by_rule": {"glued-token": 1}}


def test_json_offsets_are_code_points_after_non_ascii(tmp_path):
    text = "Überraschung 😀 in São Paulo.\nLater Ali Khamenei spoke. Ali Khameneireiterated it.\n"
    p = tmp_path / "u.txt"
    p.write_text(text, encoding="utf-8")
    data = json.loads(run(["check", "--format", "json", "--lang", "en", "--select", "glued-token", str(p)]).output)
    (finding,) = data["files"][0]["findings"]
    assert text[finding["start"]:finding["end"]] == "Khameneireiterated"
    assert finding["line"] == 2 and finding["column"] == text.splitlines()[1].index("Khameneireiterated") + 1


def test_sarif_validates_against_the_official_schema():
    schema = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    result = run(["check", "--format", "sarif", str(SAMPLES)])
    log = json.loads(result.output)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert results and all(r["ruleId"] for r in results)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_github_annotations(glued_file):
    out = run(["check", "--format", "github", str(glued_file)]).output.splitlines()
    assert out[0].startswith(f"::error file={glued_file},line=1,col={COL},endColumn={COL + 18},title=glued-token::")


def test_exit_codes_and_fail_on(glued_file, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert run(["check", str(clean)]).exit_code == 0
    assert run(["check", str(glued_file)]).exit_code == 1
    assert run(["check", "--fail-on", "never", str(glued_file)]).exit_code == 0
    assert run(["check", "--fail-on", "error", str(glued_file)]).exit_code == 1
    warn_only = tmp_path / "w.txt"
    warn_only.write_text("He examined the the crane on Monday.\n", encoding="utf-8")
    assert run(["check", "--fail-on", "error", str(warn_only)]).exit_code == 0
    assert run(["check", "--fail-on", "warning", str(warn_only)]).exit_code == 1


def test_select_ignore(glued_file):
    assert run(["check", "--ignore", "glued-token", str(glued_file)]).exit_code == 0
    assert run(["check", "--select", "fragment,doubled-word", str(glued_file)]).exit_code == 0


def test_stdin():
    result = run(["check", "-", "--format", "json"], input=GLUED)
    assert result.exit_code == 1
    assert json.loads(result.output)["files"][0]["path"] == "-"


def test_directory_is_checked_recursively(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(GLUED, encoding="utf-8")
    (tmp_path / "two.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "skip.json").write_text("{}", encoding="utf-8")
    data = json.loads(run(["check", "--format", "json", str(tmp_path)]).output)
    assert sorted(Path(f["path"]).name for f in data["files"]) == ["one.txt", "two.md"]


@pytest.mark.parametrize("make,expected", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01binary") and d / "bin.txt", "binary file"),
    (lambda d: (d / "latin.txt").write_bytes("café".encode("latin-1")) and d / "latin.txt", "not valid UTF-8"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "no *.txt, *.md, *.html or *.htm files"),
])
def test_input_errors_are_one_line_exit_2(tmp_path, make, expected):
    path = make(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert expected in result.output and result.output.count("\n") == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args,expected", [
    (["--select", "no-such-rule"], "unknown rule 'no-such-rule'"),
    (["--lang", "xx"], "unsupported language 'xx'"),
    (["--format", "yaml"], "Invalid value for '--format'"),
])
def test_usage_errors_exit_2(glued_file, args, expected):
    result = CliRunner().invoke(cli, ["check", *args, str(glued_file)])
    assert result.exit_code == 2 and expected in result.output


def test_config_file_overrides_severity(glued_file, tmp_path):
    cfg = tmp_path / "auditor.toml"
    cfg.write_text('fail-on = "error"\n[severity]\nglued-token = "info"\n', encoding="utf-8")
    result = run(["check", "--config", str(cfg), "--format", "json", str(glued_file)])
    assert result.exit_code == 0
    assert json.loads(result.output)["files"][0]["findings"][0]["severity"] == "info"
    bad = tmp_path / "bad.toml"
    bad.write_text("[severity]\nglued-token = 'fatal'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--config", str(bad), str(glued_file)])
    assert result.exit_code == 2 and "unknown severity" in result.output


def test_output_file_is_written_atomically(glued_file, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    result = run(["check", "--format", "json", "-o", str(out), str(glued_file)])
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_rules_command_lists_every_rule():
    from auditor.rules import RULES

    out = run(["rules"]).output
    assert all(rid in out for rid in RULES)


@pytest.mark.slow
def test_console_script_end_to_end(glued_file):
    """The installed entry point, in a real process: exit codes and no traceback on bad input."""
    exe = Path(sys.executable).with_name("auditor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor"]
    ok = subprocess.run(cmd + ["check", "--format", "json", str(glued_file)], capture_output=True, text=True)
    assert ok.returncode == 1 and json.loads(ok.stdout)["summary"]["findings"] == 1
    bad = subprocess.run(cmd + ["check", "/nonexistent/file.txt"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.strip() == "auditor: error: /nonexistent/file.txt: no such file or directory"
    demo = subprocess.run(cmd + ["check", str(SAMPLES), "--fail-on", "never"], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})
    assert demo.returncode == 0 and "glued-token" in demo.stdout
