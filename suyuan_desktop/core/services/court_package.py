"""诉调对接: when mediation of a case has failed, everything the court relies on, as one PDF and a
machine-readable manifest of the same (docs/court-package.md).

The package holds the hand-off letter (the course of the mediation, why it failed, any conduct that
raised the cost of litigation, the list of what is enclosed with each file's SHA-256), the 终止调解
情况表, every 无争议事实记载书, the 送达地址确认书, and the parties' materials (identity papers, powers
of attorney, evidence: PDFs bound in, other files listed). The session records are never enclosed:
what a party conceded in mediation may not be used against them; only facts the parties confirmed
in writing go to the court.

The package is itself an issued document (``court_package``): its metadata carries the station's
verification payload, its bytes are archived and synced, so ``verify`` finds it genuine; the
manifest names every enclosed document and file by SHA-256, and ``verify_manifest`` checks each.
A court-referred case moves to 退回法院 when its package is made.
"""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from sqlalchemy import func, select

from ..documents.render import Payload, data_hash
from ..documents.types import DOC_TYPES
from ..domain.enums import COURT_SOURCES, AttachmentKind, CaseStatus
from ..domain.errors import FieldError, ValidationError
from ..store.models import Attachment, Case, IssuedDocument
from ..store.tracking import Actor

FORMAT = "suyuan-court-package/1"
TEMPLATE_VERSION = "2026.1"
MATERIALS = (AttachmentKind.IDENTITY.value, AttachmentKind.POWER_OF_ATTORNEY.value, AttachmentKind.EVIDENCE.value)


@dataclass(frozen=True)
class CourtPackage:
    pdf: bytes
    manifest: dict
    view: object          # IssuedView of the package
    returned: bool        # the case was moved to 退回法院 now

    def manifest_bytes(self) -> bytes:
        return json.dumps(self.manifest, ensure_ascii=False, indent=2).encode()

    def as_issued(self):
        return self.view, self.pdf


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def build(docs, actor: Actor, case_ref: str) -> CourtPackage:
    ctx = docs.ctx
    case = docs.case_record(case_ref)
    status = CaseStatus.parse(case["status"])
    ended = status in (CaseStatus.FAILED, CaseStatus.RETURNED_TO_COURT) or (
        status is CaseStatus.ARCHIVED and case.get("termination_reason"))
    if not ended:
        raise ValidationError(FieldError("status", "诉调对接材料", "本案尚未调解终结：只有办理了“终止调解”的案件才能向法院移送材料。",
                                         "not_terminated"))
    parties = {p["id"] for p in case.get("parties", [])}
    confirmed = any(r.get("consent_given") and any(
        parties <= {cf["party_id"] for cf in f.get("confirmations", []) if cf["confirmed"]} for f in r.get("facts", []))
        for r in case.get("fact_records", []))
    if not confirmed:
        # the court relies on facts every party confirmed in writing; without them there is nothing to hand over
        raise ValidationError(FieldError("fact_records", "无争议事实", "本案没有经各方当事人书面确认的无争议事实：请先在“无争议事实”"
                                         "中记载，由各方当事人确认并签字后，再生成诉调对接材料。", "not_confirmed"))
    returned = False
    if status is CaseStatus.FAILED and case["source"] in {c.value for c in COURT_SOURCES}:
        # handed back to the referring court first, so that the documents show where the case is
        docs.cases.return_to_court(actor, case["id"], "调解不成，诉调对接材料移送法院")
        case, returned = docs.case_record(case_ref), True
    number = case["case_number"]
    parts = []   # (title, doc_type, IssuedView, pdf)
    for doc_type, target in (("termination", None), *(("undisputed_facts", r["id"]) for r in case.get("fact_records", [])),
                             ("service_address", None)):
        view, pdf = docs.issue(actor, number, doc_type, target)
        parts.append((DOC_TYPES[doc_type].label, doc_type, view, pdf))
    attachments, bound = [], []
    for a in case.get("attachments", []):
        if a["kind"] not in MATERIALS:
            continue
        included = a["mime"] == "application/pdf"
        attachments.append({"filename": a["filename"], "kind": a["kind"], "sha256": a["sha256"], "size": a["size"],
                            "included": included})
        if included:
            bound.append(ctx.blobs.get(a["sha256"]))
    package = {"made_on": ctx.today().isoformat(),
               "parts": [{"title": title, "doc_type": doc_type, "issued_id": view.id, "version": view.doc_version,
                          "pages": view.pages, "sha256": view.pdf_sha256} for title, doc_type, view, _ in parts],
               "attachments": attachments}
    letter_view, letter = docs.issue(actor, number, "court_handoff", extra={"package": package})
    station = ctx.station()
    manifest = {"format": FORMAT, "station_code": station.code, "committee": station.committee_name,
                "case_number": number, "case_id": case["id"],
                "letter": {"title": DOC_TYPES["court_handoff"].label, "issued_id": letter_view.id,
                           "version": letter_view.doc_version, "pages": letter_view.pages,
                           "sha256": letter_view.pdf_sha256},
                **package}
    view, pdf = _issue_package(docs, actor, case, manifest, [letter, *(p[3] for p in parts), *bound])
    manifest = {**manifest, "package": {"issued_id": view.id, "version": view.doc_version, "pages": view.pages,
                                        "sha256": view.pdf_sha256}}
    return CourtPackage(pdf, manifest, view, returned)


