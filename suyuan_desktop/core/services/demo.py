"""Realistic synthetic cases for demos, training and benchmarks.

Generated as case-exchange documents and written through the same validated import as real
files, so demo data obeys every rule real data does: valid ID numbers and credit codes,
plausible addresses in 卫滨区, every dispute type, source and outcome, with histories that
follow the state machine.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import select

from ..domain.clock import cn_date
from ..domain import deadlines
from ..domain.case_numbers import format_case_number
from ..domain.enums import (
    CaseSource, CaseStatus, DisputeType, EscalationKind, PartyKind, PartyRole, PerformanceStatus,
    ReferralKind, ReferralProcedure, TerminationReason,
)
from ..domain.idcard import check_char as id_check
from ..domain.uscc import CHARSET, check_char as uscc_check, org_code_check
from ..store.ids import uuid7
from ..store.models import CaseNumberCounter, Station
from ..store.tracking import Actor
from .exchange import FORMAT, VERSION, import_cases

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
            "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红梅玉兰志强海燕春秋德福长江小红文博浩然子涵"
         "雨轩欣怡梓萱一诺宇航俊杰晓东淑珍凤英桂芝秀兰建华国庆卫东爱民新民振华丽娟海波嘉怡思远佳琪")
RARE_GIVEN = ("堃", "喆", "赟", "燊", "彧", "䶮")
TOWNSHIPS = ("平原镇", "中同街道", "胜利路街道", "解放路街道", "健康路街道", "自由路街道", "铁西街道")
VILLAGES = ("东村", "西村", "南王庄", "北李庄", "新华社区", "幸福社区", "和平社区", "建设社区", "前进村", "兴隆村")
REGION_CODES = ("410703", "410702", "410704", "410711", "410721", "410724", "410781")
ETHNICITIES = ("汉族",) * 18 + ("回族", "满族")
OCCUPATIONS = ("农民", "个体经营", "公司职员", "退休", "务工", "教师", "司机", "自由职业", "无业")
COMPANIES = {  # the kind of organisation that is a party to each type of dispute
    DisputeType.CONTRACT: ("商贸有限公司", "建材有限公司", "农业专业合作社"),
    DisputeType.LABOUR: ("建筑工程有限公司", "运输有限公司", "餐饮管理有限公司"),
    DisputeType.CONSUMER: ("商贸有限公司", "电动车销售有限公司", "家电销售中心"),
    DisputeType.MEDICAL: ("诊所", "社区卫生服务中心", "口腔门诊部"),
    DisputeType.PROPERTY_MANAGEMENT: ("物业服务有限公司", "物业管理有限公司"),
    DisputeType.ENVIRONMENT: ("木材加工厂", "食品加工有限公司", "养殖专业合作社"),
}
COMPANY_WORDS = ("鑫源", "华通", "恒泰", "卫滨", "牧野", "同心", "永兴", "宏达", "金穗", "平安")
COURTS = ("新乡市卫滨区人民法院", "新乡市红旗区人民法院", "新乡市中级人民法院")

TYPE_STORIES = {
    DisputeType.MARRIAGE_FAMILY: ("{a}与{b}赡养纠纷", "{b}系{a}之子，{a}年老多病，要求{b}每月支付赡养费并承担医疗费用，双方就数额发生争执。", "{b}每月{day}日前向{a}支付赡养费人民币{amt}元"),
    DisputeType.NEIGHBOUR: ("{a}与{b}相邻关系纠纷", "{a}与{b}系邻居，{b}修建院墙时占用公共通道并堵塞排水沟，雨天积水流入{a}院内，双方多次争吵。", "{b}于{date}前拆除占用通道部分院墙并疏通排水沟，赔偿{a}损失人民币{amt}元"),
    DisputeType.HOUSING_HOMESTEAD: ("{a}与{b}宅基地纠纷", "{a}与{b}宅基地相邻，{b}翻建房屋时越界约0.4米，{a}要求恢复原界。", "双方以村委会1998年宅基地登记图为准确定界址，{b}补偿{a}人民币{amt}元"),
    DisputeType.CONTRACT: ("{a}与{b}买卖合同纠纷", "{a}向{b}供应建材，{b}尚欠货款未付，{a}多次催要未果。", "{b}于{date}前一次性支付{a}货款人民币{amt}元"),
    DisputeType.PRODUCTION_BUSINESS: ("{a}与{b}合伙经营纠纷", "{a}与{b}合伙经营养殖场，散伙时就设备折价和利润分配产生分歧。", "{b}向{a}支付合伙财产折价款人民币{amt}元，养殖设备归{b}所有"),
    DisputeType.DAMAGES: ("{a}与{b}财产损害赔偿纠纷", "{b}饲养的羊群进入{a}承包的麦田，啃食麦苗约一亩，{a}要求赔偿。", "{b}赔偿{a}麦苗损失人民币{amt}元"),
    DisputeType.FOREST_LAND: ("{a}与{b}土地承包经营权纠纷", "{a}与{b}承包地相邻，{b}耕种时越界约两垄，{a}要求退还。", "{b}于{date}前退还越界耕种的土地，并补偿{a}人民币{amt}元"),
    DisputeType.LAND_REQUISITION: ("{a}与{b}拆迁补偿款分配纠纷", "{a}与{b}系兄弟，父母房屋拆迁后就补偿款分配发生争议。", "拆迁补偿款由{a}分得人民币{amt}元，其余归{b}所有"),
    DisputeType.ENVIRONMENT: ("{a}与{b}噪声污染纠纷", "{b}经营的加工作坊夜间作业噪声较大，影响{a}一家休息。", "{b}自{date}起每日22时至次日6时停止作业，并补偿{a}人民币{amt}元"),
    DisputeType.LABOUR: ("{a}与{b}劳务报酬纠纷", "{a}在{b}处务工，双方就拖欠的劳务报酬数额发生争议。", "{b}于{date}前支付{a}劳务报酬人民币{amt}元"),
    DisputeType.CONSUMER: ("{a}与{b}消费纠纷", "{a}在{b}处购买的电动车使用一周即出现故障，要求退货退款。", "{b}为{a}办理退货并退还购车款人民币{amt}元"),
    DisputeType.MEDICAL: ("{a}与{b}医疗纠纷", "{a}在{b}处就诊后出现不良反应，认为诊疗存在过错，要求赔偿。", "{b}一次性补偿{a}医疗费、误工费共计人民币{amt}元"),
    DisputeType.TRAFFIC: ("{a}与{b}道路交通事故损害赔偿纠纷", "{b}驾驶电动三轮车与{a}驾驶的电动自行车相撞，致{a}受伤，交警认定{b}负主要责任。", "{b}赔偿{a}医疗费、误工费、护理费等共计人民币{amt}元"),
    DisputeType.PROPERTY_MANAGEMENT: ("{a}与{b}物业服务纠纷", "{a}认为{b}服务不到位，拒交物业费，{b}要求补交。", "{a}补交物业费人民币{amt}元，{b}于{date}前修复单元门禁"),
    DisputeType.OTHER: ("{a}与{b}其他民间纠纷", "{a}与{b}因借用农具损坏发生争执。", "{b}赔偿{a}农具损失人民币{amt}元"),
}

OUTCOMES = (  # weights of final statuses
    (CaseStatus.RECEIVED, 4), (CaseStatus.ACCEPTED, 4), (CaseStatus.IN_MEDIATION, 9), (CaseStatus.SUSPENDED, 1),
    (CaseStatus.AGREED, 14), (CaseStatus.CONFIRM_APPLIED, 3), (CaseStatus.CONFIRMED, 5),
    (CaseStatus.CONFIRM_REJECTED, 1), (CaseStatus.PERFORMING, 6), (CaseStatus.PERFORMED, 16),
    (CaseStatus.FAILED, 10), (CaseStatus.WITHDRAWN, 4), (CaseStatus.REFUSED, 3),
    (CaseStatus.RETURNED_TO_COURT, 2), (CaseStatus.ARCHIVED, 18),
)
PATHS = {
    CaseStatus.RECEIVED: [], CaseStatus.ACCEPTED: ["accepted"], CaseStatus.IN_MEDIATION: ["accepted", "in_mediation"],
    CaseStatus.SUSPENDED: ["accepted", "in_mediation", "suspended"],
    CaseStatus.AGREED: ["accepted", "in_mediation", "agreed"],
    CaseStatus.CONFIRM_APPLIED: ["accepted", "in_mediation", "agreed", "confirm_applied"],
    CaseStatus.CONFIRMED: ["accepted", "in_mediation", "agreed", "confirm_applied", "confirmed"],
    CaseStatus.CONFIRM_REJECTED: ["accepted", "in_mediation", "agreed", "confirm_applied", "confirm_rejected"],
    CaseStatus.PERFORMING: ["accepted", "in_mediation", "agreed", "performing"],
    CaseStatus.PERFORMED: ["accepted", "in_mediation", "agreed", "performed"],
    CaseStatus.FAILED: ["accepted", "in_mediation", "failed"], CaseStatus.WITHDRAWN: ["accepted", "in_mediation", "withdrawn"],
    CaseStatus.REFUSED: ["refused"], CaseStatus.RETURNED_TO_COURT: ["accepted", "in_mediation", "failed", "returned_to_court"],
}


class DemoFactory:
    def __init__(self, seed: int, station, mediators: list[dict], today: dt.date, calendar,
                 parties_per_case: float | None = None):
        self.r = random.Random(seed)
        # 2-4 parties a case; by default mostly two (mean 2.25), or around a chosen mean
        if parties_per_case is None:
            self.party_weights = [80, 15, 5]
        else:
            x = min(max(parties_per_case, 2.0), 4.0) - 2.0  # mean = 2 + w3 + 2*w4
            w4 = max(0.0, x - 1.0) if x > 1 else x * 0.25
            self.party_weights = [max(0.0, 1 - (x - 2 * w4) - w4), x - 2 * w4, w4]
        self.station = station
        self.mediators = mediators
        self.today = today
        self.calendar = calendar

    # --- people -----------------------------------------------------------------------------

    def name(self) -> str:
        given = self.r.choice(GIVEN) + (self.r.choice(GIVEN) if self.r.random() < 0.7 else "")
        if self.r.random() < 0.01:
            given = self.r.choice(RARE_GIVEN) + given[:1]
        return self.r.choice(SURNAMES) + given

    def id_number(self, birth: dt.date, gender: str) -> str:
        seq = self.r.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
        first17 = f"{self.r.choice(REGION_CODES)}{birth:%Y%m%d}{seq:03d}"
        return first17 + id_check(first17)

    def phone(self) -> str:
        return f"1{self.r.choice('3456789')}{self.r.randrange(0, 10**9):09d}"

    def address(self) -> str:
        return f"河南省新乡市卫滨区{self.r.choice(TOWNSHIPS)}{self.r.choice(VILLAGES)}{self.r.randrange(1, 200)}号"

    def credit_code(self) -> str:
        body = "".join(self.r.choice("0123456789") for _ in range(8))
        first17 = "91" + self.r.choice(REGION_CODES) + body + org_code_check(body)
        assert all(c in CHARSET for c in first17)
        return first17 + uscc_check(first17)

    def party(self, role: PartyRole, position: int, org: DisputeType | None) -> dict:
        base = {"id": uuid7(), "position": position, "role": role.value, "phone": self.phone(),
                "address": self.address(), "ethnicity": None, "occupation": None, "gender": None,
                "birth_date": None, "id_number": None, "credit_code": None, "legal_representative": None,
                "legal_representative_title": None, "agent_name": None, "agent_id_number": None,
                "agent_phone": None, "agent_authority": None, "created_at": None}
        if org:
            base.update(kind=PartyKind.ORGANISATION.value,
                        name=f"新乡市卫滨区{self.r.choice(COMPANY_WORDS)}{self.r.choice(COMPANIES[org])}",
                        credit_code=self.credit_code(), legal_representative=self.name(),
                        legal_representative_title=self.r.choice(("执行董事", "经理", "负责人")))
            if self.r.random() < 0.5:
                base.update(agent_name=self.name(), agent_phone=self.phone(), agent_authority="一般授权代理")
        else:
            gender = self.r.choice("男女")
            birth = dt.date(self.r.randrange(1945, 2005), self.r.randrange(1, 13), self.r.randrange(1, 29))
            base.update(kind=PartyKind.PERSON.value, name=self.name(), gender=gender, birth_date=birth.isoformat(),
                        id_number=self.id_number(birth, gender), ethnicity=self.r.choice(ETHNICITIES),
                        occupation=self.r.choice(OCCUPATIONS))
        return base

    # --- cases ------------------------------------------------------------------------------

    def case(self, seq_by_year: dict[int, int]) -> dict:
        r = self.r
        final = r.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        if final in PATHS:
            path = PATHS[final]
        else:  # archived: any closed path, then the archive step
            path = PATHS[r.choice([CaseStatus.PERFORMED, CaseStatus.FAILED, CaseStatus.WITHDRAWN])] + ["archived"]
        span = 8 + 5 * len(path)
        received = self.today - dt.timedelta(days=r.randrange(span, span + 700) if path else r.randrange(0, 10))
        dtype = r.choice(list(DisputeType))
        source = r.choices(list(CaseSource), [40, 15, 12, 6, 10, 8, 5, 4])[0]
        if final is CaseStatus.RETURNED_TO_COURT:
            source = CaseSource.COURT_ASSIGNED
        n_parties = r.choices([2, 3, 4], self.party_weights)[0]
        org = dtype if dtype in COMPANIES and r.random() < 0.6 else None
        parties = [self.party(PartyRole.APPLICANT, 1, None), self.party(PartyRole.RESPONDENT, 2, org)]
        for i in range(3, n_parties + 1):
            parties.append(self.party(r.choice([PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY]), i, None))
        a, b = parties[0]["name"], parties[1]["name"]
        title_t, summary_t, clause_t = TYPE_STORIES[dtype]
        year = received.year
        seq_by_year[year] = seq_by_year.get(year, 0) + 1
        seq = seq_by_year[year]
        case_id = uuid7()
        number = format_case_number(self.station.case_number_template, year=year, short=self.station.short_name,
                                    code=self.station.code, seq=seq)
        day = received
        def ts(d: dt.date, hour: int = 9) -> str:
            return dt.datetime.combine(d, dt.time(hour, r.randrange(0, 60))).isoformat()
        history = [{"id": uuid7(), "from_status": None, "to_status": "received", "changed_at": ts(day),
                    "changed_by": "demo", "note": "收案登记", "created_at": ts(day)}]
        doc = {"id": case_id, "station_code": self.station.code, "case_number": number, "case_year": year,
               "case_seq": seq, "title": title_t.format(a=a, b=b), "dispute_type": dtype.value, "dispute_subtype": None,
               "source": source.value, "status": "received", "summary": summary_t.format(a=a, b=b),
               "claims": f"1、请求{b}依法承担相应责任；2、请求调解解决。", "received_date": received.isoformat(),
               "accepted_date": None, "closed_date": None, "risk_of_escalation": r.random() < 0.05,
               "risk_reported": False, "termination_reason": None, "termination_detail": None,
               "refusal_reason": None, "withdrawal_reason": None, "registered_by": "demo", "created_at": ts(received, 8),
               "parties": parties, "history": history, "court_referrals": [], "investigations": [], "sessions": [],
               "fact_records": [], "agreements": [], "judicial_confirmations": [], "follow_ups": [], "attachments": []}
        mediator = r.choice(self.mediators)
        doc["mediators"] = [{"id": mediator["id"], "name": mediator["name"], "phone": mediator["phone"],
                             "title": mediator["title"], "lead": True, "link_id": uuid7()}]
        if source in (CaseSource.COURT_ASSIGNED, CaseSource.COURT_ENTRUSTED):
            kind = ReferralKind.ASSIGNED if source is CaseSource.COURT_ASSIGNED else ReferralKind.ENTRUSTED
            proc = None if kind is ReferralKind.ASSIGNED else r.choice(list(ReferralProcedure))
            limit = deadlines.referral_limit_days(kind, proc)
            doc["court_referrals"].append({
                "id": uuid7(), "kind": kind.value, "procedure": proc.value if proc else None, "court": r.choice(COURTS),
                "reference_number": f"（{year}）豫0703民诉前调{r.randrange(100, 9999)}号", "judge": self.name(),
                "signed_for_date": received.isoformat(), "limit_days": limit, "extension_days": 0,
                "deadline": deadlines.referral_deadline(received, kind, proc, self.calendar).isoformat(),
                "created_at": ts(received)})
        amount = Decimal(r.randrange(2, 800) * 100 + r.choice([0, 0, 0, 50])).quantize(Decimal("0.01"))
        status = "received"
        for step in path:
            day = min(self.today, day + dt.timedelta(days=r.randrange(1, 5)))
            if step == "accepted":
                doc["accepted_date"] = day.isoformat()
            elif step == "in_mediation":
                doc["investigations"].append({"id": uuid7(), "occurred_at": ts(day), "place": "现场",
                    "investigators": mediator["name"], "subject": b, "participants": "村委会委员",
                    "record": f"问：请陈述事情经过。\n答：{summary_t.format(a=a, b=b)}", "recorder": mediator["name"],
                    "created_at": ts(day, 10)})
                day = min(self.today, day + dt.timedelta(days=r.randrange(1, 4)))
                doc["sessions"].append({"id": uuid7(), "occurred_at": ts(day, 14), "place": f"{self.station.name}调解室",
                    "attendees": "、".join(p["name"] for p in parties), "participants": None,
                    "content": "调解员告知双方权利义务及人民调解的性质、原则和效力；双方分别陈述；调解员释法说理。",
                    "result": None, "recorder": mediator["name"], "created_at": ts(day, 15)})
            elif step == "agreed":
                clause = clause_t.format(a=a, b=b, amt=f"{amount:,.2f}", day=r.randrange(1, 28),
                                         date=f"{cn_date((day + dt.timedelta(days=15)))}")
                ag_id = uuid7()
                doc["agreements"].append({"id": ag_id, "kind": "written" if r.random() < 0.85 else "oral",
                    "number": number, "revision": 1, "supersedes_id": None, "state": "effective",
                    "facts_and_disputes": summary_t.format(a=a, b=b), "performance_method": "一次性现金或银行转账支付",
                    "performance_place": f"{self.station.name}", "performance_deadline": (day + dt.timedelta(days=15)).isoformat(),
                    "agreed_date": day.isoformat(), "mediator_signed_date": day.isoformat(), "sealed_date": day.isoformat(),
                    "effective_date": day.isoformat(), "copies": len(parties) + 1, "total_amount": str(amount),
                    "recorder": mediator["name"], "created_at": ts(day, 16),
                    "clauses": [{"id": uuid7(), "position": 1, "text": clause, "amount": str(amount), "created_at": ts(day, 16)},
                                {"id": uuid7(), "position": 2, "text": "双方就此纠纷再无其他争议。", "amount": None, "created_at": ts(day, 16)}],
                    "signatures": [{"id": uuid7(), "party_id": p["id"], "signed_date": day.isoformat(), "created_at": ts(day, 16)} for p in parties]})
                if doc["agreements"][0]["kind"] == "oral":
                    ag = doc["agreements"][0]
                    ag.update(mediator_signed_date=None, sealed_date=None, signatures=[], performance_place=None)
                    ag["clauses"] = ag["clauses"][:1]
                    if "confirm_applied" in path:  # oral agreements cannot go to court
                        ag["kind"] = "written"
                        ag.update(mediator_signed_date=day.isoformat(), sealed_date=day.isoformat(),
                                  signatures=[{"id": uuid7(), "party_id": p["id"], "signed_date": day.isoformat(), "created_at": ts(day, 16)} for p in parties])
                doc["closed_date"] = day.isoformat()
            elif step == "confirm_applied":
                ag = doc["agreements"][0]
                doc["judicial_confirmations"].append({"id": uuid7(), "agreement_id": ag["id"], "court": r.choice(COURTS),
                    "applied_date": day.isoformat(),
                    "deadline": deadlines.judicial_confirmation_deadline(dt.date.fromisoformat(ag["effective_date"]), self.calendar).isoformat(),
                    "court_case_number": None, "outcome": "pending", "outcome_date": None, "note": None, "created_at": ts(day)})
            elif step in ("confirmed", "confirm_rejected"):
                jc = doc["judicial_confirmations"][0]
                jc.update(outcome="confirmed" if step == "confirmed" else "rejected", outcome_date=day.isoformat(),
                          court_case_number=f"（{day.year}）豫0703民特{r.randrange(10, 999)}号")
            elif step in ("performing", "performed"):
                doc["follow_ups"].append({"id": uuid7(), "visit_date": day.isoformat(), "visited": a, "method": "电话回访",
                    "performance_status": PerformanceStatus.PARTIAL.value if step == "performing" else PerformanceStatus.PERFORMED.value,
                    "satisfaction": "满意", "notes": "当事人表示对方已按协议履行。" if step == "performed" else "已履行部分款项，余款约定下月付清。",
                    "visitor": mediator["name"], "next_visit_date": (day + dt.timedelta(days=30)).isoformat() if step == "performing" else None,
                    "created_at": ts(day)})
            elif step == "failed":
                reason = r.choice([t for t in TerminationReason if t is not TerminationReason.OTHER])
                doc.update(termination_reason=reason.value, termination_detail=None, closed_date=day.isoformat())
                if r.random() < 0.5:
                    rec_id = uuid7()
                    doc["fact_records"].append({"id": rec_id, "record_date": day.isoformat(),
                        "mediation_start": doc["accepted_date"], "mediation_end": day.isoformat(),
                        "dispute_statement": summary_t.format(a=a, b=b), "disputed_points": "赔偿数额", "failure_reason": reason.label,
                        "cost_conduct": None, "consent_given": True, "created_at": ts(day),
                        "facts": [{"id": uuid7(), "position": i + 1, "text": text, "evidence_refs": None, "created_at": ts(day),
                                   "confirmations": [{"id": uuid7(), "party_id": p["id"], "confirmed": True, "created_at": ts(day)} for p in parties]}
                                  for i, text in enumerate([f"{a}与{b}之间存在{dtype.label[:-2]}关系。", f"纠纷发生于{received.year}年{received.month:02d}月。"])]})
            elif step == "withdrawn":
                doc["withdrawal_reason"] = "双方已自行和解"
                doc["closed_date"] = day.isoformat()
            elif step == "refused":
                doc["refusal_reason"] = "被申请人明确表示拒绝调解（人民调解法第17条）"
                doc["closed_date"] = day.isoformat()
            history.append({"id": uuid7(), "from_status": status, "to_status": step, "changed_at": ts(day, 17),
                            "changed_by": "demo", "note": CaseStatus(step).label, "created_at": ts(day, 17)})
            status = step
        doc["status"] = status
        if doc["risk_of_escalation"] and doc["status"] not in ("received", "refused"):
            # 防激化 on the cases marked at risk, from a stream of its own: every other demo record
            # stays what the same seed always gave
            extra = random.Random(f"{doc['case_number']}-escalation")
            day = min(self.today, received + dt.timedelta(days=extra.randint(1, 10)))
            doc["escalation_preventions"] = [{
                "id": uuid7(), "kind": extra.choice(list(EscalationKind)).value, "persons": extra.randint(2, 30),
                "recorded_date": day.isoformat(), "note": "经调解员及时介入劝解，矛盾未进一步激化。",
                "created_at": dt.datetime.combine(day, dt.time(10, 0)).isoformat()}]
        return doc


def generate_demo(app, actor: Actor, cases: int, *, seed: int = 2026, batch: int = 500, progress=None,
                  parties_per_case: float | None = None) -> int:
    """Create ``cases`` synthetic cases in batches (each batch one all-or-nothing import)."""
    mediators = app.users.list_mediators()
    names = {m.name for m in mediators}
    factory_rng = random.Random(seed ^ 0x5A5A)
    while len(mediators) < 4:
        name = random.Random(factory_rng.random()).choice(SURNAMES) + factory_rng.choice(GIVEN) + factory_rng.choice(GIVEN)
        if name not in names:
            app.users.add_mediator(Actor(None, "demo", "system"), name, phone=f"139{factory_rng.randrange(10**8):08d}", title="兼职调解员")
            names.add(name)
        mediators = app.users.list_mediators()
    with app.store.read() as s:
        station = s.get(Station, app.station_code)
        seq_by_year = {c.year: c.last_seq for c in s.execute(
            select(CaseNumberCounter).where(CaseNumberCounter.station_code == station.code)).scalars()}
    factory = DemoFactory(seed + sum(seq_by_year.values()), station,
                          [{"id": m.id, "name": m.name, "phone": m.phone, "title": m.title} for m in mediators],
                          app.today(), app.calendar(), parties_per_case)
    done = 0
    while done < cases:
        n = min(batch, cases - done)
        docs = [factory.case(seq_by_year) for _ in range(n)]
        import_cases(app, actor, {"format": FORMAT, "version": VERSION, "cases": docs})
        done += n
        if progress:
            progress(done, cases)
    return done


