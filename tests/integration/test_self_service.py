"""自助申请 at the kiosk: the application becomes a case waiting to be accepted, signed on the
screen; the receipt's QR code carries only a token, and the token only the state of the case."""
from __future__ import annotations

import subprocess

import pytest

from suyuan_desktop.core.domain.errors import NotFound, ValidationError
from suyuan_desktop.core.services.inputs import PartyInput
from suyuan_desktop.core.services.self_service import SelfApplication, token_from_scan
from tests.helpers.builders import LI_ID, ZHANG_ID, assign_mediator

STROKES = [[(10.0, 10.0, 0.5, 0.0), (60.0, 30.0, 0.5, 0.1), (110.0, 12.0, 0.5, 0.2)]]


def application(**more) -> SelfApplication:
    data = dict(applicant=PartyInput(kind="person", role="applicant", name="张三", id_number=ZHANG_ID,
                                     phone="13800138000", address="河南省新乡市卫滨区平原镇东村1号"),
                respondent=PartyInput(kind="person", role="respondent", name="李四", id_number=LI_ID),
                summary="李四修建院墙堵塞排水沟，雨天积水流入我家院内。", claims="疏通排水沟", dispute_type="02",
                accepted_notice=True, address_confirmed=True, signature=STROKES)
    data.update(more)
    return SelfApplication(**data)


def test_an_application_waits_to_be_accepted_and_its_receipt_tells_only_the_state(station, admin, tmp_path):
    receipt = station.self_service.apply(application())
    case = station.cases.get(receipt.case_number)
    assert case.status == "received" and case.source == "application" and case.registered_by == "自助申请"
    assert [p.name for p in case.parties] == ["张三", "李四"] and case.title == "张三与李四邻里纠纷"
    signed = [d for d in station.documents.history(case.case_number) if d.doc_type == "application"]
    assert len(signed) == 1                                          # the 申请书, signed on the screen

    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt.pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert receipt.case_number in text and "人民调解申请回执" in text and "咨询电话" in text
    assert "张三" not in text and ZHANG_ID not in text                # no name, no number on the receipt
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(tmp_path / "r")], check=True)
    scanned = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "r.png")], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert scanned == f"SUYUAN-RECEIPT:{receipt.token}" and ZHANG_ID not in scanned and "张三" not in scanned

    token = token_from_scan(scanned)
    assert station.self_service.status(token) == "已收到申请，等待受理"
    station.cases.accept(admin, case.id)
    assert station.self_service.status(token) == "已受理"
    assign_mediator(station, admin, case)
    station.cases.withdraw(admin, case.id, "双方已自行和解")
    assert station.self_service.status(token) == "已办结"
    with pytest.raises(NotFound):
        station.self_service.status("not-a-token")


@pytest.mark.parametrize("missing, path", [
    (dict(accepted_notice=False), "accepted_notice"), (dict(address_confirmed=False), "address_confirmed"),
    (dict(signature=[]), "signature")])
def test_an_application_needs_the_notice_read_the_address_confirmed_and_a_signature(station, missing, path):
    with pytest.raises(ValidationError) as exc:
        station.self_service.apply(application(**missing))
    assert exc.value.errors[0].path == path
    assert station.cases.count() == 0                                # nothing half-saved
