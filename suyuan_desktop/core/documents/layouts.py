"""One layout per document (MoJ 2010 formats, docs/domain-rules.md), fed a plain data dict.

The data comes from ``data.select_data``.
Wording comes from the versioned templates (templates/*.toml, overridable per district).
"""
from __future__ import annotations


from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..domain.enums import (
    AttachmentKind, CaseSource, DisputeType, PartyKind, PartyRole, PerformanceStatus, ReferralKind, TerminationReason,
    reason_and_detail,
)
from ..domain.money import amount_in_words, format_amount
from .fonts import FontSet
from .types import DOC_TYPES, DocType  # noqa: F401 - re-exported
from .signatures import SignatureDrawing
from .data import _cn_number, age_at, body_date, signature_date


class SealMark(Flowable):
    """Where the committee's seal goes: a dashed circle at the right margin."""

    def __init__(self, font: str, diameter: float = 38 * mm):
        super().__init__()
        self.font, self.d = font, diameter

    def wrap(self, avail_w, avail_h):
        self.avail_w = avail_w
        return avail_w, self.d * 0.6

    def draw(self):
        c = self.canv
        c.saveState()
        c.setDash(2, 2)
        c.setStrokeGray(0.55)
        c.circle(self.avail_w - self.d / 2 - 4 * mm, -self.d * 0.05, self.d / 2)
        c.setFont(self.font, 8)
        c.setFillGray(0.55)
        c.drawCentredString(self.avail_w - self.d / 2 - 4 * mm, self.d * 0.12, "（盖章处）")
        c.restoreState()


