"""The Windows 10/11 setup program, built on Linux and run under Wine: it refuses Windows 7,
installs silently per user, runs `suyuan` (a station, demo cases, an agreement printed),
and uninstalls silently, leaving the station's data.

Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which every Windows 10/11 has and which the
Rust-built modules (pydantic-core, cryptography) import: the test puts a stand-in for it into
Wine's system folder (tests/installer/wine/). The GUI is not started under Wine.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installer.common import ADMIN_PASSWORD, build, check_round, run_round

WINE = shutil.which("wine64") or "/usr/lib/wine/wine64"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1500),  # a whole build and install; the suite's 300 s is for single tests
    pytest.mark.skipif(not Path(WINE).exists() or not shutil.which("x86_64-w64-mingw32-gcc"),
                       reason="dev.sh installs wine64 and the MinGW compiler"),
]
SHIM = Path(__file__).with_name("wine") / "bcryptprimitives.c"


def test_the_windows_setup_installs_runs_prints_and_uninstalls_keeping_the_data(tmp_path):
    setup = build("windows", tmp_path / "dist")
    prefix = tmp_path / "wine"
    env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEARCH="win64",
               WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n", SUYUAN_ADMIN_PASSWORD=ADMIN_PASSWORD)
    env.pop("PYTHON_KEYRING_BACKEND", None)  # Windows' own Credential Manager (Wine implements it)

    def wine(*args, timeout=300, gui=False):
        cmd = ["xvfb-run", "-a", WINE, *args] if gui else [WINE, *args]
        return subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)

    assert wine("wineboot", "-i").returncode == 0
    # Wine reports Windows 7 unless told otherwise: the setup program refuses it
    r = wine(str(setup), "/S", "/CurrentUser", gui=True)
    assert r.returncode != 0
    assert wine("reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f").returncode == 0
    system32 = prefix / "drive_c" / "windows" / "system32"
    subprocess.run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", str(system32 / "bcryptprimitives.dll"),
                    str(SHIM), "-ladvapi32"], check=True)

    r = wine(str(setup), "/S", "/CurrentUser", gui=True)
    assert r.returncode == 0, r.stderr[-2000:]
    home = next((prefix / "drive_c" / "users").glob("*/AppData/Local"))
    install = home / "Programs" / "Suyuan Station"
    assert (install / "python" / "python.exe").exists() and (install / "Uninstall.exe").exists()
    menu = next((prefix / "drive_c" / "users").glob("*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"))
    assert (menu / "诉源调解工作站" / "诉源调解工作站.lnk").exists()

    # `suyuan` as support staff would run it (pipes, not files, for its output: Wine 8 cannot hand
    # a redirected file to a console program as its standard stream)
    python = str(install / "python" / "python.exe")
    run_round(lambda args: wine(python, "-I", "-X", "utf8", "-m", "suyuan_desktop.cli", *args, timeout=600),
              tmp_path, r"C:\station", r"C:\agreement.pdf")
    check_round(tmp_path, prefix / "drive_c" / "agreement.pdf")
    # and through the installed suyuan.cmd
    r = wine("cmd", "/c", str(install / "suyuan.cmd"), "--version")
    assert r.returncode == 0 and "suyuan" in r.stdout, r.stdout + r.stderr

    # the station's data in the user's profile (platformdirs' place on Windows) survives uninstalling
    data = home / "suyuan" / "suyuan-station"
    data.mkdir(parents=True)
    (data / "station.json").write_text("{}")
    r = wine(str(install / "Uninstall.exe"), "/S", "/CurrentUser", f"_?={install}", gui=True)
    assert r.returncode == 0, r.stderr[-2000:]
    assert not (install / "python").exists() and not (menu / "诉源调解工作站").exists()
    assert (data / "station.json").exists()
    assert (prefix / "drive_c" / "station" / "station.db").exists()
