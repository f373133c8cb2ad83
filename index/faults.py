"""Storage faults in plain words: a full disk, a read-only folder or a damaged file, each a
`StorageError` naming the cause and the folder, from whichever OS or SQLite error raised it."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Literal

Fault = Literal["full", "read_only", "corrupt"]

FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
LOW_SPACE = 1 << 20
SQLITE_CORRUPT = {"file is not a database", "database disk image is malformed"}


class StoreError(RuntimeError):
    """The index cannot be used as it is."""


class StorageError(StoreError):
    """The data folder cannot be written (or read) now; `fault` says why."""

    def __init__(self, fault: Fault, folder: Path, detail: str) -> None:
        self.fault = fault
        self.folder = folder
        what = {
            "full": f"the disk holding {folder} is full",
            "read_only": f"{folder} is read-only (or not writable by this user)",
            "corrupt": f"a file in {folder} is damaged",
        }[fault]
        remedy = {
            "full": "free some space; the service writes again once there is room, without "
            "a restart, and nothing acknowledged was lost",
            "read_only": "make the folder writable, or point CROSSCHECK_DATA_DIR elsewhere",
            "corrupt": "restore crosscheck.sqlite from a backup, or re-index into a new folder",
        }[fault]
        self.detail = detail
        super().__init__(f"{what} ({detail}); {remedy}")

    def __reduce__(self) -> tuple:
        """Rebuilt from its three parts (it crosses from the write process to the server)."""
        return (type(self), (self.fault, self.folder, self.detail))


def fault_of(exc: BaseException, folder: Path | None = None) -> Fault | None:
    """Which storage fault an exception is, if it is one. SQLite reports a full tmpfs as a
    "disk I/O error" (it cannot create its shared-memory file): that is read as full when
    the folder has less than LOW_SPACE bytes free."""
    if isinstance(exc, StorageError):
        return exc.fault
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in FULL_ERRNOS:
            return "full"
        if exc.errno in READ_ONLY_ERRNOS:
            return "read_only"
    if isinstance(exc, RuntimeError):  # FAISS reports the OS error in its message
        message = str(exc)
        if "No space left on device" in message or "Disk quota exceeded" in message:
            return "full"
        if "Read-only file system" in message or "Permission denied" in message:
            return "read_only"
    if isinstance(exc, sqlite3.DatabaseError):
        message = str(exc).lower()
        if "disk is full" in message:
            return "full"
        if message == "disk i/o error":
            return "full" if folder is not None and _low_space(folder) else "corrupt"
        if "readonly" in message or message == "unable to open database file":
            return "read_only"
        if message in SQLITE_CORRUPT:
            return "corrupt"
    return None


def storage_error(exc: BaseException, folder: Path) -> StorageError | None:
    """The StorageError an exception means, or None when it is something else."""
    if isinstance(exc, StorageError):
        return exc
    fault = fault_of(exc, folder)
    return None if fault is None else StorageError(fault, folder, str(exc) or type(exc).__name__)


def _low_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False
