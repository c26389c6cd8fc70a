"""Issuing documents: render from the case's data, store immutably, verify, and build dossiers.

Issued means immutable. Issuing stores the PDF as an attachment together with the exact data it
was made from. Issuing again with the same data returns the stored file byte for byte; changed
data (a corrected record, an addendum) becomes a new version and the old one is kept.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from sqlalchemy import func, select

from ..documents.fonts import FontSet, default_fonts, spec_for_file
from ..documents.data import select_data
from ..documents.types import DOC_TYPES
from ..documents.render import (
    ContentsItem, Payload, data_hash, load_template, render_back_cover, render_contents, render_document,
)
from ..domain.enums import AttachmentKind, CaseStatus
from ..domain.errors import FieldError, ValidationError
from ..paths import read_local_settings
from ..store.models import Attachment, Case, IssuedDocument, PrintRecord
from ..store.repositories import find_case
from ..store.tracking import Actor
from . import exchange

PRINTABLE = tuple(DOC_TYPES)  # plus "dossier"


@dataclass(frozen=True)
class IssuedView:
    id: str
    case_number: str
    doc_type: str
    target_key: str
    doc_version: int
    template_version: str
    data_hash: str
    pdf_sha256: str
    pages: int
    payload: str
    reused: bool


@dataclass(frozen=True)
class Verdict:
    status: str          # genuine / altered / unknown
    message: str
    payload: Payload | None = None
    issued: IssuedView | None = None


@dataclass(frozen=True)
class Dossier:
    pdf: bytes
    pages: int
    missing: tuple[str, ...]
    items: tuple[ContentsItem, ...]


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


class DocumentService:
    def __init__(self, ctx, cases, fonts: FontSet | None = None):
        self.ctx = ctx  # a StationContext
        self.cases = cases   # a court package moves its case on
        self._fonts = fonts

    @property
    def fonts(self) -> FontSet:
        if self._fonts is None:
            chosen = read_local_settings(self.ctx.data_dir)
            if chosen.get("body_font") or chosen.get("title_font"):
                from ..resources import resources_dir

                def spec(key, name):  # one registered name per file: a changed choice is a new font
                    path = chosen.get(key)
                    return spec_for_file(f"{name}-{hashlib.sha256(path.encode()).hexdigest()[:8]}", path) if path else None
                self._fonts = FontSet(resources_dir(), body=spec("body_font", "SY-Body-Local"),
                                      title=spec("title_font", "SY-Title-Local"))
            else:
                self._fonts = default_fonts()
        return self._fonts

    def _template(self, doc_type: str) -> dict:
        return load_template(doc_type, self.ctx.templates_dir)

    def case_record(self, case_ref: str) -> dict:
        """The case as its documents print it: the export format, without file contents."""
        return exchange.export_cases(self.ctx, [case_ref], include_files=False)["cases"][0]

    def issue(self, actor: Actor, case_ref: str, doc_type: str, target_id: str | None = None, *,
              signatures: dict | None = None, extra: dict | None = None) -> tuple[IssuedView, bytes]:
        """Issue (or reprint) a document. ``signatures`` maps a signer's printed name to strokes
        drawn on a touch screen; signing makes a new version with the strokes in the PDF.
        ``extra``: what a document is given besides the case (the hand-off letter's package)."""
        if doc_type == "court_package":
            return self.court_package(actor, case_ref).as_issued()
        if doc_type == "court_handoff" and not extra:
            raise ValidationError(FieldError("doc_type", "文书类型", "诉调对接材料移送函随诉调对接材料一并出具：请出具 court-package。",
                                             "choice"))
        if doc_type not in DOC_TYPES:
            raise ValidationError(FieldError("doc_type", "文书类型", f"“{doc_type}”不是可出具的文书，可选：{'、'.join(DOC_TYPES)}、dossier。", "choice"))
        template = self._template(doc_type)
        station = self.ctx.station().__dict__
        case = self.case_record(case_ref)
        if signatures:
            from ..documents.signatures import normalise
            names = {p["name"] for p in case["parties"]} | {m["name"] for m in case.get("mediators", [])}
            unknown = sorted(set(signatures) - names)
            if unknown:
                raise ValidationError(FieldError("signatures", "签名", f"“{'、'.join(unknown)}”不是本案当事人或调解员。", "unknown_signer"))
            signatures = {n: {"strokes": normalise(v["strokes"]), "date": str(v.get("date") or self.ctx.today())}
                          for n, v in signatures.items()}
        data = select_data(doc_type, station, case, target_id, template, signatures, extra)
        digest = data_hash(data)
        target_key = (data.get("target") or {}).get("id", "")
        with self.ctx.store.read() as s:
            existing = s.execute(select(IssuedDocument).where(
                IssuedDocument.case_id == case["id"], IssuedDocument.doc_type == doc_type,
                IssuedDocument.target_key == target_key, IssuedDocument.data_hash == digest,
                IssuedDocument.deleted_at.is_(None))).scalars().first()
            if existing is not None:
                view = self.issued_view(existing, case["case_number"], reused=True)
                return view, self.ctx.blobs.get(existing.pdf_sha256)
            latest = s.execute(select(func.max(IssuedDocument.doc_version)).where(
                IssuedDocument.case_id == case["id"], IssuedDocument.doc_type == doc_type,
                IssuedDocument.target_key == target_key)).scalar() or 0
        version = latest + 1
        pdf, payload = render_document(doc_type, data, template, self.fonts, version=version)  # may raise MissingGlyph
        sha = self.ctx.blobs.put(pdf)
        label = DOC_TYPES[doc_type].label
        with self.ctx.store.write(actor) as s:
            att = Attachment(case_id=case["id"], kind=AttachmentKind.ISSUED_DOCUMENT.value,
                             filename=f"{case['case_number']}{label}第{version}版.pdf", mime="application/pdf",
                             size=len(pdf), sha256=sha, description=f"{label}（模板{template['version']}）")
            s.add(att)
            s.flush()
            row = IssuedDocument(case_id=case["id"], doc_type=doc_type, target_key=target_key, doc_version=version,
                                 template_version=template["version"], data=data, data_hash=digest, pdf_sha256=sha,
                                 attachment_id=att.id, payload=payload.encode(), pages=_pages(pdf),
                                 issued_by=actor.username)
            s.add(row)
            s.flush()
            view = self.issued_view(row, case["case_number"], reused=False)
        return view, pdf

    @staticmethod
    def issued_view(row: IssuedDocument, case_number: str, reused: bool) -> IssuedView:
        """An issued document as the caller sees it (``reused``: this very document was issued before)."""
        return IssuedView(id=row.id, case_number=case_number, doc_type=row.doc_type, target_key=row.target_key,
                          doc_version=row.doc_version, template_version=row.template_version, data_hash=row.data_hash,
                          pdf_sha256=row.pdf_sha256, pages=row.pages, payload=row.payload, reused=reused)

    def history(self, case_ref: str) -> list[IssuedView]:
        with self.ctx.store.read() as s:
            case = find_case(s, case_ref)
            rows = s.execute(select(IssuedDocument).where(IssuedDocument.case_id == case.id)
                             .order_by(IssuedDocument.created_at)).scalars().all()
            return [self.issued_view(r, case.case_number, reused=False) for r in rows]

    def record_print(self, actor: Actor, issued_id: str, printer: str, copies: int) -> None:
        if copies < 1:
            raise ValidationError(FieldError("copies", "份数", "至少打印1份。", "range"))
        with self.ctx.store.write(actor) as s:
            s.add(PrintRecord(issued_document_id=issued_id, printer=printer or "默认打印机", copies=copies,
                              printed_by=actor.username))

    def print_history(self, case_ref: str) -> list[tuple[str, int, str, int, str | None]]:
        """(document, version, printer, copies, printed by), oldest first."""
        with self.ctx.store.read() as s:
            case = find_case(s, case_ref)
            rows = s.execute(select(PrintRecord, IssuedDocument).join(
                IssuedDocument, IssuedDocument.id == PrintRecord.issued_document_id).where(
                IssuedDocument.case_id == case.id).order_by(PrintRecord.printed_at)).all()
            return [(DOC_TYPES[d.doc_type].label, d.doc_version, p.printer, p.copies, p.printed_by) for p, d in rows]

    # --- verification ----------------------------------------------------------------------

    def verify(self, pdf: bytes) -> Verdict:
        """genuine: these exact bytes were issued here. altered: the document claims to be one
        issued here but its bytes differ. unknown: not a document of this station."""
        sha = hashlib.sha256(pdf).hexdigest()
        with self.ctx.store.read() as s:
            row = s.execute(select(IssuedDocument).where(IssuedDocument.pdf_sha256 == sha)).scalars().first()
            if row is not None:
                case = s.get(Case, row.case_id)
                view = self.issued_view(row, case.case_number, reused=False)
                return Verdict("genuine", f"真实：{case.case_number} {DOC_TYPES[row.doc_type].label} 第{row.doc_version}版，"
                                          f"与本站出具的文件完全一致。", Payload.decode(row.payload), view)
        payload = self._embedded_payload(pdf)
        if payload is None:
            return Verdict("unknown", "无法识别：文件中没有本系统的核验信息（二维码/元数据），不是本站出具的文书，或已被重新生成。")
        station = self.ctx.station()
        if payload.station_code != station.code:
            return Verdict("unknown", f"无法核验：该文书声称由站点 {payload.station_code} 出具，不是本站（{station.code}）的文书。", payload)
        with self.ctx.store.read() as s:
            row = s.execute(select(IssuedDocument).join(Case, Case.id == IssuedDocument.case_id).where(
                Case.case_number == payload.case_number, IssuedDocument.doc_type == payload.doc_type,
                IssuedDocument.doc_version == payload.version)).scalars().first()
            if row is None:
                return Verdict("unknown", f"无法核验：本站没有出具过 {payload.case_number} 的该文书（第{payload.version}版）。", payload)
            view = self.issued_view(row, payload.case_number, reused=False)
        return Verdict("altered", f"已被改动：{payload.case_number} {DOC_TYPES[payload.doc_type].label} 第{payload.version}版"
                                  "确由本站出具，但此文件与存档原件不一致，内容可能被篡改。请以存档原件为准。", payload, view)

    @staticmethod
    def _embedded_payload(pdf: bytes) -> Payload | None:
        try:
            reader = PdfReader(io.BytesIO(pdf))
            keywords = (reader.metadata or {}).get("/Keywords")
        except Exception:  # noqa: BLE001 - a damaged file is simply not verifiable
            return None
        return Payload.decode(str(keywords)) if keywords else None

    # --- court hand-off package ---------------------------------------------------------------

    def court_package(self, actor: Actor, case_ref: str):
        """诉调对接: the hand-off letter, the records and the parties' materials as one verifiable
        PDF with a manifest (services/court_package.py)."""
        from .court_package import build
        return build(self, actor, case_ref)

    def verify_manifest(self, raw: bytes) -> Verdict:
        from .court_package import verify_manifest
        return verify_manifest(self, raw)

    # --- dossier -----------------------------------------------------------------------------

    def dossier(self, actor: Actor, case_ref: str, progress=None) -> Dossier:
        """卷宗: cover, contents with real page numbers, the documents in MoJ order (docs/domain-rules.md, "The dossier"),
        back cover; with a completeness check naming each required item still missing.

        ``progress(percent, message)`` is called before each document; it may raise to stop (the
        documents issued until then stay issued: each is a complete, verifiable record)."""
        case = self.case_record(case_ref)
        parts: list[tuple[str, str, bytes | None, str]] = []  # (title, required, pdf, note)
        missing: list[str] = []
        steps = 6 + sum(len(case.get(k, [])) for k in ("investigations", "sessions", "agreements", "fact_records",
                                                        "follow_ups"))
        done = [0]

        def issue(doc_type, target=None):
            if progress is not None:
                progress(min(95, done[0] * 100 // steps), DOC_TYPES[doc_type].label)
            done[0] += 1
            return self.issue(actor, case["case_number"], doc_type, target)[1]

        def attachments(kind: str) -> list[bytes]:
            out = []
            for a in case.get("attachments", []):
                if a["kind"] == kind and a["mime"] == "application/pdf":
                    out.append(self.ctx.blobs.get(a["sha256"]))
            return out

        source_app = case["source"] == "application"
        parts.append(("人民调解申请书" if source_app else "人民调解受理登记表", "必须",
                      issue("application" if source_app else "registration"), ""))
        parts.append(("人民调解当事人权利义务告知书", "必须", issue("notice"), ""))
        ids = attachments(AttachmentKind.IDENTITY.value)
        parts.append(("当事人身份证明", "必须", _merge(ids) if ids else None, f"{len(ids)}份" if ids else "未上传"))
        if not ids:
            missing.append("当事人身份证明：尚未上传身份证明扫描件（附件类别“身份证明”，PDF）。")
        poa = attachments(AttachmentKind.POWER_OF_ATTORNEY.value)
        if poa:
            parts.append(("授权委托书", "按需", _merge(poa), ""))
        for inv in case.get("investigations", []):
            parts.append(("人民调解调查记录", "按需", issue("investigation", inv["id"]), inv["occurred_at"][:10]))
        ev = attachments(AttachmentKind.EVIDENCE.value)
        if ev:
            parts.append(("人民调解证据材料", "按需", _merge(ev), f"{len(ev)}份"))
        sessions = case.get("sessions", [])
        for ses in sessions:
            parts.append(("人民调解记录", "必须", issue("session", ses["id"]), ses["occurred_at"][:10]))
        if not sessions:
            missing.append("人民调解记录：本案还没有调解记录。")
        agreements = [a for a in case.get("agreements", []) if a["state"] in ("effective", "superseded")]
        for ag in agreements:
            kind = "agreement" if ag["kind"] == "written" else "oral_agreement"
            parts.append((DOC_TYPES[kind].label if not ag.get("supersedes_id") else "人民调解补充协议书", "必须",
                          issue(kind, ag["id"]), "已被补充协议变更" if ag["state"] == "superseded" else ""))
        for rec in case.get("fact_records", []):
            parts.append(("无争议事实记载书", "按需", issue("undisputed_facts", rec["id"]), ""))
        status = CaseStatus.parse(case["status"])
        ended_without = status in (CaseStatus.FAILED, CaseStatus.RETURNED_TO_COURT) or (
            status is CaseStatus.ARCHIVED and case.get("termination_reason"))
        if ended_without:
            parts.append(("终止调解情况表", "必须", issue("termination"), ""))
        elif not agreements and status not in (CaseStatus.REFUSED, CaseStatus.WITHDRAWN):
            missing.append("人民调解协议书：本案尚未达成调解协议（调解不成的请办理终止调解）。")
        receipts = attachments(AttachmentKind.RECEIPT.value)
        if receipts:
            parts.append(("收条、汇款单等履行凭证", "按需", _merge(receipts), ""))
        for fu in case.get("follow_ups", []):
            parts.append(("人民调解回访记录", "按需", issue("follow_up", fu["id"]), fu["visit_date"]))
        if case.get("judicial_confirmations"):
            parts.append(("司法确认有关材料", "按需", issue("judicial_confirmation"), ""))

        station = self.ctx.station().__dict__
        cover = issue("cover")
        contents_tpl = self._template("contents")
        # The contents page count depends on its own length: render once to learn it, then for real.
        items: list[ContentsItem] = []
        contents = b""
        for _ in range(2):
            page = 1 + _pages(cover) + (_pages(contents) if contents else 1)
            items = []
            for n, (title, req, pdf, note) in enumerate(parts, start=1):
                if pdf is None:
                    items.append(ContentsItem(n, f"{title}（{req}）", "—", note))
                    continue
                count = _pages(pdf)
                items.append(ContentsItem(n, f"{title}（{req}）", f"{page}" if count == 1 else f"{page}-{page + count - 1}", note))
                page += count
            items.append(ContentsItem(len(parts) + 1, "封底（必须）", str(page), ""))
            contents = render_contents(station, case, items, contents_tpl, self.fonts, missing)
        total = page
        if progress is not None:
            progress(97, "装订")
        back = render_back_cover(station, case, contents_tpl, self.fonts, total)
        pdf = _merge([cover, contents, *[p for _, _, p, _ in parts if p is not None], back])
        return Dossier(pdf=pdf, pages=_pages(pdf), missing=tuple(missing), items=tuple(items))


def _merge(pdfs: list[bytes]) -> bytes:
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


