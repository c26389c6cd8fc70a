"""The whole test suite, as CI runs it: architecture contracts, lint, pytest on both cores, then the
unit and integration tests again with the computer's clock moved years ahead (docs/clock.md)."""
from __future__ import annotations

import os
import shutil
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
    print("== ruff: lint (rules in pyproject.toml)", flush=True)
    rc = subprocess.call([str(BIN / "ruff"), "check", "--no-cache", "suyuan_desktop", "district_server", "tests",
                          "bench", "scripts", "installer"], cwd=ROOT, env=env)
    if rc:
        print("ruff found problems (run: .venv/bin/ruff check --fix)", file=sys.stderr)
        return rc
    workers = os.environ.get("SUYUAN_TEST_WORKERS", str(min(2, os.cpu_count() or 1)))
    args = [sys.executable, "-m", "pytest", "-n", workers, "--dist", "loadfile", *argv]
    print("== pytest", flush=True)
    rc = subprocess.call(args, cwd=ROOT, env=env)
    if rc == 5:
        print("pytest collected no tests", file=sys.stderr)
    if rc or argv or env.get("SUYUAN_SHIFTED_CLOCK_RUN", "1") == "0":
        return rc
    return shifted_clock_run(env, workers)


def shifted_clock_run(env: dict, workers: str) -> int:
    """The unit and integration tests again, with the computer's clock moved years away while the
    tests' station clock stays put: whatever reads the computer's clock fails (docs/clock.md)."""
    offset = env.get("SUYUAN_FAKETIME", "+1800d")
    if not shutil.which("faketime"):
        print("faketime is not installed (Debian package faketime): the shifted-clock run cannot run", file=sys.stderr)
        return 3
    print(f"== pytest with the computer's clock moved {offset} (faketime)", flush=True)
    args = ["faketime", "-f", offset, sys.executable, "-m", "pytest", "-n", workers, "--dist", "loadfile",
            "-p", "no:cacheprovider", "tests/unit", "tests/integration"]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