class Ctx:
    def __init__(self, data: dict, fonts: FontSet, template: dict):
        self.d = data
        self.f = fonts
        self.t = template
        self.committee = data["station"]["committee_name"]
        body = dict(fontName=fonts.body, fontSize=12, leading=21, wordWrap="CJK", alignment=TA_JUSTIFY)
        self.s_body = ParagraphStyle("body", **body)
        self.s_indent = ParagraphStyle("indent", parent=self.s_body, firstLineIndent=24)
        self.s_small = ParagraphStyle("small", parent=self.s_body, fontSize=10, leading=15)
        self.s_cell = ParagraphStyle("cell", parent=self.s_body, fontSize=10.5, leading=15, alignment=0)
        self.s_head = ParagraphStyle("head", parent=self.s_body, fontName=fonts.title, fontSize=12.5, spaceBefore=8, spaceAfter=3)
        self.s_title = ParagraphStyle("title", fontName=fonts.title, fontSize=20, leading=28, alignment=TA_CENTER,
                                      spaceAfter=4 * mm, wordWrap="CJK")
        self.s_number = ParagraphStyle("number", parent=self.s_body, alignment=TA_RIGHT, fontSize=11)
        self.s_right = ParagraphStyle("right", parent=self.s_body, alignment=TA_RIGHT)

    def p(self, text, style=None, where="文书", bold=False) -> Paragraph:
        style = style or self.s_body
        return Paragraph(self.f.markup(str(text or ""), where, self.f.title if bold else style.fontName), style)

    def title(self, text: str, number: str | None = None) -> list:
        out = [Spacer(1, 6 * mm), self.p(text, self.s_title, "标题")]
        if number:
            out.append(self.p(f"编号：{number}", self.s_number, "编号"))
        return out

    def head(self, text: str) -> Paragraph:
        return self.p(text, self.s_head, "小标题")

    def field_table(self, rows: list[tuple[str, str]], label_width=36 * mm) -> Table:
        data = [[self.p(k, self.s_cell, "表格", bold=True), self.p(v, self.s_cell, k)] for k, v in rows]
        t = Table(data, colWidths=[label_width, None], hAlign="LEFT")
        t.setStyle(self.grid())
        return t

    def grid(self) -> TableStyle:
        # FONTNAME: a Table sets its cell font on the canvas even for Paragraph cells, and the
        # default is Helvetica, which would be a non-embedded font in the document
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.f.body),
                           ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])

    def party_rows(self, p: dict, on, role: str | None = None) -> list[tuple[str, str]]:
        role = role or PartyRole.parse(p["role"]).label
        if p["kind"] == PartyKind.ORGANISATION.value:
            rows = [(f"{role}（单位）", p["name"]), ("统一社会信用代码", p.get("credit_code") or ""),
                    ("住所地", p.get("address") or ""),
                    ("法定代表人", f"{p.get('legal_representative') or ''}  {p.get('legal_representative_title') or ''}".strip()),
                    ("联系方式", p.get("phone") or "")]
        else:
            age = age_at(p.get("birth_date"), on)
            facts = "，".join(x for x in (p.get("gender"), p.get("ethnicity"), f"{age}岁" if age is not None else None,
                                          p.get("occupation")) if x)
            rows = [(role, f"{p['name']}（{facts}）" if facts else p["name"]),
                    ("身份证号码", p.get("id_number") or ""), ("联系方式", p.get("phone") or ""),
                    ("住址", p.get("address") or "")]
        if p.get("agent_name"):
            rows.append(("委托代理人", f"{p['agent_name']}  {p.get('agent_phone') or ''}  {p.get('agent_authority') or ''}".strip()))
        return rows

    def parties_table(self, on, roles: tuple[str, ...] | None = None, label: str | None = None) -> list:
        out = []
        for p in self.d["parties"]:
            if roles and p["role"] not in roles:
                continue
            out.append(self.field_table(self.party_rows(p, on, label)))
            out.append(Spacer(1, 2 * mm))
        return out

    def signatures(self, lines: list[tuple[str, str, str]], seal: bool, date) -> list:
        """Printed names with a line to sign on and a date, then the committee's seal position."""
        drawn = self.d.get("signatures") or {}
        rows = [[self.p(label, self.s_cell, "签名栏"), self.p(name, self.s_cell, "签名栏"),
                 SignatureDrawing(drawn[name]["strokes"]) if name in drawn else
                 Paragraph(f'<font size="7" color="#666666">{hint}</font>', self.s_cell),
                 self.p(body_date(drawn[name]["date"]) if name in drawn else "    年    月    日", self.s_cell)]
                for label, name, hint in lines]
        t = Table(rows, colWidths=[26 * mm, 44 * mm, 50 * mm, None], hAlign="LEFT", rowHeights=[14 * mm] * len(rows))
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.f.body), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LINEBELOW", (2, 0), (2, -1), 0.6, colors.black)]))
        out = [Spacer(1, 5 * mm), t]
        if seal:
            out += [Spacer(1, 4 * mm), SealMark(self.f.body), self.p(f"{self.committee}（印）", self.s_right, "印章"),
                    self.p(signature_date(date), self.s_right, "日期")]
        return [KeepTogether(out)]

    def party_signature_lines(self, hint="签名盖章或按指印") -> list[tuple[str, str, str]]:
        return [("当事人", p["name"], hint) for p in self.d["parties"]]

    def staff_lines(self, recorder=None) -> list[tuple[str, str, str]]:
        names = [m["name"] for m in self.d["mediators"]] or [""]
        lines = [("人民调解员", n, "签名") for n in names]
        lines.append(("记录人", recorder or "", "签名"))
        return lines

    def money(self, amount) -> str:
        return f"人民币{format_amount(amount)}元（大写：人民币{amount_in_words(amount)}）"

    def t_(self, key: str, **kw) -> str:
        return str(self.t[key]).format(**kw)


def _names(ctx: Ctx, roles=None) -> str:
    return "、".join(p["name"] for p in ctx.d["parties"] if not roles or p["role"] in roles)


# --- the documents -----------------------------------------------------------------------------

def application(ctx: Ctx) -> list:
    c = ctx.d["case"]
    out = ctx.title(ctx.t["title"])
    out += ctx.parties_table(c["received_date"], ("applicant",))
    out += ctx.parties_table(c["received_date"], ("respondent", "third_party"))
    out += [ctx.head(ctx.t["facts_heading"]), ctx.p(c["summary"], ctx.s_indent, "纠纷简要情况"),
            ctx.head(ctx.t["claims_heading"]), ctx.p(c.get("claims") or "请求调解解决。", ctx.s_indent, "申请事项"),
            Spacer(1, 3 * mm), ctx.p(ctx.t_("declaration", committee=ctx.committee), ctx.s_indent)]
    lines = [("申请人", p["name"], "签名盖章或按指印") for p in ctx.d["parties"] if p["role"] == "applicant"]
    out += ctx.signatures(lines, seal=False, date=None)
    out.append(ctx.p(body_date(c["received_date"]), ctx.s_right))
    return out


