"""Atomic writes that keep what they were not asked to change.

Every file auditor writes (a fixed story, a report given with ``-o``) goes through
:func:`write_atomic`: the bytes go to a temporary file beside the target, which takes the target's
permission bits, owner (where permitted), extended attributes and flags, is flushed to disk, and is
then renamed over the target, so a reader sees the old file or the new one, never half of one. A
symbolic link is followed: its target is replaced and the link stays a link. What cannot be
replaced safely is refused with one line (:class:`WriteError`) before anything is touched.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A file auditor will not or cannot write; the message is one line for the user."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def resolve_target(path: Path, break_hardlinks: bool = False) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` must replace (a symbolic link's target) and its status, or
    None for a new file; raises WriteError for what cannot be replaced safely."""
    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise WriteError(f"{path}: a symbolic link to a missing file ({target})") from None
        return target, None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(f"{path}: not a regular file")
    if not st.st_mode & 0o222:
        raise WriteError(f"{path}: read-only file (mode {stat.S_IMODE(st.st_mode):o}); make it writable first")
    if st.st_nlink > 1 and not break_hardlinks:
        raise WriteError(f"{path}: has {st.st_nlink} hard links, and replacing it would leave the others "
                         "unchanged; use --break-hardlinks to write a separate copy")
    return target, st


def write_atomic(path: str | Path, data: bytes | str, break_hardlinks: bool = False) -> None:
    """Replace ``path`` with ``data`` (str is written as UTF-8) atomically, keeping the target's
    mode, owner, extended attributes and flags; a new file gets the mode the umask allows."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target, st = resolve_target(path, break_hardlinks)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        _carry_attributes(tmp, target, st)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    _sync_directory(target.parent)


def _carry_attributes(tmp: str, target: Path, st: os.stat_result | None) -> None:
    if st is None:  # mkstemp makes 0600; a new file should look like any other the user creates
        os.chmod(tmp, 0o666 & ~_umask())
        return
    try:
        shutil.copystat(target, tmp)  # mode, flags and extended attributes (and times, reset below)
    except OSError:
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    os.utime(tmp)  # the content changes: the modification time is now
    if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except PermissionError:  # only root may give a file away; the group may still be ours
            try:
                os.chown(tmp, -1, st.st_gid)
            except PermissionError:
                pass
        os.chmod(tmp, stat.S_IMODE(st.st_mode))  # chown clears set-id bits


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every file system lets a directory be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
