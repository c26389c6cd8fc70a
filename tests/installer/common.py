"""What the installer tests share: building an artefact, and one station's round through the
installed `suyuan` command (init, demo cases, print an agreement), checked from its output."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
# The machine's own caches, read before the suite's fixtures point HOME at a temp dir: the
# builds download ~500 MB of wheels, which pip then takes from its cache.
REAL_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
ADMIN_PASSWORD = "admin-pass-1"
INIT = ["init", "--code", "410703001", "--name", "平原调处中心", "--township", "平原镇", "--short-name", "平原",
        "--admin", "admin", "--admin-name", "王建国"]


def build(target: str, out: Path) -> Path:
    """``python installer/build.py <target>``, as a release would run it."""
    env = dict(os.environ, PIP_CACHE_DIR=str(REAL_CACHE / "pip"),
               SUYUAN_INSTALLER_CACHE=str(REAL_CACHE / "suyuan-installer"), SUYUAN_QUICK_COMPRESSION="1")
    r = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), target, "--out", str(out)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr[-4000:]
    return Path(r.stdout.strip().splitlines()[-1])


def round_steps(data_dir: str, pdf: str) -> list[tuple[list[str], str]]:
    """A new station, 12 demo cases, the agreement of a settled case: (arguments, output file).
    ``{case}`` stands for the first case number of cases.txt."""
    return [
        (["--version"], "version.txt"),
        (["--data-dir", data_dir, *INIT], "init.txt"),
        (["--data-dir", data_dir, "demo", "--cases", "12"], "demo.txt"),
        (["--data-dir", data_dir, "case", "list", "--status", "调解成功", "--limit", "1"], "cases.txt"),
        (["--data-dir", data_dir, "print", "agreement", "{case}", "-o", pdf], "print.txt"),
    ]


def round_script(cli: str, data_dir: str, pdf: str) -> str:
    """The round as a POSIX shell script (for a session that must outlive one command)."""
    lines = ["set -e"]
    for args, out in round_steps(data_dir, pdf):
        quoted = " ".join('"$(cut -f1 cases.txt | head -n1)"' if a == "{case}" else f"'{a}'" for a in args)
        lines.append(f"{cli} {quoted} > {out}")
    return "\n".join(lines) + "\n"


def run_round(invoke, workdir: Path, data_dir: str, pdf: str) -> None:
    """The round step by step; ``invoke(args)`` runs the command and returns the finished process."""
    for args, out in round_steps(data_dir, pdf):
        if "{case}" in args:
            case = (workdir / "cases.txt").read_text("utf-8").split("\t")[0]
            args = [case if a == "{case}" else a for a in args]
        r = invoke(args)
        assert r.returncode == 0, (args, r.stdout[-2000:], r.stderr[-3000:])
        (workdir / out).write_text(r.stdout, "utf-8")


def check_round(workdir: Path, pdf: Path, version_prefix: str = "suyuan ") -> None:
    from suyuan_desktop import __version__
    assert (workdir / "version.txt").read_text("utf-8").strip() == f"{version_prefix}{__version__}"
    assert "已创建站点：平原调处中心" in (workdir / "init.txt").read_text("utf-8")
    case_number = (workdir / "cases.txt").read_text("utf-8").split("\t")[0]
    assert case_number.startswith("（") and "平原人调字第" in case_number
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "人民调解协议书" in text and case_number in text.replace("\n", "")
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("UMing" in f for f in fonts), fonts  # the shipped, subset body font is embedded
