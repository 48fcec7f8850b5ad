"""Reading user input: file discovery and decoding with clear errors.

Text is decoded from UTF-8 (with or without a byte-order mark) or from UTF-16/UTF-32 with their
byte-order mark; anything else is refused with one line that says what was found. Line breaks are
kept as they are, so offsets are code points of the decoded text (a BOM is not counted) and a
file written back with :meth:`Encoding.encode` differs only where the text changed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DEFAULT_PATTERNS = ("*.txt", "*.md")


class InputError(Exception):
    """Input the auditor cannot read; the message is one line for the user."""


@dataclass(frozen=True)
class Encoding:
    """How a file's text was stored: the codec and the byte-order mark it began with."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """The bytes of ``text`` in this encoding, with the original byte-order mark."""
        return self.bom + text.encode(self.codec)


UTF8 = Encoding()
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class TextFile:
    """A decoded file: its text and the encoding to write it back in."""

    text: str
    encoding: Encoding = UTF8


def sniff_encoding(data: bytes) -> Encoding:
    """The encoding a byte-order mark announces, else UTF-8 without one."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Encoding(codec, bom)
    return UTF8


def decode_file(data: bytes, name: str) -> TextFile:
    """Decode ``data``; raises InputError with one line saying what was found instead of text."""
    encoding = sniff_encoding(data)
    body = data[len(encoding.bom):]
    if encoding.codec == "utf-8" and b"\x00" in body[:8192]:
        raise InputError(f"{name}: {_describe_nul_bytes(body)}")
    try:
        text = body.decode(encoding.codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: {_describe_bad_bytes(body, exc, encoding)}") from None
    return TextFile(text, encoding)


def decode(data: bytes, name: str) -> str:
    """The text of ``data`` (see :func:`decode_file`)."""
    return decode_file(data, name).text


def _describe_nul_bytes(body: bytes) -> str:
    head = body[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 8 and max(even, odd) > 0.3 * (len(head) / 2) and min(even, odd) < 0.05 * (len(head) / 2):
        order = "big-endian" if even > odd else "little-endian"
        return (f"looks like UTF-16 ({order}) without a byte-order mark; add the mark or convert it: "
                f"iconv -f UTF-16{'BE' if even > odd else 'LE'} -t UTF-8")
    return "binary file (contains NUL bytes), not text"


def _describe_bad_bytes(body: bytes, exc: UnicodeDecodeError, encoding: Encoding) -> str:
    where = f"byte {exc.start}: {body[exc.start:exc.start + 1]!r}"
    if encoding.codec != "utf-8":
        return f"not valid {encoding.codec.upper()} after its byte-order mark ({where})"
    try:
        sample = body[max(0, exc.start - 12):exc.start + 12].decode("cp1252")
    except UnicodeDecodeError:
        return f"not valid UTF-8 ({where}); convert it to UTF-8 first"
    return (f"not valid UTF-8 ({where}, reads as Windows-1252/Latin-1 {sample.strip()!r}); "
            "convert it: iconv -f WINDOWS-1252 -t UTF-8")


def read_file(path: Path) -> TextFile:
    """Read and decode one file; raises InputError (one line) when it cannot."""
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
    return decode_file(data, str(path))


def read_text(path: Path) -> str:
    """The decoded text of one file (see :func:`read_file`)."""
    return read_file(path).text


def discover(paths: list[str], patterns: tuple[str, ...] = DEFAULT_PATTERNS) -> Iterator[Path]:
    """Files named directly, and files matching ``patterns`` under directories, sorted."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted({f for pat in patterns for f in p.rglob(pat) if f.is_file()})
            if not files:
                names = " or ".join(patterns) if len(patterns) < 3 else f"{', '.join(patterns[:-1])} or {patterns[-1]}"
                raise InputError(f"{p}: no {names} files in this directory")
            yield from files
        elif p.exists():
            yield p
        else:
            raise InputError(f"{p}: no such file or directory")
