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
    return app.cases.record_session(actor, case.id, SessionInput(
        occurred_at="2026-11-21T09:30", place="调解室", attendees="张三、李四", content="双方陈述事实，调解员释法说理。"))


def sign_all(case, day: str = "2026-11-22") -> dict:
    return {p.id: day for p in case.parties}
