"""Start of the installed app: the .deb from installer/build.py, installed with dpkg, against a
bare QMainWindow started by the same bundled Python and Qt, interleaved in one run.

First paint = spawn to the main window's first paint. Ready to work = spawn to the station open
and the first page of 工作台 data on screen (``--smoke-test --data-dir`` on a 200-case station
whose key is in a real Secret Service: gnome-keyring in a private D-Bus session).

Run as root on a Debian machine: python -m bench.bench_installed [path/to/the.deb]
(without a path it builds one).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_gui import BARE
from bench.common import summary_ms, write_section

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from installer import deb as debmod  # noqa: E402

APP = Path("/opt/apps") / debmod.APPID


def _inside_session(runs: int) -> None:
    """Runs inside dbus-run-session: a keyring, a station, then the interleaved starts."""
    subprocess.run("echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null", shell=True,
                   check=True)
    cli = str(APP / "files/bin/suyuan")
    data = Path(tempfile.mkdtemp(prefix="suyuan-bench-")) / "station"
    env = dict(os.environ, SUYUAN_ADMIN_PASSWORD="bench-pass-1")
    subprocess.run([cli, "--data-dir", str(data), "init", "--code", "410703001", "--name", "平原调处中心",
                    "--township", "平原镇", "--short-name", "平原", "--admin", "admin", "--admin-name", "王建国"],
                   env=env, check=True, capture_output=True)
    subprocess.run([cli, "--data-dir", str(data), "demo", "--cases", "200"], env=env, check=True, capture_output=True)
    python = str(APP / "files/python/bin/python3.11")
    bare, paint, ready = [], [], []
    for _ in range(runs + 1):
        t0 = time.time()
        out = subprocess.run([python, "-I", "-c", BARE], capture_output=True, text=True, check=True).stdout
        bare.append((float(out.split("first paint at epoch")[1].strip(" )\n")) - t0) * 1000)
        t0 = time.time()
        out = subprocess.run([str(APP / "files/bin/suyuan-desktop"), "--smoke-test", "--data-dir", str(data)],
                             capture_output=True, text=True, check=True).stdout
        paint_epoch = float(out.split("first paint at epoch")[1].strip(" )\n"))
        paint_age = float(out.split("interactive after")[1].split("ms")[0])
        ready_age = float(out.split("pages built after")[1].split("ms")[0])
        paint.append((paint_epoch - t0) * 1000)
        ready.append(paint[-1] + ready_age - paint_age)
    # where the station's opening goes: `-X importtime` of the services' entry module, three times
    for _ in range(3):
        err = subprocess.run([python, "-I", "-X", "importtime", "-c", "import suyuan_desktop.core.services.station"],
                             capture_output=True, text=True, check=True).stderr
    print(json.dumps([bare[1:], paint[1:], ready[1:], _import_parts(err)]))  # the first round warms the cache


def _import_parts(importtime: str) -> list[tuple[str, float]]:
    """The modules the station module imports directly (and their own imports), by cumulative ms."""
    parts, total = [], 0.0
    for line in importtime.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:"):].split("|")
        depth = (len(name) - len(name.lstrip())) // 2
        if name.strip() == "suyuan_desktop.core.services.station":
            total = int(cumulative) / 1000
        elif depth == 1:
            parts.append((name.strip(), int(cumulative) / 1000))
    parts.sort(key=lambda p: -p[1])
    return [("suyuan_desktop.core.services.station (all)", total)] + parts[:6]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--inside":
        _inside_session(int(sys.argv[2]))
        return
    if len(sys.argv) > 1:
        deb = Path(sys.argv[1])
    else:
        out = subprocess.run([sys.executable, str(ROOT / "installer/build.py"), "deb"], capture_output=True,
                             text=True, check=True).stdout
        deb = Path(out.strip().splitlines()[-1])
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "QT_QPA_PLATFORM")}
    try:
        out = subprocess.run(["xvfb-run", "-a", "dbus-run-session", "--", sys.executable, "-m", "bench.bench_installed",
                              "--inside", "7"], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    finally:
        subprocess.run(["dpkg", "-r", debmod.APPID], capture_output=True)
    bare, paint, ready, imports = json.loads(out.strip().splitlines()[-1])
    installed = int(subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True, text=True,
                                   check=True).stdout) / 1024
    body = f"""
`{deb.name}`: {deb.stat().st_size / 1e6:.1f} MB to download, {installed:.1f} MB installed. Started under Xvfb
from `/opt/apps/{debmod.APPID}/files/bin/suyuan-desktop` (the .desktop file's Exec line) on a 200-case station,
interleaved with a bare `QMainWindow` run by the package's own Python and Qt.

| start | bare QMainWindow (same Python, same Qt) | installed suyuan-desktop | ratio (median) |
|---|---|---|---|
| first paint | {summary_ms(bare)} | {summary_ms(paint)} | {statistics.median(paint) / statistics.median(bare):.2f}× |
| ready to work (station open, 工作台 on screen) | | {summary_ms(ready)} | {statistics.median(ready) / statistics.median(bare):.2f}× |

Between the two: the station opens off the GUI thread after the first paint. Most of it is importing
the services (`python -X importtime`, the package's Python, warm cache):

| module | cumulative import |
|---|---|
""" + "".join(f"| `{name}` | {ms:.0f} ms |\n" for name, ms in imports) + """
The rest is opening the encrypted database with its key from the Secret Service, and building the
工作台 and 案件 pages. Importing the services on a thread from the first line of the process, to
overlap the window's start, was measured too: first paint 170 → 240 ms, ready 650 → 680 ms (dev
environment, both threads need the interpreter lock), so it is not done.
"""
    write_section("Installed .deb: first paint and ready to work", body)
    print(body)


if __name__ == "__main__":
    main()