def registration(ctx: Ctx) -> list:
    c = ctx.d["case"]
    out = ctx.title(ctx.t["title"], c["case_number"])
    out.append(ctx.p(ctx.t_("opening", date=body_date(c.get("accepted_date") or c["received_date"]),
                            parties=_names(ctx)), ctx.s_indent))
    out.append(Spacer(1, 3 * mm))
    source = CaseSource.parse(c["source"]).label
    refs = ctx.d.get("referrals") or []
    if refs:
        r = refs[-1]
        source += f"（{r['court']}，{r['reference_number']}）"
    out.append(ctx.field_table([("纠纷类型", DisputeType.parse(c["dispute_type"]).label), ("案件来源", source),
                                ("收案日期", body_date(c["received_date"])), ("纠纷简要情况", c["summary"])]))
    lines = ctx.party_signature_lines("签名") + [("登记人", c.get("registered_by") or "", "签名")]
    out += ctx.signatures(lines, seal=True, date=c.get("accepted_date") or c["received_date"])
    out += [Spacer(1, 4 * mm), ctx.p(f"备注：{ctx.t['note']}", ctx.s_small)]
    return out


def notice(ctx: Ctx) -> list:
    out = ctx.title(ctx.t["title"])
    out.append(ctx.p(f"{_names(ctx)}：", ctx.s_body))
    out.append(ctx.p(ctx.t["intro"], ctx.s_indent))
    for i, para in enumerate(ctx.t["paragraphs"], start=1):
        out.append(ctx.p(f"{_cn_number(i)}、{para}", ctx.s_indent))
    out += [Spacer(1, 3 * mm), ctx.p(ctx.t["acknowledgement"], ctx.s_indent)]
    out += ctx.signatures(ctx.party_signature_lines(), seal=True, date=ctx.d["case"].get("accepted_date"))
    return out


def investigation(ctx: Ctx) -> list:
    r = ctx.d["target"]
    out = ctx.title(ctx.t["title"], ctx.d["case"]["case_number"])
    out.append(ctx.field_table([("时间", f"{body_date(r['occurred_at'])} {str(r['occurred_at'])[11:16]}"), ("地点", r["place"]),
                                ("调查人", r["investigators"]), ("参加人", r.get("participants") or "无"),
                                ("被调查人", r["subject"])]))
    out += [ctx.head("记录"), ctx.p(r["record"], ctx.s_indent, "调查记录"), Spacer(1, 2 * mm),
            ctx.p(ctx.t["closing"], ctx.s_indent)]
    out += ctx.signatures([("被调查人", r["subject"], "签名或按指印（逐页）"), ("调查人", r["investigators"], "签名"),
                           ("记录人", r.get("recorder") or "", "签名")], seal=False, date=None)
    return out


def session(ctx: Ctx) -> list:
    r = ctx.d["target"]
    out = ctx.title(ctx.t["title"], ctx.d["case"]["case_number"])
    out.append(ctx.field_table([("时间", f"{body_date(r['occurred_at'])} {str(r['occurred_at'])[11:16]}"), ("地点", r["place"]),
                                ("事由", ctx.d["case"]["title"]), ("当事人", r["attendees"]),
                                ("参加人", r.get("participants") or "无"),
                                ("人民调解员", "、".join(m["name"] for m in ctx.d["mediators"]))]))
    out += [ctx.head("调解记录"), ctx.p(ctx.t["notice_given"], ctx.s_indent), ctx.p(r["content"], ctx.s_indent, "调解记录"),
            ctx.head("调解结果"), ctx.p(r.get("result") or "调解继续进行。", ctx.s_indent, "调解结果"),
            Spacer(1, 2 * mm), ctx.p(ctx.t["closing"], ctx.s_indent)]
    out += ctx.signatures(ctx.party_signature_lines("签名") + ctx.staff_lines(r.get("recorder")), seal=False, date=None)
    return out


