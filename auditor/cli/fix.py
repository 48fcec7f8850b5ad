"""``auditor fix``: apply the safe fixes in place, keeping everything else about each file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from auditor.cli.common import (Inputs, fail, guarded, progress_option, progress_over, session_for, split_ids,
                                with_house_options)
from auditor.cli.lint import MARKUP_CHOICES


@click.command("fix")
@click.argument("paths", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff (writes nothing).")
@click.option("--backup", is_flag=True, help="Keep the original as FILE.orig.")
@click.option("--select", metavar="RULE,...", help="Apply only these rules' fixes.")
@click.option("--lang", default="auto", show_default=True, help="Language of the copy.")
@click.option("--include", default="*.txt,*.md,*.html,*.htm", show_default=True, metavar="GLOB,...")
@click.option("--markup", type=click.Choice(MARKUP_CHOICES), default="auto", show_default=True,
              help="Fix only the prose of Markdown or HTML; auto: by extension (.md, .html, .htm).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML config whose allowlist (allow, allow-file) to respect (default: as for check).")
@click.option("--allow-file", "allow_files", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Words and names never changed, one a line; repeatable.")
@with_house_options
@click.option("--break-hardlinks", is_flag=True,
              help="Fix a file with several hard links by writing a separate copy (the other links keep the old text).")
@progress_option
def fix(paths, dry_run, show_diff, backup, select, lang, include, markup, config_path, allow_files,
        stylesheet_path, db_path, break_hardlinks, progress) -> None:
    """Apply the safe fixes (glued tokens, spacing, mojibake, canonical names) to PATHS in place.

    Canonical names come from --stylesheet and --db when given (as for `auditor check`), else from
    the document itself. Writes atomically (a temporary file renamed over the original) and keeps
    the file's encoding, byte-order mark, line endings, mode and owner; follows a symbolic link to
    fix its target. A file that cannot be read, or written safely (read-only, hard-linked), is left
    untouched and reported. A second run changes nothing. In Markdown and HTML only prose is
    edited; allowed words and names (the configuration's allowlist, --allow-file) and text under
    an inline suppression comment are left as they are.
    """
    import shutil

    from auditor.io.atomic import WriteError, resolve_target, write_atomic
    from auditor.checker import Checker
    from auditor.fix import fix_text, unified_diff
    from auditor.rules import fixable_rules
    from auditor.io.inputs import InputError, read_file
    from auditor.langid import detect
    from auditor.markup import markup_for_path, prose_view
    from auditor.session import Options

    fixable = fixable_rules()
    rules = split_ids(select) or fixable
    unsafe = [r for r in rules if r not in fixable]
    if unsafe:
        fail(f"no safe fix for {', '.join(unsafe)} (fixable: {', '.join(fixable)})")
    if "-" in paths:
        fail("fix edits files in place: give files or directories, not standard input")
    # Only the configuration's allowlist applies: every rule re-checks each fix (see auditor.fix).
    session = session_for(Options(config_path=config_path, stylesheet=stylesheet_path, db=db_path,
                                  allow_files=tuple(allow_files)))
    checker = Checker(knowledge=guarded(lambda: session.knowledge), allow=session.allow)
    inputs = Inputs(paths, include)
    changed, total, withheld, done = 0, 0, 0, []
    writing = not (dry_run or show_diff)
    with progress_over("fix", inputs, progress) as bar:
        for name in inputs.files:
            bar.advance(inputs.size(name))
            path = Path(name)
            try:
                if writing:
                    resolve_target(path, break_hardlinks)  # refuse before the work, not after
                original = read_file(path)
            except (InputError, WriteError) as exc:
                inputs.skip(exc)
                continue
            text = original.text
            kind = markup_for_path(name) if markup == "auto" else (None if markup == "none" else markup)
            # The language is detected once, on the original copy's prose.
            doc_lang = lang if lang != "auto" else detect(prose_view(text, kind).text if kind else text)
            # Every rule re-checks the fixed text: a fix that adds a finding is withheld.
            result = fix_text(text, lambda t: checker.check(t, name, doc_lang, markup=kind), rules)
            withheld += len(result.withheld)
            done.append(name)
            if result.text == text:
                continue  # not rewritten: the file keeps its modification time
            changed += 1
            total += len(result.applied)
            if show_diff:
                click.echo(unified_diff(text, result.text, _diff_name("a", path), _diff_name("b", path)), nl=False)
            if not writing:
                continue
            try:
                if backup:
                    write_atomic(Path(f"{name}.orig"), Path(os.path.realpath(path)).read_bytes())
                    shutil.copystat(os.path.realpath(path), f"{name}.orig")  # the original's mode and times
                write_atomic(path, original.encoding.encode(result.text), break_hardlinks)
            except (OSError, WriteError) as exc:
                done.pop()
                changed -= 1
                total -= len(result.applied)
                inputs.skip(exc if isinstance(exc, WriteError) else WriteError(f"{name}: cannot write ({exc})"))
    verb = "fixed" if writing else "would fix"
    files = len(inputs.files)
    skipped = f"; {inputs.unreadable} skipped" if inputs.unreadable else ""
    click.echo(f"auditor: {verb} {total} artifact{'s' if total != 1 else ''} in {changed} of {files} "
               f"file{'s' if files != 1 else ''}{skipped}"
               + (f"; withheld {withheld} that would add a finding" if withheld else ""), err=True)
    inputs.finish(done)
    sys.exit(inputs.exit_code(False))


def _diff_name(side: str, path) -> str:
    return str(path) if Path(path).is_absolute() else f"{side}/{path}"
