"""诉调对接: a failed court-referred case goes to court as one verifiable package and a manifest."""
from __future__ import annotations

import hashlib
import json
import subprocess

import pytest

from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.services.inputs import FactRecordInput, SessionInput, TerminationInput
from tests.helpers.builders import assign_mediator, new_case

CONCESSION = "李四表示如张三让步可补偿三千元"   # said in a session: must never reach the court


def referred_failed_case(app, actor):
    case = new_case(app, actor, title="张三与李四宅基地纠纷", dispute_type="03", source="court_assigned",
                    referral={"court": "新乡市卫滨区人民法院", "reference_number": "（2026）豫0703民诉前调88号",
                              "signed_for_date": "2026-11-20"})
    app.cases.accept(actor, case.id)
    assign_mediator(app, actor, case)
    app.cases.record_session(actor, case.id, SessionInput(
        occurred_at="2026-11-23T09:30", place="平原镇调解室", attendees="张三、李四", content=CONCESSION,
        result="未达成一致"))
    app.cases.record_undisputed_facts(actor, case.id, FactRecordInput(
        dispute_statement="张三主张李四越界建房0.4米，李四不认可。", consent_given=True, disputed_points="界址的具体位置",
        failure_reason="双方对界址分歧较大", cost_conduct="李四两次无正当理由未到场",
        facts=[{"text": "张三与李四的宅基地东西相邻。", "confirmed_by": [1, 2]}]))
    app.cases.attach_file(actor, case.id, b"%PDF-1.4 evidence", filename="建房审批表.jpg", kind="evidence")
    return app.cases.terminate(actor, case.id, TerminationInput(reason="large_differences", detail="双方对界址分歧较大",
                                                                terminated_date="2026-11-26"))


def test_the_package_holds_what_the_court_relies_on_and_nothing_conceded(station, admin, tmp_path):
    case = referred_failed_case(station, admin)
    package = station.documents.court_package(admin, case.case_number)
    path = tmp_path / "package.pdf"
    path.write_bytes(package.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for element in ("诉调对接材料移送函", "新乡市卫滨区人民法院", "（2026）豫0703民诉前调88号", "一、调解的基本情况",
                    "二、调解不成的原因", "双方分歧较大", "三、增加对方诉讼成本的行为", "李四两次无正当理由未到场",
                    "四、无争议事实", "共1项", "五、移送材料清单", "终止调解情况表", "无争议事实记载书", "送达地址确认书",
                    "张三与李四的宅基地东西相邻", "建房审批表.jpg", "不得作为对当事人不利的根据"):
        assert element in flat, element
    assert CONCESSION not in flat and "人民调解记录" not in flat      # no session record is enclosed
    attachment_sha = hashlib.sha256(b"%PDF-1.4 evidence").hexdigest()
    assert attachment_sha[:32] in flat and attachment_sha[32:] in flat   # a file listed with its SHA-256

    manifest = package.manifest
    assert manifest["package"]["sha256"] == hashlib.sha256(package.pdf).hexdigest()
    assert [p["doc_type"] for p in manifest["parts"]] == ["termination", "undisputed_facts", "service_address"]
    for part in [manifest["letter"], *manifest["parts"]]:
        assert hashlib.sha256(station.blobs.get(part["sha256"])).hexdigest() == part["sha256"]
    assert manifest["attachments"] == [{"filename": "建房审批表.jpg", "kind": "evidence", "sha256": attachment_sha,
                                        "size": 17, "included": False}]
    assert station.cases.get(case.id).status == "returned_to_court"   # handed back to the referring court

    assert station.documents.verify(package.pdf).status == "genuine"
    assert station.documents.verify_manifest(package.manifest_bytes()).status == "genuine"
    forged = json.loads(package.manifest_bytes())
    forged["parts"][1]["sha256"] = "0" * 64
    assert station.documents.verify_manifest(json.dumps(forged).encode()).status == "altered"
    forged = json.loads(package.manifest_bytes())
    forged["attachments"][0]["filename"] = "另一份材料.jpg"
    assert station.documents.verify_manifest(json.dumps(forged).encode()).status == "altered"
    assert station.documents.verify(package.pdf.replace(b"%%EOF", b"%%EOF\n% edited")).status == "altered"

    again = station.documents.court_package(admin, case.case_number)  # nothing changed: the archived copy
    assert again.pdf == package.pdf and again.view.reused


def test_a_case_still_in_mediation_or_without_confirmed_facts_cannot_be_handed_off(station, admin):
    case = new_case(station, admin)
    with pytest.raises(ValidationError) as exc:
        station.documents.court_package(admin, case.case_number)
    assert exc.value.errors[0].path == "status" and "终止调解" in exc.value.errors[0].message
    # terminated, but no fact the parties confirmed in writing: nothing the court can rely on
    from tests.helpers.builders import mediating_case
    bare = mediating_case(station, admin, title="王五与赵六物业纠纷")
    station.cases.terminate(admin, bare.id, TerminationInput(reason="party_unwilling", terminated_date="2026-11-27"))
    with pytest.raises(ValidationError) as exc:
        station.documents.court_package(admin, bare.case_number)
    assert exc.value.errors[0].path == "fact_records" and "书面确认" in exc.value.errors[0].message
    assert station.cases.get(bare.id).status == "failed"                 # and nothing moved or issued
    assert not [d for d in station.documents.history(bare.case_number) if d.doc_type == "court_package"]


def test_the_command_line_writes_the_package_and_its_manifest_and_verifies_either(station, admin, tmp_path):
    from tests.integration.test_cli import run
    case = referred_failed_case(station, admin)
    out = tmp_path / "移送"
    r = run("--data-dir", station.data_dir, "print", "court-package", case.case_number, "-o", out)
    assert r.returncode == 0, r.stderr
    pdf, manifest = out / f"{case.case_number}诉调对接材料.pdf", out / f"{case.case_number}诉调对接材料.json"
    assert "已退回法院" in r.stdout and pdf.exists() and manifest.exists()
    assert json.loads(manifest.read_text("utf-8"))["package"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    for f in (pdf, manifest):
        v = run("--data-dir", station.data_dir, "verify", f)
        assert v.returncode == 0 and "真实" in v.stdout, v.stderr
    tampered = tmp_path / "改过.json"
    tampered.write_text(manifest.read_text("utf-8").replace('"size": 17', '"size": 18').replace(
        json.loads(manifest.read_text("utf-8"))["letter"]["sha256"], "f" * 64), "utf-8")
    assert run("--data-dir", station.data_dir, "verify", tampered).returncode == 4
