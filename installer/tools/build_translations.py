"""Qt Linguist catalogues: extract with pyside6-lupdate, compile with pyside6-lrelease.

Source strings are Simplified Chinese (the product's language); suyuan_desktop/resources/translations/suyuan_en.ts
is the English catalogue, edited in Qt Linguist (``pyside6-linguist suyuan_desktop/resources/translations/suyuan_en.ts``)
and compiled to suyuan_en.qm, which is committed.

Inputs: every ``translate(context, text)`` / ``QT_TRANSLATE_NOOP`` in suyuan_desktop/gui, the ui/*.ui
forms, and the labels of the domain's enums, document types and deadlines (core has no Qt, so their
entries are listed in a generated file in the "enums" context).

    python installer/tools/build_translations.py          # update the .ts, compile the .qm
    python installer/tools/build_translations.py --check  # fail if the .ts misses a source string,
                                                          # has an untranslated one, or the .qm is stale
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TRANSLATIONS = ROOT / "suyuan_desktop" / "resources" / "translations"
LANGS = ("en",)


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def enum_catalogue() -> str:
    """A Python file lupdate can read: every label core shows in the UI."""
    from suyuan_desktop.core.documents.types import DOC_TYPES
    from suyuan_desktop.core.domain import enums
    from suyuan_desktop.core.services.cases import DEADLINE_LABELS
    labels: list[str] = []
    for name in sorted(dir(enums)):
        cls = getattr(enums, name)
        if isinstance(cls, type) and issubclass(cls, enums.LabeledEnum) and cls is not enums.LabeledEnum:
            labels += [m.label for m in cls]
    labels += [d.label for d in DOC_TYPES.values()]
    labels += list(DEADLINE_LABELS.values())
    labels += [f"{k.label}期限" for k in enums.ReferralKind]
    labels += ["男", "女"]  # the gender an ID number gives (core.domain.idcard)
    from suyuan_desktop.core.domain.labels import ENTITY_LABELS, FIELD_LABELS
    labels += list(ENTITY_LABELS.values()) + list(FIELD_LABELS.values())
    seen = dict.fromkeys(labels)
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({'enums'!r}, {label!r})" for label in seen]
    return "\n".join(lines) + "\n"


def sources(tmp: Path) -> list[str]:
    catalogue = tmp / "enum_labels.py"
    catalogue.write_text(enum_catalogue(), "utf-8")
    gui = sorted(p for p in (ROOT / "suyuan_desktop" / "gui").glob("*.py"))
    return [str(p) for p in gui] + [str(p) for p in sorted((ROOT / "ui").glob("*.ui"))] + [str(catalogue)]


def lupdate(ts: Path, files: list[str], lang: str) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *files, "-source-language", "zh_CN", "-target-language", lang,
                    "-no-obsolete", "-locations", "none", "-ts", str(ts)], check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def unfinished(ts: Path) -> list[str]:
    out = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            out.append(msg.findtext("source"))
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    problems = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = sources(tmp)
        for lang in LANGS:
            ts, qm = TRANSLATIONS / f"suyuan_{lang}.ts", TRANSLATIONS / f"suyuan_{lang}.qm"
            work = tmp / ts.name
            if ts.exists():
                shutil.copy(ts, work)
            lupdate(work, files, lang)
            if check:
                if not ts.exists() or work.read_bytes() != ts.read_bytes():
                    problems.append(f"{ts.name} is out of date with the sources")
                missing = unfinished(work)
                if missing:
                    problems.append(f"{ts.name}: {len(missing)} untranslated, e.g. {missing[:3]}")
                built = tmp / qm.name
                lrelease(work, built)
                if not qm.exists() or built.read_bytes() != qm.read_bytes():
                    problems.append(f"{qm.name} is stale")
            else:
                TRANSLATIONS.mkdir(parents=True, exist_ok=True)
                shutil.copy(work, ts)
                lrelease(ts, qm)
                left = unfinished(ts)
                print(f"{ts.name}: {len(left)} untranslated")
    if problems:
        print("translations: " + "; ".join(problems) + ". Run installer/tools/build_translations.py and "
              "translate the new strings in Qt Linguist.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