def _clauses(ctx: Ctx, ag: dict) -> list:
    out = []
    for cl in ag.get("clauses", []):
        text = f"{_cn_number(cl['position'])}、{cl['text']}"
        if cl.get("amount") not in (None, ""):
            figures = format_amount(cl["amount"])
            words = f"人民币{amount_in_words(cl['amount'])}"
            text += f"（大写：{words}）" if figures in text else f"（金额：人民币{figures}元，大写：{words}）"
        out.append(ctx.p(text, ctx.s_indent, f"第{cl['position']}条"))
    if ag.get("total_amount") not in (None, "") and sum(cl.get("amount") not in (None, "") for cl in ag.get("clauses", [])) > 1:
        out.append(ctx.p(f"协议涉及金额合计：{ctx.money(ag['total_amount'])}。", ctx.s_indent, "金额合计"))
    return out


def _performance(ag: dict) -> str:
    parts = [ag.get("performance_method") or ""]
    if ag.get("performance_place"):
        parts.append(f"履行地点：{ag['performance_place']}")
    if ag.get("performance_deadline"):
        parts.append(f"履行期限：{body_date(ag['performance_deadline'])}前")
    return "；".join(p for p in parts if p) + "。"


def agreement(ctx: Ctx) -> list:
    ag = ctx.d["target"]
    addendum = bool(ag.get("supersedes_id"))
    out = ctx.title(ctx.t["addendum_title"] if addendum else ctx.t["title"], ag["number"])
    out += ctx.parties_table(ag["agreed_date"])
    if addendum:
        out.append(ctx.p(ctx.t_("addendum_intro", previous=ctx.d.get("previous_number") or ""), ctx.s_indent))
    out += [ctx.head(ctx.t["facts_heading"]), ctx.p(ag["facts_and_disputes"], ctx.s_indent, "纠纷事实"),
            ctx.head(ctx.t["clauses_heading"])]
    out += _clauses(ctx, ag)
    out += [ctx.head(ctx.t["performance_heading"]), ctx.p(_performance(ag), ctx.s_indent, "履行方式"),
            Spacer(1, 2 * mm), ctx.p(ctx.t["effect"], ctx.s_indent), ctx.p(ctx.t["confirmation_hint"], ctx.s_indent),
            ctx.p(ctx.t_("copies", copies=ag["copies"]), ctx.s_indent), CondPageBreak(60 * mm)]
    out += ctx.signatures(ctx.party_signature_lines() + ctx.staff_lines(ag.get("recorder")), seal=True,
                          date=ag.get("effective_date"))
    return out


def oral_agreement(ctx: Ctx) -> list:
    ag = ctx.d["target"]
    out = ctx.title(ctx.t["title"], ag["number"])
    out += ctx.parties_table(ag["agreed_date"])
    content = "；".join(cl["text"] for cl in ag.get("clauses", []))
    rows = [("纠纷简要情况", ag["facts_and_disputes"]), ("口头协议内容", content),
            ("履行方式、时限", _performance(ag)), ("协议达成日期", body_date(ag["agreed_date"]))]
    if ag.get("total_amount") not in (None, ""):
        rows.insert(2, ("涉及金额", ctx.money(ag["total_amount"])))
    out += [ctx.field_table(rows, 34 * mm), Spacer(1, 2 * mm), ctx.p(ctx.t["effect"], ctx.s_indent)]
    out += ctx.signatures(ctx.staff_lines(ag.get("recorder")), seal=True, date=ag["agreed_date"])
    out.append(ctx.p(f"登记日期：{body_date(ag['agreed_date'])}", ctx.s_right))
    return out


