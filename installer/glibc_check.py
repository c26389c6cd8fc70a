"""Which glibc a bundle needs: for every ELF file, the newest GLIBC_x.y symbol version it
requires, and a failure when any is newer than the floor (2.28: UOS 20; Kylin V10 has 2.31).

    python installer/glibc_check.py DIR [--max 2.28] [--json]

Reads the version references with binutils' objdump. Exit 0 when every file is at or below the
floor, 1 otherwise; the report lists the files above it first.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

FLOOR = "2.28"


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def glibc_needed(path: Path) -> str | None:
    """The newest GLIBC_ version ``path`` requires, or None when it requires none."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    refs = out.split("Version References:", 1)
    versions = re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", refs[1]) if len(refs) == 2 else []
    return max(versions, key=_key) if versions else None


def scan(root: Path) -> dict[str, str | None]:
    return {str(p.relative_to(root)): glibc_needed(p)
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)}


def above(report: dict[str, str | None], floor: str = FLOOR) -> dict[str, str]:
    return {f: v for f, v in report.items() if v and _key(v) > _key(floor)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--max", default=FLOOR, help="the newest glibc allowed (default %(default)s)")
    ap.add_argument("--json", action="store_true", help="the whole report as JSON")
    args = ap.parse_args(argv)
    report = scan(args.root)
    bad = above(report, args.max)
    if args.json:
        print(json.dumps({"max": args.max, "files": report, "above": bad}, indent=2))
    else:
        for f, v in sorted(bad.items(), key=lambda kv: _key(kv[1]), reverse=True):
            print(f"ABOVE {args.max}  GLIBC_{v}  {f}")
        newest = max((v for v in report.values() if v), key=_key, default=None)
        print(f"{len(report)} ELF files, newest glibc needed: {newest}; {len(bad)} above {args.max}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
