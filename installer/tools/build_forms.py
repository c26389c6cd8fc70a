"""Compile ui/*.ui into suyuan_desktop/gui/forms/ui_*.py with pyside6-uic (Picard's layout).

``--check`` exits non-zero if a committed form is missing or stale; the test command runs it.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
FORMS = ROOT / "suyuan_desktop" / "gui" / "forms"
HEADER = "# GENERATED from ui/{name} by installer/tools/build_forms.py (pyside6-uic). Do not edit.\n"


def compile_one(src: Path) -> str:
    uic = Path(sys.executable).with_name("pyside6-uic")
    out = subprocess.run([str(uic), "--from-imports", str(src)], check=True, capture_output=True, text=True).stdout
    out = out.replace("from . import resources_rc\n", "")
    body = "\n".join(line for line in out.splitlines() if not line.startswith("## Created by: Qt User Interface Compiler"))
    return HEADER.format(name=src.name) + body.rstrip() + "\n"


def _same_form(a: str, b: str) -> bool:
    """The same form, whichever pyside6-uic wrote it: uic 6.8 (the LTS floor) writes unscoped enum
    members (``QFormLayout.LabelRole``) where 6.9+ write scoped ones (``QFormLayout.ItemRole.LabelRole``);
    and ends some lines with a stray ";". Both run on every supported PySide6, so they count as the same."""
    scoped = re.compile(r"\b(Q\w+)\.(?:[A-Z]\w*)\.(\w+)\b")

    def norm(text: str) -> list[str]:  # 6.8 also ends some table-item lines with a stray ";"
        return [scoped.sub(r"\1.\2", line).rstrip(";") for line in text.splitlines()]
    return a == b or norm(a) == norm(b)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    FORMS.mkdir(parents=True, exist_ok=True)
    stale = []
    for src in sorted(UI.glob("*.ui")):
        target = FORMS / f"ui_{src.stem}.py"
        text = compile_one(src)
        if check:
            if not target.exists() or not _same_form(target.read_text("utf-8"), text):
                stale.append(target.name)
        else:
            target.write_text(text, "utf-8")
    if check and stale:
        print(f"stale or missing generated forms: {', '.join(stale)}; run installer/tools/build_forms.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
