"""The whole test suite, as CI runs it: architecture contracts, then pytest on both cores."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    print("== import-linter: architecture contracts", flush=True)
    rc = subprocess.call([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, env=env)
    if rc:
        print("import-linter contracts broken", file=sys.stderr)
        return rc
    workers = os.environ.get("SUYUAN_TEST_WORKERS", str(min(2, os.cpu_count() or 1)))
    args = [sys.executable, "-m", "pytest", "-n", workers, "--dist", "loadfile", *argv]
    print("== pytest", flush=True)
    rc = subprocess.call(args, cwd=ROOT, env=env)
    if rc == 5:
        print("pytest collected no tests", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
