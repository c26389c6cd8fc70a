"""CPython 3.11 for the .deb, built to run on glibc 2.28 (UOS 20) and later.

The build machine's own Python needs the glibc it was built on (Debian 12: 2.36), so the .deb
carries an interpreter built here with zig's C compiler (PyPI's ``ziglang``), which links against
the glibc 2.28 symbol set whatever the host has (docs/packaging.md, "glibc"):

    source    Debian 12's python3.11 source package: the upstream 3.11.2 tarball and Debian's
              security patches (every patch of its series from shutdown-deadlock.diff on; the
              ones before it change Debian's install layout and are left out)
    zlib      Debian 12's zlib, built static
    OpenSSL   libssl/libcrypto 3 from PyPI's psycopg-binary wheel (built for manylinux2014, glibc
              2.17), compiled against Debian's libssl-dev headers (OpenSSL 3 keeps its ABI)
    left out  ctypes (3.11 no longer carries libffi), sqlite3, lzma, bz2, readline, curses, dbm,
              tkinter: the app uses none
              (the station's database is sqlcipher3, with its own SQLite)

Files are taken from deb.debian.org as its Sources index lists them, checked against the index's
SHA-256. The result is cached (~/.cache/suyuan-installer, or SUYUAN_INSTALLER_CACHE) under a key
of everything that goes into it, so a rebuild happens only when an input changes.

    python installer/tools/build_python.py     # prints the folder of the built interpreter
"""
from __future__ import annotations

import hashlib
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

MIRROR = "https://deb.debian.org/debian"
SUITE = "bookworm"
ZIG = "ziglang==0.17.1"
OPENSSL_WHEEL = "psycopg-binary==3.3.9"
TARGET = "x86_64-linux-gnu.2.28"
FIRST_SECURITY_PATCH = "shutdown-deadlock.diff"
RECIPE = 2  # raise when the build below changes
CACHE = Path(os.environ.get("SUYUAN_INSTALLER_CACHE") or Path.home() / ".cache" / "suyuan-installer")
# Standard-library modules configure may find on the build host but which must not be built.
DISABLED = ("_ctypes", "_sqlite3", "_lzma", "_bz2", "readline", "_curses", "_curses_panel", "_dbm", "_gdbm",
            "_tkinter", "_uuid", "nis", "_crypt", "xxlimited", "xxlimited_35", "_testcapi", "_testinternalcapi",
            "_testbuffer", "_testimportmultiple", "_testmultiphase", "_ctypes_test", "_xxtestfuzz")


def say(msg: str) -> None:
    print(f"[python] {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def _fetch(url: str, sha256: str, dest: Path) -> Path:
    if dest.exists() and hashlib.sha256(dest.read_bytes()).hexdigest() == sha256:
        return dest
    with urllib.request.urlopen(url, timeout=300) as r:
        blob = r.read()
    if hashlib.sha256(blob).hexdigest() != sha256:
        raise SystemExit(f"{url}: SHA-256 does not match Debian's Sources index")
    dest.write_bytes(blob)
    return dest


def debian_sources(packages: set[str]) -> dict[str, dict[str, tuple[str, str]]]:
    """{package: {file name: (url, sha256)}} from the suite's Sources index."""
    with urllib.request.urlopen(f"{MIRROR}/dists/{SUITE}/main/source/Sources.xz", timeout=300) as r:
        text = lzma.decompress(r.read()).decode("utf-8")
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for para in text.split("\n\n"):
        fields = dict.fromkeys(("Package", "Directory"), "")
        sums: list[str] = []
        current = None
        for line in para.splitlines():
            if line.startswith(" ") and current == "Checksums-Sha256":
                sums.append(line.strip())
            elif ":" in line and not line.startswith(" "):
                current, _, value = line.partition(":")
                if current in fields:
                    fields[current] = value.strip()
        if fields["Package"] in packages and fields["Package"] not in out:
            out[fields["Package"]] = {s.split()[2]: (f"{MIRROR}/{fields['Directory']}/{s.split()[2]}", s.split()[0])
                                      for s in sums}
    return out


def _zig(work: Path) -> list[str]:
    """Wrappers for zig's cc/ar/ranlib that target glibc 2.28."""
    zig_dir = CACHE / "ziglang"
    if not (zig_dir / "ziglang" / "zig").exists():
        say(f"installing {ZIG}")
        run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--target", zig_dir, ZIG],
            stdout=subprocess.DEVNULL)
    zig = zig_dir / "ziglang" / "zig"
    bins = work / "zigbin"
    bins.mkdir(exist_ok=True)
    for name, sub in (("cc", f"cc -target {TARGET}"), ("ar", "ar"), ("ranlib", "ranlib")):
        wrapper = bins / f"zig-{name}"
        wrapper.write_text(f'#!/bin/sh\nexec "{zig}" {sub} "$@"\n')
        wrapper.chmod(0o755)
    env_cache = work / "zig-cache"
    os.environ["ZIG_GLOBAL_CACHE_DIR"] = str(env_cache)
    os.environ["ZIG_LOCAL_CACHE_DIR"] = str(env_cache)
    return [str(bins / "zig-cc"), str(bins / "zig-ar"), str(bins / "zig-ranlib")]


