"""Reading user input: file discovery and strict UTF-8 decoding with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

DEFAULT_PATTERNS = ("*.txt", "*.md")


class InputError(Exception):
    """Input the auditor cannot read; the message is one line for the user."""


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is dropped); binary or other encodings raise InputError.

    Line breaks are kept as they are, so offsets match the file byte for byte after decoding.
    """
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return decode(data, str(path))


def discover(paths: list[str], patterns: tuple[str, ...] = DEFAULT_PATTERNS) -> Iterator[Path]:
    """Files named directly, and files matching ``patterns`` under directories, sorted."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted({f for pat in patterns for f in p.rglob(pat) if f.is_file()})
            if not files:
                raise InputError(f"{p}: no {' or '.join(patterns)} files in this directory")
            yield from files
        elif p.exists():
            yield p
        else:
            raise InputError(f"{p}: no such file or directory")
