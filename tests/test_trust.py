"""What auditor does to a user's files and inputs: writes keep what they were not asked to change,
every encoding gets a right answer or a right message, bad files never stop a run, configuration
mistakes are reported, and a first run needs no cache folder."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor import check_text
from auditor.cli import cli
from tests.conftest import ROOT, SAMPLES

GLUED = "Aides said Ali Khamenei spoke first. Later Khameneireiterated his support.\n"
FIXED = "Aides said Ali Khamenei spoke first. Later Khamenei reiterated his support.\n"
CLEAN = "The port reopened on Monday after the storm, officials said.\n"


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


# --- fix keeps every byte and attribute it is not asked to change -------------------------------

@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664, 0o600, 0o755])
def test_fix_keeps_the_file_mode(tmp_path, mode):
    path = tmp_path / "story.txt"
    path.write_text(GLUED, encoding="utf-8")
    path.chmod(mode)
    assert run(["fix", str(path)]).exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_fix_keeps_the_encoding_and_its_byte_order_mark(tmp_path, encoding, bom):
    path = tmp_path / "story.txt"
    path.write_bytes(bom + GLUED.encode(encoding))
    assert run(["fix", str(path)]).exit_code == 0
    assert path.read_bytes() == bom + FIXED.encode(encoding)


def test_fix_keeps_windows_line_endings(tmp_path):
    path = tmp_path / "story.txt"
    original = "Headline\r\n\r\n" + GLUED.replace("\n", "\r\n") + "Second paragraph ends here.\r\n"
    path.write_bytes(original.encode("utf-8"))
    assert run(["fix", str(path)]).exit_code == 0
    assert path.read_bytes() == original.replace("Khameneireiterated", "Khamenei reiterated").encode("utf-8")


def test_fix_follows_a_symbolic_link_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(GLUED, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    result = run(["fix", str(link)])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == FIXED


def test_fix_refuses_a_hard_linked_file_unless_asked(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(GLUED, encoding="utf-8")
    other = tmp_path / "other-name.txt"
    os.link(path, other)
    refused = run(["fix", str(path), "--include", "story.txt"])
    assert refused.exit_code == 2 and "hard links" in refused.stderr and "--break-hardlinks" in refused.stderr
    assert refused.stderr.count("\n") == 2  # the refusal and the summary
    assert path.read_text(encoding="utf-8") == GLUED
    broken = run(["fix", "--break-hardlinks", str(path)])
    assert broken.exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED and other.read_text(encoding="utf-8") == GLUED


def test_fix_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(GLUED, encoding="utf-8")
    path.chmod(0o444)
    result = run(["fix", str(path)])
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert path.read_text(encoding="utf-8") == GLUED and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fix_leaves_an_unchanged_file_untouched_with_its_modification_time(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert run(["fix", str(path)]).exit_code == 0
    assert path.stat().st_mtime == 1_000_000_000


def test_fix_goes_on_past_a_file_it_may_not_write(tmp_path):
    (tmp_path / "a.txt").write_text(GLUED, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(GLUED, encoding="utf-8")
    locked.chmod(0o444)
    result = run(["fix", str(tmp_path)])
    assert result.exit_code == 5 and "read-only" in result.stderr and "1 skipped" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED


def test_fix_backup_keeps_the_original_and_its_mode(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(GLUED, encoding="utf-8")
    path.chmod(0o640)
    assert run(["fix", "--backup", str(path)]).exit_code == 0
    backup = tmp_path / "story.txt.orig"
    assert backup.read_text(encoding="utf-8") == GLUED and stat.S_IMODE(backup.stat().st_mode) == 0o640


def test_a_new_report_file_gets_the_users_usual_mode(tmp_path):
    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        run(["check", "-o", str(out), "--format", "json", str(SAMPLES / "en_planted.txt")])
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# --- encodings -----------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_every_unicode_encoding_with_its_mark_is_checked_alike(tmp_path, encoding, bom):
    path = tmp_path / "story.txt"
    text = "Café owners in Zürich said Ali Khamenei spoke first. Later Khameneireiterated his support.\n"
    path.write_bytes(bom + text.encode(encoding))
    result = run(["check", "--format", "json", "--select", "glued-token", str(path)])
    finding = json.loads(result.stdout)["files"][0]["findings"][0]
    assert finding["start"] == text.index("Khameneireiterated")  # code points, the BOM not counted


@pytest.mark.parametrize("data,expected", [
    (GLUED.encode("utf-16-le"), "looks like UTF-16 (little-endian) without a byte-order mark"),
    (GLUED.encode("utf-16-be"), "looks like UTF-16 (big-endian) without a byte-order mark"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Le café est prêt.".encode("cp1252"), "reads as Windows-1252/Latin-1"),
    (b"\xff\xfe" + "Bad".encode("utf-16-le") + b"\x00\xdc", "not valid UTF-16-LE after its byte-order mark"),
])
def test_other_bytes_get_one_line_that_says_what_was_found(tmp_path, data, expected):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    result = run(["check", str(path)])
    assert result.exit_code == 2
    assert expected in result.stderr and result.stderr.count("\n") == 1


# --- a folder with some unreadable files --------------------------------------------------------

def _folder_with_a_binary_file(tmp_path: Path) -> Path:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.txt").write_text(GLUED, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "c.txt").write_text(CLEAN, encoding="utf-8")
    return folder


def test_check_reports_every_readable_file_and_says_one_was_not(tmp_path):
    folder = _folder_with_a_binary_file(tmp_path)
    result = run(["check", "--format", "json", str(folder)])
    assert result.exit_code == 6  # findings, and a file that could not be read
    assert result.stderr.strip() == f"auditor: error: {folder / 'b.txt'}: binary file (contains NUL bytes), not text"
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["a.txt", "c.txt"]
    clean = run(["check", str(folder / "c.txt"), str(folder / "b.txt")])
    assert clean.exit_code == 5  # no findings, but a file that could not be read


def test_entities_reads_the_rest_of_a_folder(tmp_path):
    folder = _folder_with_a_binary_file(tmp_path)
    result = run(["entities", "--format", "json", str(folder)])
    assert result.exit_code == 5 and "b.txt" in result.stderr
    json.loads(result.stdout)


def test_a_missing_path_among_others_is_reported_and_the_rest_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(CLEAN, encoding="utf-8")
    result = run(["check", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 5 and "nope.txt: no such file or directory" in result.stderr


# --- no cache folder needed -----------------------------------------------------------------------

def test_check_needs_no_writable_cache_folder(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(blocker / "cache"), "HOME": str(tmp_path / "ro-home"),
           "XDG_CACHE_HOME": str(blocker / "xdg")}
    for args in (["check", str(SAMPLES / "en_planted.txt")], ["fix", "--diff", str(SAMPLES / "es_planted.txt")],
                 ["entities", str(SAMPLES)]):
        proc = subprocess.run([sys.executable, "-m", "auditor", *args], env=env, capture_output=True, text=True,
                              cwd=ROOT, timeout=120)
        assert proc.returncode in (0, 1), proc.stderr
        assert "error" not in proc.stderr.lower()


def test_lexicon_agrees_with_wordfreq_and_lemminflect():
    import wordfreq
    from lemminflect import getAllLemmas

    from auditor import lexicon

    for lang, words in {"en": ["the", "government", "reiterated", "tehran", "xylophone"],
                        "es": ["según", "gobierno", "bruselas"], "fr": ["selon", "gouvernement"],
                        "pt": ["segundo", "governo", "lisboa"]}.items():
        for word in words:
            assert abs(lexicon.zipf(word, lang) - wordfreq.zipf_frequency(word, lang)) <= 0.051, (word, lang)
    for word in ("reiterated", "said", "house", "would", "quickly"):
        lemmas = getAllLemmas(word)
        assert lexicon.english_pos(word) >= {p for p in ("VERB", "AUX") if p in lemmas}
        assert lexicon.english_inflected_verb(word) == ("VERB" in lemmas and lemmas["VERB"][0] != word)
    assert lexicon.english_pos("Khamenei") == frozenset()


# --- configuration and API inputs -----------------------------------------------------------------

@pytest.mark.parametrize("toml,expected", [
    ('selec = ["glued-token"]\n', "unknown key 'selec' (did you mean 'select'?)"),
    ('select = ["gluedtoken"]\n', "'select': unknown rule 'gluedtoken' (did you mean 'glued-token'?)"),
    ('select = 3\n', "'select' must be a list of rule ids, not a number"),
    ('fail-on = "eror"\n', "'fail-on' must be one of error, warning, info, never, not 'eror' (did you mean 'error'?)"),
    ('[severity]\nfragment = 2\n', "'severity.fragment' must be \"error\", \"warning\" or \"info\", not a number"),
    ('[severity]\nfragmnt = "info"\n', "'severity.fragmnt': unknown rule 'fragmnt' (did you mean 'fragment'?)"),
    ('severity = "info"\n', "'severity' must be a table"),
])
def test_config_mistakes_name_the_file_the_key_and_a_close_match(tmp_path, toml, expected):
    cfg = tmp_path / "auditor.toml"
    cfg.write_text(toml, encoding="utf-8")
    result = run(["check", "--config", str(cfg), str(SAMPLES / "en_planted.txt")])
    assert result.exit_code == 2
    assert f"{cfg}: {expected}" in result.stderr and result.stderr.count("\n") == 1


def test_pyproject_table_keys_are_checked_too(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\nignores = ["fragment"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(["check", str(SAMPLES / "en_planted.txt")])
    assert result.exit_code == 2
    assert "pyproject.toml: unknown key 'tool.auditor.ignores' (did you mean 'ignore'?)" in result.stderr


def test_check_text_rejects_what_it_cannot_check():
    with pytest.raises(TypeError, match="needs the text as str, not bytes.*decode"):
        check_text(b"Some bytes", language="en")
    with pytest.raises(TypeError, match="not NoneType"):
        check_text(None)
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        check_text("Some text.", language="xx")


# --- output contracts -------------------------------------------------------------------------------

def test_sarif_locations_are_percent_encoded_uris(tmp_path, monkeypatch):
    folder = tmp_path / "wire copy#1"
    folder.mkdir()
    (folder / "story 100%.txt").write_text(GLUED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    sarif = json.loads(run(["check", "--format", "sarif", "wire copy#1"]).stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "wire%20copy%231/story%20100%25.txt"
    absolute = json.loads(run(["check", "--format", "sarif", str(folder)]).stdout)
    uri = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "%20" in uri
    assert "pypi.org" not in json.dumps(sarif["runs"][0]["tool"])


# --- progress ----------------------------------------------------------------------------------------

def test_progress_off_a_terminal_is_plain_lines(monkeypatch):
    from auditor.progress import Progress

    out = io.StringIO()
    bar = Progress("check", 4_000_000, unit="bytes", stream=out, delay=0, interval=0)
    bar.advance(1_000_000)
    bar.advance(1_000_000)
    bar.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("auditor: check: 1.0/4.0 MB (25%), ") and "\r" not in out.getvalue()
    assert lines[1].startswith("auditor: check: 2.0/4.0 MB (50%)") and lines[-1].endswith("s left")
    assert len(lines) == 2  # the end adds no line that repeats the last


def test_progress_is_asked_for_with_the_flag(tmp_path, monkeypatch):
    import auditor.progress

    monkeypatch.setattr(auditor.progress, "DEFAULT_DELAY", 0.0)
    for command in (["check"], ["fix", "--diff"], ["entities"]):
        result = run([*command, "--progress", str(SAMPLES)])
        assert f"{command[0]}: " in result.stderr and "MB (" in result.stderr, command
        quiet = run([*command, str(SAMPLES)])
        assert "MB (" not in quiet.stderr  # off a terminal it is off unless asked for


def test_make_demo_installs_only_the_core():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "$(CORE)" in demo and "$(STAMP)" not in demo
    core_rule = makefile.split("\n$(CORE):", 1)[1].split("\n\n", 1)[0]
    assert "pip install" in core_rule and "[" not in core_rule.split("pip install", 1)[1]
