"""What the commands share: failing with one line, reading inputs, progress, the session,
writing reports.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage or input
errors (one line on standard error, never a traceback); 3 an internal error; 4 a translation
engine failed while running; 5 some inputs could not be read (the rest were); 6 the same, with
findings at or above the fail level.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_ENGINE = 0, 1, 2, 3, 4
EXIT_SKIPPED, EXIT_SKIPPED_FINDINGS = 5, 6

# Options several commands take, declared once.
progress_option = click.option(
    "--progress/--no-progress", default=None,
    help="Progress on standard error [default: on a terminal, for runs over 2 s; off a terminal, "
         "--progress prints a line at each tenth or every 10 s].")
house_options = (
    click.option("--stylesheet", "stylesheet_path", default=None, metavar="FILE",
                 help="House style sheet (TSV/CSV with a 'canonical' column) for name-variant."),
    click.option("--db", "db_path", default=None, metavar="PATH",
                 help="Corpus database from `auditor entities learn` for name-variant."),
)


def with_house_options(func):
    """The --stylesheet and --db options, as check and fix take them."""
    for option in reversed(house_options):
        func = option(func)
    return func


def split_ids(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"auditor: error: {message}", err=True)
    sys.exit(code)


def note(message: str) -> None:
    click.echo(f"auditor: note: {message}", err=True)


def session_for(options, config=None):
    """A :class:`~auditor.session.Session` for a command, its notes on standard error; what it
    refuses is a usage error. ``config`` None reads the configuration file."""
    from auditor.session import Session

    return guarded(Session, options, notify=note, config=config)


def guarded(func, *args, **kwargs):
    """``func(*args, **kwargs)``, with the session's and configuration's refusals as usage errors."""
    from auditor.config import ConfigError
    from auditor.session import SessionError

    try:
        return func(*args, **kwargs)
    except (SessionError, ConfigError) as exc:
        fail(str(exc))


class Inputs:
    """The files (or standard input) a command reads, and those it could not read.

    A path that cannot be read gets one line on standard error and the rest are still read; the
    exit code then says so (5, or 6 with findings). Nothing readable at all is a usage error (2).
    """

    def __init__(self, paths: tuple[str, ...], include: str) -> None:
        from auditor.io.inputs import InputError, discover

        self.files: list[str] = []
        self.unreadable = 0
        for raw in paths:
            if raw == "-":
                self.files.append("-")
                continue
            try:
                self.files.extend(str(p) for p in discover([raw], patterns(include)))
            except InputError as exc:
                self.skip(exc)

    def skip(self, exc: Exception) -> None:
        click.echo(f"auditor: error: {exc}", err=True)
        self.unreadable += 1

    def size(self, name: str) -> int:
        try:
            return 0 if name == "-" else os.path.getsize(name)
        except OSError:
            return 0

    def total_size(self) -> int | None:
        return None if "-" in self.files else sum(map(self.size, self.files))

    def texts(self):
        """(name, text) of each readable input, in order; unreadable ones are reported and skipped."""
        from auditor.io.inputs import InputError

        for name in self.files:
            try:
                yield name, read_input(name)
            except InputError as exc:
                self.skip(exc)

    def finish(self, done: list) -> None:
        """Stop with exit 2 when nothing at all could be read."""
        if self.unreadable and not done:
            sys.exit(EXIT_USAGE)  # each unreadable input has had its line

    def exit_code(self, found: bool) -> int:
        if self.unreadable:
            return EXIT_SKIPPED_FINDINGS if found else EXIT_SKIPPED
        return EXIT_FINDINGS if found else EXIT_OK


def progress_over(label: str, inputs: "Inputs", flag: bool | None):
    """Progress in bytes over the inputs: on by default on a terminal, plain lines elsewhere."""
    from auditor.progress import Progress

    enabled = sys.stderr.isatty() if flag is None else flag
    return Progress(label, inputs.total_size(), unit="bytes", enabled=enabled)


def read_input(name: str) -> str:
    """The text of a file, or of standard input for '-'; raises InputError."""
    from auditor.io.inputs import decode, read_text

    return decode(sys.stdin.buffer.read(), "<stdin>") if name == "-" else read_text(Path(name))


def patterns(include: str) -> tuple[str, ...]:
    return tuple(split_ids(include))


def knowledge_for(stylesheet_path: str | None, db_path: str | None, starter: bool = False):
    """House knowledge from a style sheet and a corpus database (the starter sheet standing in
    when ``starter`` and no sheet is given), or None when there is neither."""
    from auditor.config import Config
    from auditor.session import Options

    # These commands take no rule settings, so no configuration file is read for them.
    session = session_for(Options(stylesheet=stylesheet_path, db=db_path, starter_sheet=starter), Config())
    return guarded(lambda: session.knowledge)


def write_output(path: Path, content: str) -> None:
    """Write a report atomically (see :mod:`auditor.io.atomic`); a refusal is a usage error."""
    from auditor.io.atomic import WriteError, write_atomic

    try:
        write_atomic(path, content)
    except WriteError as exc:
        fail(str(exc))