def _issue_package(docs, actor: Actor, case: dict, manifest: dict, pdfs: list[bytes]):
    """The bound package as an issued document: the same manifest gives the archived copy back."""
    ctx = docs.ctx
    digest = data_hash(manifest)
    with ctx.store.read() as s:
        existing = s.execute(select(IssuedDocument).where(
            IssuedDocument.case_id == case["id"], IssuedDocument.doc_type == "court_package",
            IssuedDocument.data_hash == digest, IssuedDocument.deleted_at.is_(None))).scalars().first()
        if existing is not None:
            return docs.issued_view(existing, case["case_number"], reused=True), ctx.blobs.get(existing.pdf_sha256)
        version = (s.execute(select(func.max(IssuedDocument.doc_version)).where(
            IssuedDocument.case_id == case["id"], IssuedDocument.doc_type == "court_package")).scalar() or 0) + 1
    payload = Payload(manifest["station_code"], case["case_number"], "court_package", version, TEMPLATE_VERSION, digest)
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": f"{case['case_number']}诉调对接材料", "/Author": manifest["committee"],
                         "/Keywords": payload.encode()})
    out = io.BytesIO()
    writer.write(out)
    pdf = out.getvalue()
    sha = ctx.blobs.put(pdf)
    with ctx.store.write(actor) as s:
        att = Attachment(case_id=case["id"], kind=AttachmentKind.ISSUED_DOCUMENT.value,
                         filename=f"{case['case_number']}诉调对接材料第{version}版.pdf", mime="application/pdf",
                         size=len(pdf), sha256=sha, description="诉调对接材料（移送法院）")
        s.add(att)
        s.flush()
        row = IssuedDocument(case_id=case["id"], doc_type="court_package", target_key="", doc_version=version,
                             template_version=TEMPLATE_VERSION, data=manifest, data_hash=digest, pdf_sha256=sha,
                             attachment_id=att.id, payload=payload.encode(), pages=_pages(pdf),
                             issued_by=actor.username)
        s.add(row)
        s.flush()
        return docs.issued_view(row, case["case_number"], reused=False), pdf


def verify_manifest(docs, raw: bytes):
    """genuine when every document and file the manifest names is, byte for byte, what this station
    issued or holds for the case; altered when one differs; unknown when it is not this station's."""
    from .documents import Verdict
    try:
        manifest = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return Verdict("unknown", "无法识别：不是诉调对接材料清单（JSON）。")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return Verdict("unknown", "无法识别：不是本系统的诉调对接材料清单。")
    station = docs.ctx.station()
    if manifest.get("station_code") != station.code:
        return Verdict("unknown", f"无法核验：该清单声称由站点 {manifest.get('station_code')} 出具，不是本站（{station.code}）的。")
    number = manifest.get("case_number")
    documents = [manifest.get("letter") or {}, *manifest.get("parts", []), manifest.get("package") or {}]
    with docs.ctx.store.read() as s:
        case = s.execute(select(Case).where(Case.case_number == number)).scalars().first()
        if case is None:
            return Verdict("unknown", f"无法核验：本站没有案件 {number}。")
        for d in documents:
            row = s.get(IssuedDocument, d.get("issued_id") or "")
            if row is None or row.case_id != case.id:
                return Verdict("unknown", f"无法核验：本站没有出具过清单所列的“{d.get('title', '诉调对接材料')}”。")
            if row.pdf_sha256 != d.get("sha256"):
                return Verdict("altered", f"已被改动：清单中“{d.get('title', '诉调对接材料')}”的 SHA-256 与本站存档原件不一致。")
        held = set(s.execute(select(Attachment.sha256).where(Attachment.case_id == case.id,
                                                             Attachment.deleted_at.is_(None))).scalars())
        for a in manifest.get("attachments", []):
            if a.get("sha256") not in held:
                return Verdict("altered", f"已被改动：清单所列材料“{a.get('filename')}”的 SHA-256 与本案存档的材料都不一致。")
        package = s.get(IssuedDocument, (manifest.get("package") or {}).get("issued_id") or "")
        stated = {k: v for k, v in manifest.items() if k != "package"}
        if package is None or package.data_hash != data_hash(stated):
            return Verdict("altered", "已被改动：清单内容与本站出具该材料时的清单不一致。")
    return Verdict("genuine", f"真实：{number} 诉调对接材料第{manifest['package']['version']}版的清单，所列"
                              f"{len(documents)}份文书和{len(manifest.get('attachments', []))}份材料均与本站存档一致。")
