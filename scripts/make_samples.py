"""Regenerate docs/samples/: one sample PDF and a PNG of its first page per document type.

Run: .venv/bin/python scripts/make_samples.py   (needs poppler's pdftoppm)
Uses a throwaway station in a temp dir and an explicit file keyring, never the user's data.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-samples-"))
    from suyuan_desktop.core.services.inputs import CaseIntake, OralAgreementInput
    from tests.helpers.builders import concluded_case, failed_case, intake_data, mediating_case, throwaway_station

    app, actor = throwaway_station(tmp)
    done = concluded_case(app, actor)
    failed = failed_case(app, actor)
    oral = mediating_case(app, actor, title="王五与赵六邻里纠纷")
    oral = app.cases.conclude_with_oral_agreement(actor, oral.id, OralAgreementInput(
        content="赵六当场向王五赔礼道歉并赔偿300元", facts_and_disputes="赵六的狗咬伤王五家的鸡", agreed_date="2026-11-21", amount="300"))
    rare = intake_data(title="吉𠮷堃与王䶮赟借贷纠纷", dispute_type="04")
    rare["parties"][0]["name"], rare["parties"][1]["name"] = "吉𠮷堃", "王䶮赟"
    app.cases.intake(actor, CaseIntake(**rare))
    out = ROOT / "docs" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(done, t) for t in ("application", "registration", "notice", "investigation", "session", "agreement",
                                "judicial_confirmation", "follow_up", "cover")]
    jobs += [(failed, "undisputed_facts"), (failed, "termination"), (oral, "oral_agreement")]
    for case, doc_type in jobs:
        _, pdf = app.documents.issue(actor, case.case_number, doc_type)
        write(out / f"{doc_type}.pdf", pdf)
    dossier = app.documents.dossier(actor, done.case_number)
    write(out / "dossier.pdf", dossier.pdf, pages=2)
    app.close()
    print(f"samples written to {out}")


def write(path: Path, pdf: bytes, pages: int = 1) -> None:
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", str(pages), str(path), str(path.with_suffix(""))],
                   check=True)


if __name__ == "__main__":
    main()
