"""One command for the installers.

    python installer/build.py              # both, into dist/
    python installer/build.py deb          # the UOS / Kylin / Debian package only
    python installer/build.py windows      # the Windows 10/11 x64 setup program only

docs/packaging.md describes what each contains, how it is tested and how to ship it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from installer import bundle, deb  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the station installers")
    ap.add_argument("targets", nargs="*", choices=["deb", "windows"], default=None)
    ap.add_argument("--out", type=Path, default=bundle.ROOT / "dist")
    args = ap.parse_args(argv)
    targets = args.targets or ["deb", "windows"]
    built = []
    if "deb" in targets:
        built.append(deb.build(args.out))
    if "windows" in targets:
        from installer import windows
        built.append(windows.build(args.out))
    for path in built:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
