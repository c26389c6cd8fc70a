"""The UOS / Kylin / Debian package: the deepin store layout under /opt/apps/<appid>/.

    /opt/apps/<appid>/info                               appid, name, version, arch, permissions
    /opt/apps/<appid>/entries/applications/<appid>.desktop
    /opt/apps/<appid>/entries/icons/hicolor/{scalable,48x48,128x128}/apps/<appid>.{svg,png}
    /opt/apps/<appid>/files/bin/suyuan-desktop, suyuan   the launchers
    /opt/apps/<appid>/files/python/                      CPython 3.11 with site-packages

No maintainer script: installing changes nothing outside /opt/apps/<appid>, the app runs as the
user who starts it, and the station's data lives in that user's data directory
(~/.local/share/suyuan-station), which removing the package leaves alone (docs/packaging.md).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from . import bundle
from .bundle import ROOT, run, say

APPID = "cn.suyuan.station"
NAME_ZH = "诉源调解工作站"
NAME_EN = "Suyuan Mediation Station"
# Standard library parts a station never runs.
STDLIB_DROP = ("test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "pydoc_data", "site-packages",
               "venv", "unittest/test", "sqlite3/test", "ctypes/test", "distutils/tests")
DYNLOAD_DROP = ("_test", "_tkinter", "_ctypes_test", "xxlimited", "xxsubtype", "_xxsubinterpreters", "_crypt",
                "_curses", "readline", "nis", "ossaudiodev", "spwd")
# glibc itself: the one part of the system a bundle may rely on (docs/packaging.md).
GLIBC_LIBS = ("libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "libutil.so", "ld-linux", "libresolv.so")
DEPENDS = ("libc6 (>= 2.28), zlib1g, libfontconfig1, libfreetype6, libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, "
           "libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-render-util0, libxcb-image0, "
           "libdbus-1-3")


def build_number() -> int:
    r = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return int(r.stdout.strip()) if r.returncode == 0 and r.stdout.strip().isdigit() else 0


def full_version() -> str:
    """MAJOR.MINOR.PATCH.BUILD, BUILD being the number of commits (deepin store rule)."""
    return f"{bundle.version()}.{build_number()}"


def copy_interpreter(dest: Path) -> None:
    """CPython 3.11 built for glibc 2.28 (installer/tools/build_python.py), without the parts a
    station never runs, and RUNPATHs that find its OpenSSL inside the bundle."""
    from .tools import build_python
    prefix = build_python.interpreter()
    ver = "python3.11"
    (dest / "bin").mkdir(parents=True)
    shutil.copy2(prefix / "bin" / ver, dest / "bin" / ver)
    lib = dest / "lib"
    shutil.copytree(prefix / "lib" / ver, lib / ver, symlinks=False,
                    ignore=shutil.ignore_patterns("__pycache__", "config-3*", "*.a"))
    for sub in STDLIB_DROP:
        shutil.rmtree(lib / ver / sub, ignore_errors=True)
    dynload = lib / ver / "lib-dynload"
    for f in list(dynload.iterdir()):
        if f.name.startswith(DYNLOAD_DROP):
            f.unlink()
    for so in (prefix / "lib").glob("lib*.so*"):  # OpenSSL
        shutil.copy2(so, lib / so.name)
    # Anything else the interpreter links to besides glibc would have to come along: there is
    # nothing but zlib, which every system has (libcrypto links to it; Depends: zlib1g).
    for binary in [dest / "bin" / ver, *dynload.glob("*.so"), *lib.glob("lib*.so*")]:
        for name in bundle.needed_libraries(binary):
            if not name.startswith(GLIBC_LIBS + ("libz.so.1",)) and not (lib / name).exists():
                raise SystemExit(f"{binary.name} needs {name}, which the bundle does not carry")
    # strip first: binutils' strip after patchelf breaks the symbol versions of zig-linked files
    bundle.strip_debug(dest)
    for so in dynload.glob("*.so"):  # _ssl and _hashlib find OpenSSL in python/lib
        run(["patchelf", "--set-rpath", "$ORIGIN/../..", so])


LAUNCHER = """#!/bin/sh
# {title}: starts {module} with the bundled Python, isolated from the
# machine's own Python settings (-I: no PYTHONPATH, no user site-packages; -X utf8: UTF-8 files
# and pipes whatever the locale).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../python/bin/{python}" -I -X utf8 -m {module} "$@"
"""


def desktop_entry(exec_path: str) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={NAME_EN}",
        f"Name[zh_CN]={NAME_ZH}",
        "GenericName=People's mediation case management",
        "GenericName[zh_CN]=人民调解案件管理",
        "Comment=Cases, agreements and district sync for a township mediation station",
        "Comment[zh_CN]=调解案件登记、文书出具与区中心同步",
        f"Exec={exec_path}",
        f"Icon={APPID}",
        "Terminal=false",
        "Categories=Office;",
        "Keywords=mediation;调解;诉源;",
        "StartupNotify=true",
        "StartupWMClass=suyuan-desktop",  # QApplication.applicationName()
        "",
    ])



def build(out_dir: Path) -> Path:
    version = full_version()
    stage = bundle.BUILD / "deb"
    if stage.exists():
        shutil.rmtree(stage)
    app = stage / "opt" / "apps" / APPID
    files = app / "files"
    say("wheel")
    wheel = bundle.build_wheel(stage.parent / "deb-wheel")
    say("interpreter")
    copy_interpreter(files / "python")
    ver = "python3.11"
    site = files / "python" / "lib" / ver / "site-packages"
    say("site-packages (manylinux wheels from PyPI)")
    bundle.install_site(wheel, site, "linux")
    bundle.prune_qt(site, "linux")
    bundle.clean_python_files(site)
    bundle.strip_debug(site)
    bundle.compile_all(files / "python" / "lib" / ver, site)
    from .glibc_check import above, scan
    too_new = above(scan(files))
    if too_new:
        raise SystemExit("needs a glibc newer than 2.28: " + ", ".join(f"{f} (GLIBC_{v})" for f, v in too_new.items()))
    (files / "bin").mkdir()
    for name, module, title in (("suyuan-desktop", "suyuan_desktop.gui.app", NAME_ZH),
                                ("suyuan", "suyuan_desktop.cli", "suyuan command line")):
        path = files / "bin" / name
        path.write_text(LAUNCHER.format(title=title, module=module, python=ver), "utf-8")
        path.chmod(0o755)
    entries = app / "entries"
    (entries / "applications").mkdir(parents=True)
    (entries / "applications" / f"{APPID}.desktop").write_text(
        desktop_entry(f"/opt/apps/{APPID}/files/bin/suyuan-desktop"), "utf-8")
    svg = ROOT / "suyuan_desktop" / "resources" / "icons" / "suyuan.svg"
    scalable = entries / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(svg, scalable / f"{APPID}.svg")
    for size in (48, 128):
        bundle.render_icon(svg, size, entries / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APPID}.png")
    info = {
        "appid": APPID, "name": NAME_ZH, "version": version, "arch": ["amd64"],
        "permissions": {"autostart": False, "notification": False, "trayicon": False, "clipboard": True,
                        "account": False, "bluetooth": False, "camera": False, "audio_record": False,
                        "installed_apps": False},
    }
    (app / "info").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", "utf-8")
    installed_kb = bundle.tree_size(stage) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text("\n".join([
        f"Package: {APPID}",
        f"Version: {version}",
        "Architecture: amd64",
        "Maintainer: Suyuan station team <station@suyuan.invalid>",
        f"Installed-Size: {installed_kb}",
        f"Depends: {DEPENDS}",
        "Section: utils",
        "Priority: optional",
        "Homepage: https://suyuan.invalid/",
        f"Description: {NAME_ZH} ({NAME_EN})",
        " People's mediation case management for township mediation stations: intake, records,",
        " agreements with legal effect, judicial confirmation, printing and district sync.",
        "",
    ]), "utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{APPID}_{version}_amd64.deb"
    say("dpkg-deb")
    # SUYUAN_QUICK_COMPRESSION: the tests' builds, gzip instead of xz (the contents are the same)
    compression = ["-Zgzip", "-z1"] if os.environ.get("SUYUAN_QUICK_COMPRESSION") else ["-Zxz", "-z6"]
    run(["dpkg-deb", "--root-owner-group", *compression, "--build", stage, deb], stdout=subprocess.DEVNULL)
    say(f"{deb.name}: {deb.stat().st_size / 1e6:.1f} MB, installed {installed_kb / 1024:.1f} MB")
    return deb
