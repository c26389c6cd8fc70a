"""Valid test data built by the rules themselves, so tests state what they mean."""
from __future__ import annotations

import datetime as dt

from suyuan_desktop.core.domain.idcard import check_char


def id_number(birth: str = "19800101", region: str = "410703", seq: int = 123) -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + check_char(first17)


ZHANG_ID = id_number("19750315", seq=131)     # male (odd)
LI_ID = id_number("19880720", seq=246)        # female (even)


def intake_data(**overrides) -> dict:
    data = {
        "title": "张三与李四相邻关系纠纷",
        "dispute_type": "02",
        "source": "application",
        "summary": "李四修建院墙堵塞排水沟，雨天积水流入张三院内。",
        "claims": "1、疏通排水沟；2、赔偿损失。",
        "received_date": "2026-11-20",
        "parties": [
            {"name": "张三", "role": "applicant", "id_number": ZHANG_ID, "phone": "13800138000",
             "address": "河南省新乡市卫滨区平原镇东村1号"},
            {"name": "李四", "role": "respondent", "id_number": LI_ID, "phone": "0373-5551234"},
        ],
    }
    data.update(overrides)
    return data


def new_case(app, actor, **overrides):
    from suyuan_desktop.core.services.inputs import CaseIntake
    return app.cases.intake(actor, CaseIntake(**intake_data(**overrides)))


def mediating_case(app, actor, **overrides):
    from suyuan_desktop.core.services.inputs import SessionInput
    case = new_case(app, actor, **overrides)
    app.cases.accept(actor, case.id, accepted_date=dt.date(2026, 11, 20))
    assign_mediator(app, actor, case)
    return app.cases.record_session(actor, case.id, SessionInput(
        occurred_at="2026-11-21T09:30", place="调解室", attendees="张三、李四", content="双方陈述事实，调解员释法说理。"))


def assign_mediator(app, actor, case, name: str = "王建国"):
    """Assign the station's mediator called ``name`` (the admin is one) as the case's lead mediator."""
    mediator = next(m for m in app.users.list_mediators() if m.name == name)
    return app.cases.assign_mediators(actor, case.id, [mediator.id])


def sign_all(case, day: str = "2026-11-22") -> dict:
    return {p.id: day for p in case.parties}


def concluded_case(app, actor, *, clauses=None, parties=None, facts_text=None):
    """A case that went the whole way: investigation, session, signed agreement with amounts,
    judicial confirmation, follow-up."""
    from suyuan_desktop.core.services.inputs import AgreementInput, FollowUpInput, InvestigationInput
    overrides = {"parties": parties} if parties else {}
    case = mediating_case(app, actor, **overrides)
    app.cases.record_investigation(actor, case.id, InvestigationInput(
        occurred_at="2026-11-20T15:00", place="平原镇东村现场", investigators="王建国", subject="李四",
        record="问：排水沟是什么时候堵的？\n答：今年七月修院墙以后。"))
    case = app.cases.save_agreement(actor, case.id, AgreementInput(
        facts_and_disputes=facts_text or "李四修建院墙时堵塞排水沟，致张三院内积水，双方就赔偿数额发生争议。",
        agreed_date="2026-11-22", performance_method="一次性现金支付", performance_place="平原镇矛盾纠纷调处中心",
        performance_deadline="2026-12-10", recorder="刘记录",
        clauses=clauses or [{"text": "李四于2026年12月10日前赔偿张三损失人民币12,005.00元", "amount": "12005"},
                            {"text": "李四于2026年12月10日前疏通排水沟"}, {"text": "双方就此纠纷再无其他争议"}],
        party_signatures=sign_all(case), mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
    app.cases.apply_judicial_confirmation(actor, case.id, "新乡市卫滨区人民法院", "2026-11-25")
    case = app.cases.record_confirmation_outcome(actor, case.id, "confirmed", "2026-11-27", "（2026）豫0703民特12号")
    return app.cases.record_follow_up(actor, case.id, FollowUpInput(
        visit_date="2026-11-28", visited="张三", performance_status="partial", method="电话回访", satisfaction="满意",
        notes="李四已支付6000元，余款约定月底付清。", visitor="王建国"))


def failed_case(app, actor):
    from suyuan_desktop.core.services.inputs import FactRecordInput, TerminationInput
    case = mediating_case(app, actor, title="张三与李四宅基地纠纷", dispute_type="03")
    app.cases.record_undisputed_facts(actor, case.id, FactRecordInput(
        dispute_statement="张三主张李四越界建房0.4米，李四不认可。", consent_given=True, disputed_points="界址的具体位置",
        failure_reason="双方对界址分歧较大", mediation_start="2026-11-20", mediation_end="2026-11-26",
        facts=[{"text": "张三与李四的宅基地东西相邻。", "confirmed_by": [1, 2]},
               {"text": "李四于2026年5月翻建房屋。", "confirmed_by": [1, 2], "evidence_refs": "证据1：建房审批表"}]))
    return app.cases.terminate(actor, case.id, TerminationInput(reason="large_differences", detail="双方对界址分歧较大",
                                                                terminated_date="2026-11-26"))


def throwaway_station(root, *, code="410703001", today=None):
    """A station in ``root`` with its key in an explicitly chosen file keyring under ``root``
    (scripts and benchmarks: never the user's keyring or data). Returns (app, admin actor)."""
    import os
    from pathlib import Path

    from suyuan_desktop.core.services.station import StationApp, StationSetup
    from suyuan_desktop.core.services.users import actor_for
    root = Path(root)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    os.environ["XDG_DATA_HOME"] = str(root / "keyring")
    app = StationApp.create(root / "st", StationSetup(code=code, name="平原镇矛盾纠纷调处中心", township="平原镇",
                                                      short_name="平原"),
                            admin_username="admin", admin_display_name="王建国", admin_password="admin-pass-1")
    from suyuan_desktop.core.domain.clock import Clock
    app.set_clock(Clock(today or dt.date(2026, 11, 28)))
    return app, actor_for(app.users.authenticate("admin", "admin-pass-1"))