def undisputed_facts(ctx: Ctx) -> list:
    r = ctx.d["target"]
    c = ctx.d["case"]
    out = ctx.title(ctx.t["title"], f"{c['case_number']}-无争议")
    rows = [("调解组织", ctx.committee), ("人民调解员", "、".join(m["name"] for m in ctx.d["mediators"]) or ""),
            ("调解期间", f"{body_date(r.get('mediation_start') or c.get('accepted_date'))}至{body_date(r.get('mediation_end') or r['record_date'])}")]
    refs = ctx.d.get("referrals") or []
    if refs:
        rows.append(("法院委派/委托", f"{refs[-1]['court']} {refs[-1]['reference_number']}"))
    out += [ctx.field_table(rows), Spacer(1, 2 * mm)]
    out += ctx.parties_table(r["record_date"])
    out += [ctx.head("纠纷及各方主张"), ctx.p(r["dispute_statement"], ctx.s_indent, "纠纷及各方主张"),
            ctx.head("无争议事实"), ctx.p(ctx.t["intro"], ctx.s_indent)]
    for f in r.get("facts", []):
        confirmed = {cf["party_id"] for cf in f.get("confirmations", []) if cf["confirmed"]}
        who = "、".join(p["name"] for p in ctx.d["parties"] if p["id"] in confirmed)
        line = f"{f['position']}. {f['text']}"
        if f.get("evidence_refs"):
            line += f"（证据：{f['evidence_refs']}）"
        out.append(ctx.p(line, ctx.s_indent, f"第{f['position']}项事实"))
        out.append(ctx.p(f"确认人：{who}", ctx.s_small, "确认人"))
    if r.get("disputed_points"):
        out += [ctx.head("仍有争议的事项（争议焦点）"), ctx.p(r["disputed_points"], ctx.s_indent, "争议焦点")]
    if r.get("failure_reason"):
        out += [ctx.head("调解不成的原因"), ctx.p(r["failure_reason"], ctx.s_indent, "调解不成原因")]
    if r.get("cost_conduct"):
        out += [ctx.head("增加对方诉讼成本的行为"), ctx.p(r["cost_conduct"], ctx.s_indent)]
    out += [ctx.head("当事人同意"), ctx.p(ctx.t["consent"], ctx.s_indent), ctx.p(ctx.t["exclusions"], ctx.s_small),
            CondPageBreak(60 * mm)]
    out += ctx.signatures(ctx.party_signature_lines() + ctx.staff_lines(), seal=True, date=r["record_date"])
    return out


def judicial_confirmation(ctx: Ctx) -> list:
    ag = ctx.d["target"]
    c = ctx.d["case"]
    confs = ctx.d.get("confirmations") or []
    court = confs[-1]["court"] if confs else "____________人民法院"
    out = ctx.title(ctx.t["title"])
    out += ctx.parties_table(ag["agreed_date"], label="申请人")  # a joint application: every party applies
    out += [ctx.head("请求事项"), ctx.p(ctx.t_("request", date=body_date(ag["effective_date"]), committee=ctx.committee,
                                                number=ag["number"]), ctx.s_indent),
            ctx.head("事实和理由"),
            ctx.p(ctx.t_("facts_intro", title=c["title"], received=body_date(c["received_date"]), committee=ctx.committee,
                         date=body_date(ag["agreed_date"])), ctx.s_indent)]
    out += _clauses(ctx, ag)
    out += [ctx.p(ctx.t["facts_closing"], ctx.s_indent), ctx.head("申请人承诺"), ctx.p(ctx.t["undertaking"], ctx.s_indent),
            Spacer(1, 3 * mm), ctx.p("此致", ctx.s_body), ctx.p(court, ctx.s_body, "法院"), ctx.head("附："),
            *[ctx.p(f"{i}. {a}", ctx.s_body) for i, a in enumerate(ctx.t["attachments"], start=1)], CondPageBreak(50 * mm)]
    out += ctx.signatures([("申请人", p["name"], "签名或盖章") for p in ctx.d["parties"]], seal=False, date=None)
    return out


def follow_up(ctx: Ctx) -> list:
    r = ctx.d["target"]
    out = ctx.title(ctx.t["title"], ctx.d["case"]["case_number"])
    status = PerformanceStatus.parse(r["performance_status"]).label
    out.append(ctx.field_table([
        ("当事人（被回访人）", r["visited"]), ("调解协议编号", ctx.d.get("agreement_number") or "（口头协议或无协议）"),
        ("回访事由", ctx.d["case"]["title"]), ("回访方式", r.get("method") or ""), ("履行情况", status),
        ("满意程度", r.get("satisfaction") or ""), ("回访情况", r["notes"]),
        ("回访日期", body_date(r["visit_date"]))], 36 * mm))
    out += ctx.signatures([("回访人", r["visitor"], "签名")], seal=False, date=None)
    return out