def _openssl(work: Path) -> Path:
    """A prefix with Debian's OpenSSL 3 headers and the wheel's libssl/libcrypto."""
    prefix = work / "openssl"
    (prefix / "lib").mkdir(parents=True, exist_ok=True)
    run(["apt-get", "download", "-q", "libssl-dev"], cwd=work, stdout=subprocess.DEVNULL)
    run(["dpkg-deb", "-x", next(work.glob("libssl-dev_*.deb")), work / "ssldev"])
    inc = prefix / "include" / "openssl"
    shutil.copytree(work / "ssldev/usr/include/openssl", inc, dirs_exist_ok=True)
    shutil.copytree(work / "ssldev/usr/include/x86_64-linux-gnu/openssl", inc, dirs_exist_ok=True)
    wheels = work / "wheels"
    run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
         "--only-binary=:all:", "--platform", "manylinux2014_x86_64", "--python-version", "3.11", "-d", wheels,
         OPENSSL_WHEEL], stdout=subprocess.DEVNULL)
    import zipfile
    with zipfile.ZipFile(next(wheels.glob("psycopg_binary-*.whl"))) as z:
        for name in z.namelist():
            base = name.rsplit("/", 1)[-1]
            if base.startswith(("libssl-", "libcrypto-")):
                (prefix / "lib" / base).write_bytes(z.read(name))
                (prefix / "lib" / base).chmod(0o755)
                short = base.split("-")[0] + ".so"
                (prefix / "lib" / short).unlink(missing_ok=True)
                (prefix / "lib" / short).symlink_to(base)
    return prefix


def build(dest: Path, src: dict) -> None:
    work = dest.parent / (dest.name + ".work")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cc, ar, ranlib = _zig(work)
    files: dict[str, Path] = {}
    for entries in src.values():
        for name, (url, sha) in entries.items():
            if name.endswith((".orig.tar.gz", ".orig.tar.bz2", ".orig.tar.xz", ".debian.tar.xz")):
                files[name] = _fetch(url, sha, CACHE / name)
    # zig's clang makes __DATE__ in getbuildinfo.c an error (reproducible builds); allow it
    env = dict(os.environ, CC=cc, AR=ar, RANLIB=ranlib, CFLAGS="-O2 -fPIC -Wno-error=date-time -Wno-date-time")
    deps = work / "deps"
    say("zlib")
    zlib_tar = next(p for n, p in files.items() if n.startswith("zlib_") and ".orig." in n)
    with tarfile.open(zlib_tar) as t:
        t.extractall(work / "zlib-src", filter="data")
    zsrc = next((work / "zlib-src").iterdir())
    run(["./configure", "--static", f"--prefix={deps}"], cwd=zsrc, env=env, stdout=subprocess.DEVNULL)
    run(["make", "-j2", "install"], cwd=zsrc, env=env, stdout=subprocess.DEVNULL)
    ssl = _openssl(work)
    say("CPython source with Debian's security patches")
    py_tar = next(p for n, p in files.items() if n.startswith("python3.11_") and ".orig." in n)
    deb_tar = next(p for n, p in files.items() if n.startswith("python3.11_") and n.endswith(".debian.tar.xz"))
    with tarfile.open(py_tar) as t:
        t.extractall(work, filter="data")
    with tarfile.open(deb_tar) as t:
        t.extractall(work / "debian-src", filter="data")
    psrc = next(p for p in work.iterdir() if p.name.startswith("Python-3.11"))
    series = (work / "debian-src/debian/patches/series").read_text().split()
    for patch in series[series.index(FIRST_SECURITY_PATCH):]:
        run(["patch", "-p1", "-s", "-N", "-i", work / "debian-src/debian/patches" / patch], cwd=psrc)
    # setup.py would add the host's multiarch headers (glibc 2.36) next to zig's 2.28 ones; and
    # Debian's expat security patch needs the core-module define that 3.11.2's setup.py lacks
    setup = (psrc / "setup.py").read_text()
    setup = setup.replace("        self.add_multiarch_paths()\n", "        pass\n")
    setup = setup.replace("Extension('pyexpat', sources=['pyexpat.c'])",
                          "Extension('pyexpat', sources=['pyexpat.c'], define_macros=[('Py_BUILD_CORE_MODULE', '1')])")
    (psrc / "setup.py").write_text(setup)
    env_py = dict(env, CPPFLAGS=f"-I{deps}/include", LDFLAGS=f"-L{deps}/lib", LD_LIBRARY_PATH=str(ssl / "lib"),
                  **{f"py_cv_module_{m}": "n/a" for m in DISABLED})
    say("configure")
    run(["./configure", "--prefix=/python", f"--with-openssl={ssl}", "--with-openssl-rpath=no",
         "--without-ensurepip", "--disable-test-modules"], cwd=psrc, env=env_py,
        stdout=subprocess.DEVNULL)
    say("make (a few minutes)")
    run(["make", "-j2"], cwd=psrc, env=env_py, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stage = work / "stage"
    run(["make", "install", f"DESTDIR={stage}"], cwd=psrc, env=env_py, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    for lib in (ssl / "lib").glob("lib*-*.so.3"):
        shutil.copy2(lib, stage / "python" / "lib" / lib.name)
    tmp = dest.with_name(dest.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.move(str(stage / "python"), tmp)
    tmp.rename(dest)
    shutil.rmtree(work, ignore_errors=True)


def interpreter() -> Path:
    """The built interpreter's prefix (bin/python3.11, lib/python3.11, lib/libssl-*.so.3)."""
    src = debian_sources({"python3.11", "zlib"})  # Debian's current patch level is part of the key
    inputs = sorted(sha for entries in src.values() for _, sha in entries.values())
    key = hashlib.sha256(f"{RECIPE} {ZIG} {OPENSSL_WHEEL} {TARGET} {sorted(DISABLED)} {inputs}".encode()).hexdigest()
    dest = CACHE / f"cpython-3.11-{TARGET}-{key[:12]}"
    if not (dest / "bin" / "python3.11").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        from filelock import FileLock
        with FileLock(str(CACHE / "cpython.lock")):
            if not (dest / "bin" / "python3.11").exists():
                build(dest, src)
    return dest


if __name__ == "__main__":
    print(interpreter())
