"""A station's files readable by its user only.

On Linux (UOS, Kylin) the data directory is made 0700 and the files in it 0600: a 0700 directory
already keeps every file below it (database, attachments, backups taken before migrations, logs)
from other accounts, whatever mode a library creates a file with. A backup written elsewhere is
made 0600 itself. On Windows the data lives in the user's profile (%LOCALAPPDATA%), whose ACL
grants the user, SYSTEM and administrators only; chmod there changes nothing and is skipped.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path


def private_dir(path: Path) -> None:
    """``path`` and the files directly in it, for the user only (0700 / 0600)."""
    if os.name != "posix":
        return
    path = Path(path)
    path.chmod(0o700)
    for child in path.iterdir():
        mode = child.lstat().st_mode
        if stat.S_ISDIR(mode):
            child.chmod(0o700)
        elif stat.S_ISREG(mode):
            child.chmod(0o600)


def private_file(path: Path) -> None:
    if os.name == "posix":
        Path(path).chmod(0o600)