def termination(ctx: Ctx) -> list:
    c = ctx.d["case"]
    out = ctx.title(ctx.t["title"], c["case_number"])
    # business dates (what happened when), not the times the records were typed in
    started = c.get("accepted_date") or c["received_date"]
    ended = c.get("closed_date")
    course = [f"{body_date(c['received_date'])} 收案登记"]
    if c.get("accepted_date"):
        course.append(f"{body_date(c['accepted_date'])} 受理")
    course += [f"{body_date(d)} 调解" for d in ctx.d.get("session_dates", [])]
    course.append(f"{body_date(ended)} 终止调解")
    course = "；".join(course)
    facts = [f.rstrip("。") for r in ctx.d.get("fact_records", []) for f in r["facts"]]
    disputed = "；".join(r["disputed_points"] for r in ctx.d.get("fact_records", []) if r.get("disputed_points"))
    refs = ctx.d.get("referrals") or []
    suggestion = "建议适用简易程序审理" if facts else "建议依法审理"
    rows = [("当事人", _names(ctx)), ("案由", c["title"]), ("接受调解时间", body_date(started)),
            ("调解终止时间", body_date(ended)), ("案件过程", course),
            ("终止原因", reason_and_detail(TerminationReason.parse(c["termination_reason"]).label, c.get("termination_detail"))),
            ("争议焦点", disputed or "见调解记录"),
            ("无争议事实", "；".join(facts) + "。（详见无争议事实记载书）" if facts else "未记载"),
            ("繁简分流建议", suggestion)]
    if refs:
        rows.insert(0, ("委派/委托法院", f"{refs[-1]['court']}（{ReferralKind.parse(refs[-1]['kind']).label}，{refs[-1]['reference_number']}）"))
    out += [ctx.field_table(rows, 30 * mm), Spacer(1, 2 * mm), ctx.p(ctx.t["routes"], ctx.s_indent)]
    out += ctx.signatures(ctx.staff_lines(), seal=True, date=c.get("closed_date"))
    return out


def cover(ctx: Ctx) -> list:
    c = ctx.d["case"]
    big = ParagraphStyle("cover", parent=ctx.s_title, fontSize=26, leading=36)
    history = ctx.d.get("history", [])
    end = c.get("closed_date") or (history[-1]["changed_at"] if history else None)
    out = [Spacer(1, 20 * mm), ctx.p(ctx.committee, ctx.s_title, "委员会"), Spacer(1, 6 * mm),
           ctx.p(ctx.t["title"], big, "标题"), Spacer(1, 22 * mm)]
    rows = [("卷名", c["title"]), ("卷号", c["case_number"]),
            ("人民调解员", "、".join(m["name"] for m in ctx.d["mediators"])),
            ("调解日期", f"自{body_date(c.get('accepted_date') or c['received_date'])}至{body_date(end)}"),
            ("立卷人", ""), ("立卷日期", body_date(None)), ("保管期限", ctx.t["retention_default"]), ("备注", "")]
    t = ctx.field_table(rows, 32 * mm)
    out.append(t)
    return out


def service_address(ctx: Ctx) -> list:
    out = ctx.title(ctx.t["title"], ctx.d["case"]["case_number"])
    out.append(ctx.p(ctx.t["notice"], ctx.s_indent))
    for p in ctx.d["parties"]:
        out += [Spacer(1, 2 * mm), ctx.field_table([
            ("受送达人", f"{p['name']}（{PartyRole.parse(p['role']).label}）"),
            ("送达地址", p.get("address") or ""), ("联系电话", p.get("phone") or ""),
            ("电子送达", ctx.t["electronic"]), ("其他联系方式", "")], 30 * mm)]
    out += ctx.signatures([("受送达人", p["name"], "签名或按指印") for p in ctx.d["parties"]], seal=False, date=None)
    return out


