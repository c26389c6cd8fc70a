"""The document fonts, built from Debian's font packages into suyuan_desktop/resources/fonts/.

The repository carries no font files: this tool takes them from Debian (the installed packages'
files under /usr/share/fonts, or ``apt-get download`` + ``dpkg-deb -x`` when they are not
installed), keeps face 0 of each collection and subsets it with fontTools (docs/packaging.md,
"Fonts"):

    body      AR PL UMing CN (明体)      the GBK repertoire (21,886 characters) and the templates' text
    title     WenQuanYi Zen Hei (黑体)   GB 2312 (7,445 characters) and the templates' text
    fallback  LXGW WenKai (霞鹜文楷)     whole: rare name characters such as 𠮷 (U+20BB7)

A character none of the three has still stops a document (core/documents/fonts.py).

    python installer/tools/build_fonts.py           # build when missing or out of date
    python installer/tools/build_fonts.py --check   # exit 1 when a build is needed
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "suyuan_desktop" / "resources" / "fonts"
STAMP = OUT / "BUILD.json"
RECIPE = 1  # raise when what is built changes

# output file -> (Debian package, file inside it, face, repertoire)
FONTS = {
    "uming-gbk.ttf": ("fonts-arphic-uming", "usr/share/fonts/truetype/arphic/uming.ttc", 0, "gbk"),
    "wqy-zenhei-gb2312.ttf": ("fonts-wqy-zenhei", "usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "gb2312"),
    "LXGWWenKai-Regular.ttf": ("fonts-lxgw-wenkai", "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
                               None, None),
}


def _say(msg: str) -> None:
    print(f"[fonts] {msg}", file=sys.stderr)


def repertoire(encoding: str) -> set[int]:
    """Printable ASCII, Latin-1, every BMP character the encoding has, and the templates' text."""
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            chr(cp).encode(encoding)
        except UnicodeEncodeError:
            continue
        cps.add(cp)
    templates = ROOT / "suyuan_desktop" / "core" / "documents" / "templates"
    for path in templates.glob("*.toml"):
        cps |= {ord(c) for c in path.read_text("utf-8") if ord(c) >= 0x20}
    return cps


def _package_version(pkg: str) -> str | None:
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", pkg], capture_output=True, text=True)
    parts = r.stdout.split()
    return parts[-1] if r.returncode == 0 and "installed" in parts[:3] else None


def _source(pkg: str, inner: str, work: Path) -> tuple[Path, str]:
    """The font file from the installed package, or from the downloaded one."""
    installed = Path("/") / inner
    version = _package_version(pkg)
    if installed.exists() and version:
        return installed, version
    _say(f"downloading {pkg}")
    subprocess.run(["apt-get", "download", "-q", pkg], cwd=work, check=True, stdout=subprocess.DEVNULL)
    deb = next(work.glob(f"{pkg}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(work / pkg)], check=True)
    version = deb.name.split("_")[1]
    return work / pkg / inner, version


def _subset(src: Path, face: int, encoding: str, dest: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    font = TTCollection(str(src)).fonts[face] if src.suffix.lower() == ".ttc" else TTFont(str(src))
    opts = subset.Options()
    opts.layout_features = ["*"]    # vertical forms, fullwidth variants
    opts.name_IDs = ["*"]           # keep the licence and copyright records
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False            # print only: hints are for screens at small sizes
    opts.drop_tables += ["BDF", "FFTM", "EBDT", "EBLC", "EBSC"]  # embedded bitmaps: screen only
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=repertoire(encoding))
    sub.subset(font)
    font.save(str(dest))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def up_to_date() -> bool:
    try:
        stamp = json.loads(STAMP.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if stamp.get("recipe") != RECIPE:
        return False
    return all((OUT / name).exists() and stamp["files"].get(name) == (OUT / name).stat().st_size for name in FONTS)


def build() -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    sources: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="suyuan-fonts-") as tmp:
        work = Path(tmp)
        for name, (pkg, inner, face, encoding) in FONTS.items():
            src, version = _source(pkg, inner, work)
            sources[pkg] = version
            part = OUT / (name + ".part")
            if encoding is None:
                shutil.copyfile(src, part)
            else:
                _say(f"subsetting {src.name} to {encoding}")
                _subset(src, face, encoding, part)
            part.replace(OUT / name)
    stamp = {"recipe": RECIPE, "sources": sources,
             "files": {name: (OUT / name).stat().st_size for name in FONTS},
             "sha256": {name: _sha(OUT / name) for name in FONTS}}
    STAMP.write_text(json.dumps(stamp, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return stamp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the fonts need building")
    ap.add_argument("--force", action="store_true", help="build even when up to date")
    args = ap.parse_args(argv)
    if args.check:
        return 0 if up_to_date() else 1
    if up_to_date() and not args.force:
        return 0
    stamp = build()
    total = sum(stamp["files"].values())
    _say(f"built {len(FONTS)} fonts, {total / 1e6:.1f} MB, from " +
         ", ".join(f"{p} {v}" for p, v in stamp["sources"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
