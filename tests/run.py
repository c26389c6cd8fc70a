"""The whole test suite, as CI runs it: architecture contracts, then pytest on both cores."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _gui_test_ids(env) -> list[str]:
    out = subprocess.run([sys.executable, "-m", "pytest", "tests/unit/gui", "--collect-only", "-q"], cwd=ROOT,
                         env=env, capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines() if "::" in line]


def _run_one(test_id: str, env, argv) -> tuple[str, int, int]:
    """(test id, return code, crashes survived)"""
    crashes = 0
    while True:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", test_id, *argv], cwd=ROOT,
                              env=env, capture_output=True, text=True)
        crashed = proc.returncode < 0 or "Fatal Python error" in proc.stderr + proc.stdout
        if crashed and crashes < 4:
            crashes += 1
            continue
        if proc.returncode not in (0, 5):
            sys.stdout.write(proc.stdout[-6000:] + proc.stderr[-3000:])
        return test_id, proc.returncode, crashes


def run_gui_tests(env, workers: int, argv) -> int:
    from concurrent.futures import ThreadPoolExecutor
    ids = _gui_test_ids(env)
    if not ids:
        print("no GUI tests collected", file=sys.stderr)
        return 5
    passed = failed = crashes = 0
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for test_id, code, survived in pool.map(lambda t: _run_one(t, env, argv), ids):
            crashes += survived
            status = "passed" if code == 0 else "FAILED"
            print(f"{test_id} {status}" + (f" (after {survived} crashed run(s))" if survived else ""), flush=True)
            passed += code == 0
            failed += code != 0
    if crashes:
        print(f"note: {crashes} crashed GUI test process(es) were run again (open defect, see tests/run.py)")
    print(f"gui: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


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
    base = [sys.executable, "-m", "pytest", "-n", workers, "--dist", "loadfile", *argv]
    print("== pytest: core, documents, CLI, store", flush=True)
    rc = subprocess.call(base + ["--ignore=tests/unit/gui"], cwd=ROOT, env=env)
    # OPEN DEFECT (closing note of issue 5): the pytest-qt process sometimes segfaults in
    # QCoreApplication::notify on a timer whose receiver is gone. Until it is found, each GUI test
    # runs in its own process, two at a time, and a test whose process dies from a signal is run
    # again (at most 4 more times). A test that fails normally fails at once.
    print("== pytest: desktop GUI (offscreen), one process per test", flush=True)
    rc_gui = run_gui_tests(env, int(workers), argv)
    if rc == 5:
        print("pytest collected no tests", file=sys.stderr)
    return rc or rc_gui


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