def court_handoff(ctx: Ctx) -> list:
    c, pkg = ctx.d["case"], ctx.d["package"]
    refs = ctx.d.get("referrals") or []
    ref = refs[-1] if refs else None
    out = ctx.title(ctx.t["title"], c["case_number"])
    how = (ctx.t_("how_referral", kind=ReferralKind.parse(ref["kind"]).label, reference_number=ref["reference_number"])
           if ref else ctx.t["how_own"])
    out += [ctx.p(f"{ref['court'] if ref else '____________人民法院'}：", ctx.s_body, "法院"),
            ctx.p(ctx.t_("body", committee=ctx.committee, title=c["title"], case_number=c["case_number"], how=how),
                  ctx.s_indent)]
    steps = [(c["received_date"], "收案登记"), (c.get("accepted_date"), "受理"),
             *((d, "调解") for d in ctx.d.get("session_dates", [])), (c.get("closed_date"), "调解终结")]
    course = "；".join(f"{body_date(day)} {what}" for day, what in sorted((d[:10], w) for d, w in steps if d))
    rows = [("当事人", _names(ctx)), ("案由", c["title"]), ("调解过程", course)]
    if ref:
        rows.insert(0, ("委派/委托", f"{ref['court']}{ReferralKind.parse(ref['kind']).label}，{ref['reference_number']}，"
                                    f"期限至{body_date(ref['deadline'])}"))
    out += [ctx.head("一、调解的基本情况"), ctx.field_table(rows, 30 * mm)]
    records = ctx.d.get("fact_records", [])
    reasons = [reason_and_detail(TerminationReason.parse(c["termination_reason"]).label, c.get("termination_detail"))]
    reasons += [r["failure_reason"] for r in records if r.get("failure_reason") and r["failure_reason"] not in reasons[0]]
    out += [ctx.head("二、调解不成的原因"), ctx.p("；".join(dict.fromkeys(reasons)) + "。", ctx.s_indent, "原因")]
    conduct = [r["cost_conduct"] for r in records if r.get("cost_conduct")]
    out += [ctx.head("三、增加对方诉讼成本的行为"),
            ctx.p("；".join(conduct) if conduct else "调解过程中未记录当事人有增加对方诉讼成本的行为。", ctx.s_indent, "行为")]
    facts = sum(r["facts"] for r in records)
    out += [ctx.head("四、无争议事实"),
            ctx.p(f"经各方当事人书面确认的无争议事实共{facts}项，详见所附《无争议事实记载书》。" if facts
                  else "各方当事人未就任何事实书面确认无争议。", ctx.s_indent)]
    items = [[ctx.p(h, ctx.s_cell, "表格", bold=True) for h in ("序号", "材料", "页数/大小", "SHA-256")]]
    listed = [(part["title"], f"{part['pages']}页", part["sha256"]) for part in pkg["parts"]]
    listed += [(f"{a['filename']}（{AttachmentKind.parse(a['kind']).label}{'' if a['included'] else '，另附'}）",
                f"{a['size']}字节", a["sha256"]) for a in pkg["attachments"]]
    for n, (title, size, sha) in enumerate(listed, start=1):
        # the hash in two rows of 32 characters, so that it can be read and compared
        items.append([ctx.p(str(n), ctx.s_cell), ctx.p(title, ctx.s_cell, "材料"), ctx.p(size, ctx.s_cell),
                      Paragraph(f'<font size="8.5">{sha[:32]}<br/>{sha[32:]}</font>', ctx.s_cell)])
    table = Table(items, colWidths=[13 * mm, 60 * mm, 22 * mm, None], hAlign="LEFT", repeatRows=1)
    table.setStyle(ctx.grid())
    out += [ctx.head("五、移送材料清单"), table, Spacer(1, 2 * mm), ctx.p(ctx.t["concessions"], ctx.s_small),
            ctx.p(ctx.t["closing"], ctx.s_indent), CondPageBreak(50 * mm)]
    out += ctx.signatures(ctx.staff_lines(), seal=True, date=pkg["made_on"])
    return out


LAYOUTS = {"application": application, "registration": registration, "notice": notice,
           "investigation": investigation, "session": session, "agreement": agreement,
           "oral_agreement": oral_agreement, "undisputed_facts": undisputed_facts,
           "judicial_confirmation": judicial_confirmation, "follow_up": follow_up, "termination": termination,
           "cover": cover, "service_address": service_address, "court_handoff": court_handoff}
