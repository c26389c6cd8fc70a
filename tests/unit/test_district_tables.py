"""The district report's 考核 table and 诉调对接 listing, on a hand-counted quarter: every metric and
every score worked out by hand in the comments, and the published weights checked as the district
types them."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from suyuan_desktop.core.domain.district_tables import WeightsError, parse_weights
from suyuan_desktop.core.domain.statistics import CaseFacts, parse_period, report

D = dt.date
AS_OF = D(2026, 12, 2)
TYPES = {"02": "邻里纠纷", "14": "物业纠纷"}


def case(id_, station, received, closed, outcome, **more) -> CaseFacts:
    return CaseFacts(id=id_, case_number=f"（2026）人调字第{id_}号", station_code=station, dispute_type="02",
                     source="application", received_date=received, closed_date=closed, outcome=outcome, **more)


CASES = [
    # S1: two written agreements (one applied for confirmation, one let its 30 days pass), a court
    # referral closed after its limit, an open case with a 防激化 record
    case("a1", "S1", D(2026, 10, 5), D(2026, 10, 20), "success_written", written_agreement_effective=D(2026, 10, 20),
         confirmation_deadline=D(2026, 11, 19), confirmation_applied=D(2026, 11, 1),
         performance_deadline=D(2026, 10, 25), first_follow_up=D(2026, 11, 10)),
    case("a2", "S1", D(2026, 10, 10), D(2026, 10, 30), "success_written", written_agreement_effective=D(2026, 10, 30),
         confirmation_deadline=D(2026, 11, 29), performance_deadline=D(2026, 10, 20)),
    case("a3", "S1", D(2026, 11, 1), D(2026, 11, 20), "failed", referral_kind="assigned",
         referral_deadline=D(2026, 11, 10), status="returned_to_court", court="卫滨区人民法院",
         court_reference="（2026）豫0703民诉前调88号", termination_reason="party_refuses", handed_off=D(2026, 11, 22)),
    case("a4", "S1", D(2026, 11, 5), None, "open", escalations=(("criminal", 2, D(2026, 11, 6)),)),
    # S2: an oral agreement, and a failed court-entrusted case
    case("b1", "S2", D(2026, 10, 2), D(2026, 10, 12), "success_oral"),
    case("b2", "S2", D(2026, 11, 11), D(2026, 11, 30), "failed", referral_kind="entrusted", status="failed",
         court="卫滨区人民法院", court_reference="（2026）豫0703民初15号", termination_reason="large_differences"),
    # S2, failed but never a court's: not handed off
    case("b3", "S2", D(2026, 12, 1), D(2026, 12, 1), "refused"),
]
WEIGHTS = {"version": "2026版", "weights": {"success_rate": 30, "confirmation_rate": 20, "follow_up_rate": 10,
                                            "overdue": 20, "escalation": 10, "sync_freshness": 10}, "stale_days": 7}
LAST_SYNC = {"S1": D(2026, 12, 2), "S2": D(2026, 11, 28), "S3": None}


def tables(weights=WEIGHTS):
    from suyuan_desktop.core.domain.district_tables import assessment, court_handoff
    period = parse_period("2026Q4")
    result = report(CASES, period, as_of=AS_OF, by=("station",), more=lambda index: [
        assessment(index, period, AS_OF, parse_weights(weights) if weights else None, LAST_SYNC),
        court_handoff(index, period, TYPES)])
    return {t.key: t for t in result.tables}, result


def test_every_metric_and_score_of_the_assessment_table():
    by_key, result = tables()
    rows = {r.key: [c.value for c in r.cells] for r in by_key["assessment"].rows}
    n = Decimal
    # S1: success 2 of 3 concluded (66.7); confirmation applied for 1 of 2 written (50.0); followed up
    # in time 1 of the 2 due (50.0); overdue a3 (past its limit) and a2 (30 days let pass) = 2 of 4;
    # one 防激化 case (the most of any station); synced today (0 days).
    # score = (30×.667 + 20×.5 + 10×.5 + 20×(1-2/4) + 10×1 + 10×1) / 100 × 100 = 65.01 → 65.0
    assert rows["S1"] == [n("66.7"), n("50.0"), n("50.0"), 2, 1, 0, n("65.0")]
    # S2: 1 of 2 (50.0); no written agreement and nothing due, so those two are not scored; no overdue
    # of 3 received; no 防激化 (0 of the most, 1); synced 4 days ago: (7-4)/(7-1) = 0.5
    # score = (30×.5 + 20×1 + 10×0 + 10×.5) / (30+20+10+10) × 100 = 40/70 × 100 = 57.14 → 57.1
    assert rows["S2"] == [n("50.0"), None, None, 0, 0, 4, n("57.1")]
    # S3: no cases and never synced: only 防激化 (0) and freshness (0) apply
    assert rows["S3"] == [None, None, None, 0, 0, None, n("0.0")]
    assert [r.key for r in by_key["assessment"].rows] == ["S1", "S2", "S3"]     # best score first
    assert set(result.cell("assessment.S1.overdue").case_ids) == {"a2", "a3"}
    assert "2026版" in by_key["assessment"].title


def test_without_published_weights_the_metrics_stand_unscored():
    by_key, _ = tables(weights=None)
    assert all(r.cells[-1].value is None for r in by_key["assessment"].rows)
    assert "尚未发布考核权重" in by_key["assessment"].title


def test_the_court_handoff_lists_the_failed_court_cases_and_no_party():
    by_key, result = tables()
    handoff = by_key["handoff"]
    assert [r.label for r in handoff.rows] == ["（2026）人调字第a3号", "（2026）人调字第b2号"]    # by closing date
    assert [c.value for c in handoff.rows[0].cells] == [
        "S1", "邻里纠纷", "委派调解", "卫滨区人民法院", "（2026）豫0703民诉前调88号", "2026-11-01",
        "2026-11-20", "一方当事人明确拒绝调解", "2026-11-22"]
    assert handoff.rows[1].cells[8].value == "未移送"
    assert handoff.rows[1].cells[2].value == "委托调解" and handoff.rows[1].cells[7].value == "双方分歧较大，难以达成协议"
    assert "仅供授权人员" in handoff.title
    from suyuan_desktop.core.domain.statistics import text_lines
    text = "\n".join(text_lines(result))
    assert "诉调对接" in text and "（2026）豫0703民初15号" in text


@pytest.mark.parametrize("data, words", [
    ({"version": "1", "weights": {"speed": 10}}, "没有考核指标“speed”"),
    ({"version": "1", "weights": {"success_rate": -1}}, "不小于0"),
    ({"version": "1", "weights": {"success_rate": 0}}, "合计大于0"),
    ({"version": "1", "weights": {"success_rate": "多"}}, "考核权重应为"),
    ({"version": "1", "weights": {"success_rate": 10}, "stale_days": 1}, "stale_days"),
    ({"weights": {"success_rate": 10}}, "version"),
])
def test_weights_the_district_cannot_use_are_refused_with_the_fix(data, words):
    with pytest.raises(WeightsError, match=words):
        parse_weights(data)
