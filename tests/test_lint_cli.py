"""Pre-publication linting from the command line: baselines, changed lines, `auditor config`,
and the pre-commit hook and GitHub Action that run auditor by reference."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from auditor.cli import cli
from tests.conftest import ROOT

STORY = [
    "Officials said Benhaddoupraised the crew on Monday.",
    "The port reopened on Tuesday after repairs.",
    "The minister arrived on Tuesday.Then she left.",
]
NEW = "Later Okafortold reporters that the port was closed."


def run(*args, cwd=None):
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return CliRunner().invoke(cli, [str(a) for a in args])
    finally:
        os.chdir(old)


def texts(result):
    return [f["text"] for report in json.loads(result.output)["files"] for f in report["findings"]]


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_baseline_survives_moved_lines_and_reports_new_findings(tmp_path):
    story = write(tmp_path / "story.txt", *STORY)
    baseline = tmp_path / "baseline.json"
    first = run("check", story, "--format", "json", "--write-baseline", baseline)
    assert texts(first) == ["Benhaddoupraised", "Tuesday.Then"] and first.exit_code == 1
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["version"] == 1 and {r["text"] for r in recorded["findings"]} == {"Benhaddoupraised", "Tuesday.Then"}
    assert all("line" not in r for r in recorded["findings"])
    assert run("check", story, "--baseline", baseline).exit_code == 0  # nothing new
    # Lines inserted above move every finding: they stay known.
    write(story, "Port news", "", "A new paragraph about the weather today.", *STORY)
    quiet = run("check", story, "--format", "json", "--baseline", baseline)
    assert texts(quiet) == [] and quiet.exit_code == 0
    # A new finding is reported, and so is a second copy of a known one.
    write(story, *STORY, NEW, STORY[2])
    assert texts(run("check", story, "--format", "json", "--baseline", baseline)) == ["Okafortold", "Tuesday.Then"]


@pytest.mark.parametrize("content, message", [
    (None, "baseline not found"),
    ("{not json", "not a baseline file (bad JSON"),
    ('{"version": 7, "findings": []}', "not an auditor baseline of version 1"),
    ('{"version": 1, "findings": [{"path": "x"}]}', "lacks path, rule, text or context"),
])
def test_a_bad_baseline_is_one_line_exit_2(tmp_path, content, message):
    story = write(tmp_path / "story.txt", *STORY)
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = run("check", story, "--baseline", baseline)
    assert result.exit_code == 2 and message in result.output and result.output.count("\n") == 1


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root / "story.txt", *STORY)
    git(root, "add", "story.txt")
    git(root, "commit", "-q", "-m", "first")
    return root


def test_changed_since_reports_only_changed_lines_and_new_files(repo):
    assert texts(run("check", "story.txt", "--format", "json", "--changed-since", "HEAD", cwd=repo)) == []
    write(repo / "story.txt", "Intro line.", STORY[0], STORY[1], STORY[2].replace("minister", "ministers"), NEW)
    changed = run("check", "story.txt", "--format", "json", "--changed-since", "HEAD", cwd=repo)
    assert texts(changed) == ["Tuesday.Then", "Okafortold"]  # line 2 moved but did not change
    write(repo / "fresh.txt", STORY[0])  # untracked: every line is new
    both = run("check", ".", "--format", "json", "--changed-since", "HEAD", cwd=repo)
    assert sorted(texts(both)) == ["Benhaddoupraised", "Okafortold", "Tuesday.Then"]
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    assert texts(run("check", ".", "--format", "json", "--changed-since", "HEAD~1", cwd=repo)) == \
        texts(both)  # committed changes count against an older revision


def test_changed_since_outside_git_or_with_a_bad_revision_is_exit_2(repo, tmp_path):
    outside = tmp_path / "plain"
    outside.mkdir()
    write(outside / "story.txt", *STORY)
    result = run("check", "story.txt", "--changed-since", "HEAD", cwd=outside)
    assert result.exit_code == 2 and "not inside a git repository" in result.output
    assert result.output.count("\n") == 1
    bad = run("check", "story.txt", "--changed-since", "no-such-ref", cwd=repo)
    assert bad.exit_code == 2 and "unknown revision 'no-such-ref'" in bad.output and bad.output.count("\n") == 1


def test_github_format_annotates_changed_lines(repo):
    write(repo / "story.txt", *STORY, NEW)
    result = run("check", "story.txt", "--format", "github", "--changed-since", "HEAD", cwd=repo)
    lines = result.output.splitlines()
    assert lines[0].startswith("::error file=story.txt,line=4,col=7,endColumn=17,title=glued-token::")
    assert len(lines) == 2 and result.exit_code == 1


def test_config_prints_values_and_where_each_comes_from(tmp_path, monkeypatch):
    write(tmp_path / "allow.txt", "Benhado")
    write(tmp_path / "auditor.toml", 'ignore = ["boilerplate"]', 'allow = ["Okafor"]', 'allow-file = "allow.txt"',
          "[severity]", 'fragment = "info"')
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    result = run("config", "--fail-on", "error", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    source = str(tmp_path / "auditor.toml")
    for expected in (f'ignore = ["boilerplate"]  # {source}', 'fail-on = "error"  # command line',
                     f'allow = ["Okafor"]  # {source}', "select = []  # default  (every rule)",
                     f'fragment = "info"  # {source}', 'glued-token = "error"  # default',
                     f'cache = "{tmp_path / "cache" / "translations.sqlite3"}"  # env AUDITOR_CACHE_DIR'):
        assert expected in lines, (expected, lines)
    assert "# 2 allowed words and names in all" in lines
    data = json.loads(run("config", "--format", "json", "--select", "glued-token", cwd=tmp_path).output)
    assert data["settings"]["select"] == {"value": ["glued-token"], "source": "command line"}
    assert data["settings"]["fail-on"] == {"value": "warning", "source": "default"}
    assert data["settings"]["severity.fragment"]["source"] == source


def test_config_refuses_a_bad_file_with_one_line(tmp_path):
    write(tmp_path / "auditor.toml", 'selec = ["glued-token"]')
    result = run("config", cwd=tmp_path)
    assert result.exit_code == 2 and "did you mean 'select'?" in result.output


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "auditor" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text", "html"]
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "b/c.txt", "d.html", "e.htm")) and not files.search("setup.py")
    assert hook["entry"].split()[0] == "auditor"  # the console script pip installs from this repository


def test_github_action_definition():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "base", "args", "sarif"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    assert all("shell" in s for s in steps if "run" in s)  # composite run steps must name a shell
    check = next(s for s in steps if s.get("id") == "check")
    assert "--changed-since" in check["run"] and "--format github" in check["run"]
    assert "--format sarif" in check["run"]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert "inputs.sarif == 'true'" in upload["if"]
    # Inputs reach the script through the environment, never pasted into it (script injection).
    assert "${{" not in check["run"]


@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_hook_from_a_commit_of_this_repository(tmp_path):
    """pre-commit installs auditor from a commit of this checkout into its own environment
    (from PyPI: needs network) and runs the hook on a temporary repository's files."""
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    source = tmp_path / "auditor"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "__pycache__",
                                                                ".pytest_cache", "models", "build"))
    git(source, "init", "-q", "-b", "main")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "snapshot")
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q", "-b", "main")
    write(project / "bad.md", "# News", "", "The `formatters` module is new. Officials said Benhaddoupraised the crew.")
    write(project / "good.txt", STORY[1])
    git(project, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    done = subprocess.run([pre_commit, "try-repo", str(source), "auditor", "--files", "bad.md", "good.txt"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)
    out = done.stdout + done.stderr
    if done.returncode != 1 and ("Could not find a version" in out or "NewConnectionError" in out):
        pytest.skip("no access to PyPI for pre-commit's environment")
    assert done.returncode == 1, out
    assert "bad.md:3:" in out and "glued-token" in out and "1 finding (1 error) in 1 of 2 files" in out
    assert "formatters" not in out  # the code span is not prose
    write(project / "bad.md", "# News", "", "The `formatters` module is new. Officials said Benhaddou praised it.")
    git(project, "add", "-A")
    again = subprocess.run([pre_commit, "try-repo", str(source), "auditor", "--files", "bad.md", "good.txt"],
                           cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stdout + again.stderr
