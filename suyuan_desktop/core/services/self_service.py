"""自助申请: a citizen applies for mediation at the kiosk, without a mediator (docs/self-service.md).

The application becomes a case in 待受理 with source 当事人申请, registered by ``SELF_SERVICE``,
for a mediator to accept or refuse; the signed 人民调解申请书 is issued with the applicant's
signature drawn on the screen. The citizen takes a receipt whose QR code carries a random token,
and nothing else; with it the kiosk tells them where their application stands, in four words.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import secrets
from dataclasses import dataclass, field

from ..domain.enums import CaseStatus, DisputeType, PartyRole
from ..domain.errors import FieldError, NotFound, ValidationError
from ..store.models import Case, SelfServiceToken, utcnow
from ..store.tracking import Actor
from .inputs import CaseIntake, PartyInput

SELF_SERVICE = Actor(None, "自助申请", "system")   # who registers a self-service application
STATUS_WORDS = {  # all a receipt's holder is told
    CaseStatus.RECEIVED.value: "已收到申请，等待受理",
    CaseStatus.ACCEPTED.value: "已受理",
    CaseStatus.IN_MEDIATION.value: "调解中",
    CaseStatus.SUSPENDED.value: "调解中",
}
CLOSED_WORDS = "已办结"


@dataclass
class SelfApplication:
    applicant: PartyInput
    respondent: PartyInput
    summary: str = ""
    claims: str = ""
    dispute_type: str = DisputeType.OTHER.value   # 其他纠纷 unless the citizen chose one
    accepted_notice: bool = False        # read the 告知 of rights and duties (人民调解法 Arts. 23-24)
    address_confirmed: bool = False      # 送达地址确认: the address and phone given are for notices
    signature: list = field(default_factory=list)   # strokes drawn on the screen


@dataclass(frozen=True)
class Receipt:
    case_number: str
    token: str
    pdf: bytes


class SelfServiceService:
    def __init__(self, ctx, cases, documents):
        """``documents`` gives the document service when an application is signed or a receipt
        printed (it loads ReportLab: the kiosk's first screen comes up without it)."""
        self.ctx = ctx  # a StationContext
        self.cases = cases
        self._documents = documents

    def apply(self, data: SelfApplication) -> Receipt:
        problems = []
        if not data.accepted_notice:
            problems.append(FieldError("accepted_notice", "权利义务告知", "请先阅读权利义务告知，并勾选“我已阅读并知晓”。", "required"))
        if not data.address_confirmed:
            problems.append(FieldError("address_confirmed", "送达地址确认", "请确认您留下的地址和电话可用于接收通知。", "required"))
        if not data.signature:
            problems.append(FieldError("signature", "签名", "请在签名框内签上您的名字。", "required"))
        if problems:
            raise ValidationError(problems)
        applicant = data.applicant
        applicant.role, data.respondent.role = PartyRole.APPLICANT.value, PartyRole.RESPONDENT.value
        title = f"{applicant.name or '申请人'}与{data.respondent.name or '被申请人'}{DisputeType.parse(data.dispute_type).label}"
        case = self.cases.intake(SELF_SERVICE, CaseIntake(
            title=title[:200], dispute_type=data.dispute_type, source="application", summary=data.summary,
            claims=data.claims or None, received_date=self.ctx.today().isoformat(),
            parties=[applicant, data.respondent]))
        # the application as the MoJ form, signed by the applicant on the screen
        self._documents().issue(SELF_SERVICE, case.case_number, "application", signatures={
            applicant.name: {"strokes": data.signature, "date": self.ctx.today().isoformat()}})
        token = secrets.token_urlsafe(16)
        with self.ctx.store.write(SELF_SERVICE) as s:
            s.add(SelfServiceToken(token_hash=_hash(token), case_id=case.id, created_at=utcnow()))
        return Receipt(case.case_number, token, self._receipt(case.case_number, token))

    def notice(self) -> tuple[str, list[str]]:
        """The 告知 of a party's rights and duties the citizen reads first: the station's own
        人民调解当事人权利义务告知书 (its template), as a title and paragraphs."""
        from ..documents.render import load_template
        t = load_template("notice", self.ctx.templates_dir)
        return t["title"], [t["intro"], *t["paragraphs"]]

    def status(self, token: str) -> str:
        """Where the application of a receipt stands, in the words a citizen is told; nothing else."""
        with self.ctx.store.read() as s:
            row = s.get(SelfServiceToken, _hash((token or "").strip()))
            case = s.get(Case, row.case_id) if row else None
            if case is None or case.deleted_at is not None:
                raise NotFound("查不到这张回执对应的申请。请核对后再扫，或到窗口咨询。")
            return STATUS_WORDS.get(case.status, CLOSED_WORDS)

    def _receipt(self, case_number: str, token: str) -> bytes:
        """One A5 page: the station, the date, the reference, what happens next, the phone, the QR."""
        from reportlab.lib.pagesizes import A5
        from reportlab.lib.units import mm
        from reportlab.pdfgen import canvas

        from ..documents.builder import draw_qr
        station = self.ctx.station()
        fonts = self._documents().fonts
        lines = [(fonts.title, 16, f"{station.committee_name}"), (fonts.title, 15, "人民调解申请回执"),
                 (fonts.body, 11, f"受理编号：{case_number}"),
                 (fonts.body, 11, f"申请日期：{_cn(self.ctx.today())}"),
                 (fonts.body, 11, "接下来：人民调解员将审查您的申请，决定是否受理，"),
                 (fonts.body, 11, "并通过您留下的电话通知您。"),
                 (fonts.body, 11, f"咨询电话：{station.phone or '请到窗口咨询'}"),
                 (fonts.body, 10, "凭下方二维码可在本站自助终端查询办理进度（不含个人信息）。")]
        for _, _, text in lines:
            fonts.check(text, "回执")
        out = io.BytesIO()
        c = canvas.Canvas(out, pagesize=A5, pageCompression=1)
        c.setTitle(f"{case_number}人民调解申请回执")
        width, height = A5
        y = height - 22 * mm
        for font, size, text in lines:
            c.setFont(font, size)
            c.drawCentredString(width / 2, y, text)
            y -= size * 1.9
        draw_qr(c, f"SUYUAN-RECEIPT:{token}", (width - 45 * mm) / 2, y - 50 * mm, 45 * mm)
        c.showPage()
        c.save()
        return out.getvalue()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def token_from_scan(text: str) -> str:
    """The token in what a scanner typed (the QR's text) or a person typed (the token alone)."""
    text = (text or "").strip()
    return text.split(":", 1)[1] if text.startswith("SUYUAN-RECEIPT:") else text

