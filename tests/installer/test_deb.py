"""The UOS / Kylin package, as a station's computer gets it: built by installer/build.py,
installed with dpkg, started through its .desktop file, used from its `suyuan` command against a
real Secret Service keyring, and removed, leaving the station's data."""
from __future__ import annotations

import configparser
import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from installer import deb as debmod
from installer.glibc_check import FLOOR, above, scan
from tests.installer.common import ADMIN_PASSWORD, check_round, round_script

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1500),  # a whole build and install; the suite's 300 s is for single tests
    pytest.mark.skipif(os.geteuid() != 0, reason="dpkg -i needs root (CI runs as root)"),
    pytest.mark.skipif(not shutil.which("gnome-keyring-daemon"), reason="dev.sh installs gnome-keyring"),
]
APP = Path("/opt/apps") / debmod.APPID


def dpkg_field(deb: Path, field: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True, check=True).stdout.strip()


def test_the_deb_installs_runs_prints_and_uninstalls_keeping_the_data(tmp_path):
    from tests.installer.common import build
    deb = build("deb", tmp_path / "dist")
    version = dpkg_field(deb, "Version")
    assert dpkg_field(deb, "Package") == debmod.APPID and deb.name == f"{debmod.APPID}_{version}_amd64.deb"
    assert len(version.split(".")) == 4 and all(p.isdigit() for p in version.split("."))
    contents = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = [line.split()[-1] for line in contents.splitlines()]
    own = f"./opt/apps/{debmod.APPID}/"
    outside = [p for p in paths if not p.startswith(own) and p not in ("./", "./opt/", "./opt/apps/")]
    assert outside == [], outside  # nothing outside /opt/apps/<appid>
    control = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "postinst" not in control and "preinst" not in control
    installed_mb = int(dpkg_field(deb, "Installed-Size")) / 1024

    subprocess.run(["dpkg", "-r", debmod.APPID], capture_output=True)
    r = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    try:
        info = json.loads((APP / "info").read_text("utf-8"))
        assert info["appid"] == debmod.APPID and info["version"] == version and info["arch"] == ["amd64"]
        desktop = APP / "entries" / "applications" / f"{debmod.APPID}.desktop"
        r = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(desktop, encoding="utf-8")
        assert entry["Desktop Entry"]["Icon"] == debmod.APPID
        assert (APP / "entries/icons/hicolor/128x128/apps" / f"{debmod.APPID}.png").exists()
        exec_line = shlex.split(entry["Desktop Entry"]["Exec"])

        # every ELF file, the interpreter included, runs on glibc 2.28 (UOS 20)
        report = scan(APP / "files")
        assert len(report) > 100 and report["python/bin/python3.11"]
        assert above(report, FLOOR) == {}

        env = dict(os.environ, SUYUAN_ADMIN_PASSWORD=ADMIN_PASSWORD)
        env.pop("PYTHON_KEYRING_BACKEND", None)  # the installed app uses the system keyring
        env.pop("QT_QPA_PLATFORM", None)
        r = subprocess.run(["xvfb-run", "-a", *exec_line, "--smoke-test"], env=env, capture_output=True, text=True,
                           timeout=300, cwd=tmp_path)
        assert r.returncode == 0 and "smoke test: main window interactive" in r.stdout, r.stderr

        # the kiosk's on-screen keyboard loads from what the package kept of Qt's QML
        probe = ("import sys\nfrom PySide6.QtCore import QUrl\nfrom PySide6.QtWidgets import QApplication\n"
                 "from PySide6.QtQuick import QQuickView\napp = QApplication(sys.argv)\n"
                 "from suyuan_desktop.gui.keyboard import QML\nv = QQuickView(); v.setSource(QUrl.fromLocalFile(str(QML)))\n"
                 "print(v.status().name, [e.toString() for e in v.errors()])\n")
        r = subprocess.run(["xvfb-run", "-a", str(APP / "files/python/bin/python3.11"), "-I", "-c", probe],
                           env=dict(env, QT_IM_MODULE="qtvirtualkeyboard"), capture_output=True, text=True,
                           timeout=120)
        assert r.stdout.startswith("Ready []"), r.stdout + r.stderr

        data = tmp_path / "station"
        script = ("echo -n smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n" +
                  round_script(str(APP / "files/bin/suyuan"), str(data), str(tmp_path / "agreement.pdf")))
        r = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr
        check_round(tmp_path, tmp_path / "agreement.pdf")
        print(f"deb {deb.stat().st_size / 1e6:.1f} MB, installed {installed_mb:.1f} MB")
    finally:
        r = subprocess.run(["dpkg", "-r", debmod.APPID], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not APP.exists()
    assert (data / "station.db").exists()  # removing the program leaves the station's data
