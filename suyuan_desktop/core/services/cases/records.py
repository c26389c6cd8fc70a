"""The course of mediation: starting it, investigations, sessions, suspension, attachments, archiving."""
from __future__ import annotations

import mimetypes
from pathlib import Path


from ...domain.enums import COURT_SOURCES, AttachmentKind, CaseStatus
from ...domain.errors import FieldError, ImmutableRecord, NotFound, ValidationError
from ...store.models import Attachment, Case, Investigation, MediationSession
from ...store.tracking import Actor
from .. import views as v
from ..inputs import Collector, InvestigationInput, SessionInput
from .base import CaseBase


class RecordOps(CaseBase):
    # --- records ---------------------------------------------------------------------------

    def _start_if_accepted(self, s, case: Case, actor: Actor) -> None:
        if case.status == CaseStatus.ACCEPTED.value:
            self._transition(s, case, CaseStatus.IN_MEDIATION, actor, "开始调解")

    def start_mediation(self, actor: Actor, case_id: str) -> v.CaseDetail:
        self._require_case_worker(actor)

        def change(s, case):
            self._transition(s, case, CaseStatus.IN_MEDIATION, actor, "开始调解")
        return self._change(actor, case_id, change)

    def record_investigation(self, actor: Actor, case_id: str, data: InvestigationInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector(entity="investigations")
        row = dict(occurred_at=col.datetime(data, "occurred_at", "调查时间"),
                   place=col.required(data, "place", "调查地点"),
                   investigators=col.required(data, "investigators", "调查人"),
                   subject=col.required(data, "subject", "被调查人"),
                   record=col.required(data, "record", "调查记录"),
                   participants=col.optional(data, "participants", "参加人"),
                   recorder=col.optional(data, "recorder", "记录人"))
        col.raise_if_any()

        def change(s, case):
            self._require_editable(case, "添加调查记录")
            if case.status == CaseStatus.RECEIVED.value:
                raise ImmutableRecord("案件尚未受理，请先受理再开展调查。")
            s.add(Investigation(case_id=case.id, **row))
        return self._change(actor, case_id, change)

    def record_session(self, actor: Actor, case_id: str, data: SessionInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector(entity="mediation_sessions")
        row = dict(occurred_at=col.datetime(data, "occurred_at", "调解时间"),
                   place=col.required(data, "place", "调解地点"),
                   attendees=col.required(data, "attendees", "到场当事人"),
                   content=col.required(data, "content", "调解记录"),
                   participants=col.optional(data, "participants", "参加人"),
                   result=col.optional(data, "result", "调解结果"),
                   recorder=col.optional(data, "recorder", "记录人"))
        col.raise_if_any()

        def change(s, case):
            self._require_editable(case, "添加调解记录")
            if case.status == CaseStatus.RECEIVED.value:
                raise ImmutableRecord("案件尚未受理，请先受理再记录调解。")
            self._start_if_accepted(s, case, actor)
            s.add(MediationSession(case_id=case.id, **row))
        return self._change(actor, case_id, change)

    def suspend(self, actor: Actor, case_id: str, reason: str) -> v.CaseDetail:
        """中止: mediation pauses (a party in hospital, away for work) and can be resumed."""
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason or len(reason) > 500:
            raise ValidationError(FieldError("reason", "中止原因", "请写明中止原因（500字以内），如“当事人住院治疗”。", "required"))
        return self._simple_transition(actor, case_id, CaseStatus.SUSPENDED, reason)

    def resume(self, actor: Actor, case_id: str, note: str = "恢复调解") -> v.CaseDetail:
        return self._simple_transition(actor, case_id, CaseStatus.IN_MEDIATION, note)

    def return_to_court(self, actor: Actor, case_id: str, note: str = "调解不成，材料退回法院") -> v.CaseDetail:
        with self.store.read() as s:
            case = self.load_case(s, case_id)
            if case.source not in {c.value for c in COURT_SOURCES}:
                raise ValidationError(FieldError("source", "案件来源", "只有法院委派或委托的案件才能退回法院。", "not_court"))
        return self._simple_transition(actor, case_id, CaseStatus.RETURNED_TO_COURT, note)

    def archive(self, actor: Actor, case_id: str, note: str = "立卷归档") -> v.CaseDetail:
        return self._simple_transition(actor, case_id, CaseStatus.ARCHIVED, note)

    def _simple_transition(self, actor, case_id, target: CaseStatus, note: str) -> v.CaseDetail:
        self._require_case_worker(actor)

        def change(s, case):
            self._transition(s, case, target, actor, note)
        return self._change(actor, case_id, change)

    # --- attachments -----------------------------------------------------------------------

    def attach_file(self, actor: Actor, case_id: str, data: bytes | Path, *, filename: str | None = None,
                    kind: str = AttachmentKind.SCAN.value, description: str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        if isinstance(data, (str, Path)):
            path = Path(data)
            if not path.is_file():
                raise ValidationError(FieldError("file", "附件", f"找不到文件“{path.name}”，请重新选择。", "missing"))
            filename = filename or path.name
            data = path.read_bytes()
        if not filename:
            raise ValidationError(FieldError("filename", "文件名", "不能为空。", "required"))
        try:
            kind_v = AttachmentKind.parse(kind).value
        except ValueError:
            raise ValidationError(FieldError("kind", "附件类别", f"可选：{AttachmentKind.choices()}。", "choice")) from None
        with self.store.read() as s:
            self.load_case(s, case_id)
        digest = self.ctx.blobs.put(data)  # content-addressed: a retry writes nothing new
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"

        def change(s, case):
            s.add(Attachment(case_id=case.id, kind=kind_v, filename=filename, mime=mime, size=len(data),
                             sha256=digest, description=description))
        return self._change(actor, case_id, change)

    def read_attachment(self, attachment_id: str) -> tuple[v.AttachmentView, bytes]:
        with self.store.read() as s:
            att = s.get(Attachment, attachment_id)
            if att is None or att.deleted_at is not None:
                raise NotFound("找不到该附件。")
            view_ = v.view(v.AttachmentView, att)
        return view_, self.ctx.blobs.get(view_.sha256)
