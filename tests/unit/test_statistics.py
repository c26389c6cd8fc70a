"""统计: every figure of a hand-counted quarter, checked against numbers worked out by hand (the
comments say how), and the rows of every breakdown adding up to the total for random data."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suyuan_desktop.core.domain.statistics import CaseFacts, PeriodError, ScreeningFacts, parse_period, report

D = dt.date
AS_OF = D(2026, 12, 2)


def case(id_, type_, source, received, closed, outcome, **more) -> CaseFacts:
    return CaseFacts(id=id_, case_number=f"（2026）平原人调字第{id_}号", station_code="410703001", dispute_type=type_,
                     source=source, received_date=received, closed_date=closed, outcome=outcome, **more)


CASES = [
    # 2026 Q4
    case("A", "02", "application", D(2026, 10, 5), D(2026, 10, 20), "success_written", amount=Decimal("12005.00"),
         confirmation_deadline=D(2026, 11, 19), confirmation_applied=D(2026, 11, 1), confirmation_outcome="confirmed",
         performance="performed", performance_deadline=D(2026, 11, 10), first_follow_up=D(2026, 11, 15),
         escalations=(("criminal", 3, D(2026, 10, 18)),)),
    case("B", "02", "own_initiative", D(2026, 10, 10), D(2026, 11, 1), "success_oral", amount=Decimal("3000.50"),
         performance="partial", performance_deadline=D(2026, 10, 25), first_follow_up=D(2026, 12, 1),
         escalations=(("group_petition", 25, D(2026, 10, 20)), ("criminal", 2, D(2026, 10, 21)))),
    case("C", "03", "court_assigned", D(2026, 10, 10), D(2026, 11, 20), "failed", referral_kind="assigned",
         referral_deadline=D(2026, 11, 9)),
    case("D", "10", "court_entrusted", D(2026, 10, 15), None, "open", referral_kind="entrusted",
         referral_deadline=D(2026, 10, 30)),
    case("E", "13", "police", D(2026, 11, 1), D(2026, 11, 5), "withdrawn"),
    case("F", "13", "petition", D(2026, 11, 2), D(2026, 11, 2), "refused"),
    case("G", "02", "application", D(2026, 12, 1), D(2027, 1, 10), "success_written", amount=Decimal("50000"),
         escalations=(("suicide", 1, D(2027, 1, 2)),)),     # recorded after the quarter: not in it
    case("H", "04", "government", D(2026, 10, 20), D(2026, 10, 30), "success_written", amount=Decimal("100000"),
         confirmation_deadline=D(2026, 11, 29)),
    # 2026 Q3 (the period before)
    case("I", "02", "application", D(2026, 8, 1), D(2026, 8, 10), "success_written", amount=Decimal("20000")),
    case("J", "01", "application", D(2026, 9, 1), D(2026, 9, 20), "failed"),
    # 2025 Q4 (a year earlier)
    case("K", "02", "application", D(2025, 11, 1), D(2025, 11, 5), "failed"),
    # 2026 Q2: in no column
    case("L", "02", "application", D(2026, 6, 1), D(2026, 6, 2), "failed"),
]


SCREENINGS = [
    ScreeningFacts("s1", "410703001", D(2026, 10, 9), found=3, prevented=2),
    ScreeningFacts("s2", "410703001", D(2026, 11, 30), found=1, prevented=1),
    ScreeningFacts("s3", "410703001", D(2026, 8, 1), found=4, prevented=0),    # Q3
]


@pytest.fixture(scope="module")
def q4():
    return report(CASES, parse_period("2026Q4"), as_of=AS_OF, screenings=SCREENINGS)


def values(result, table: str, row: str):
    return [c.value for c in next(r for r in next(t for t in result.tables if t.key == table).rows
                                   if r.key == row).cells]


def test_every_summary_figure_of_the_quarter(q4):
    n = Decimal
    expected = {  # current, previous (Q3), 环比, a year earlier (2025 Q4), 同比
        "received": [8, 2, n("300.0"), 1, n("700.0")],            # A–H; I, J; K
        "source.own_initiative": [1, 0, None, 0, None],            # B
        "source.application": [2, 2, n("0.0"), 1, n("100.0")],    # A, G
        "source.referred": [5, 0, None, 0, None],                  # C, D, E, F, H
        "source.court_assigned": [1, 0, None, 0, None],
        "source.court_entrusted": [1, 0, None, 0, None],
        "source.police": [1, 0, None, 0, None],
        "source.government": [1, 0, None, 0, None],
        "source.petition": [1, 0, None, 0, None],
        "source.other": [0, 0, None, 0, None],
        "outcome.success": [3, 1, n("200.0"), 0, None],             # A, B, H (G closed after the quarter)
        "outcome.success_written": [2, 1, n("100.0"), 0, None],
        "outcome.success_oral": [1, 0, None, 0, None],
        "outcome.failed": [1, 1, n("0.0"), 1, n("0.0")],
        "outcome.withdrawn": [1, 0, None, 0, None],
        "outcome.refused": [1, 0, None, 0, None],
        "outcome.open": [2, 0, None, 0, None],                      # D, and G as of 31 December
        "rate.success": [n("75.0"), n("50.0"), n("25.0"), n("0.0"), n("75.0")],  # 3/(3+1); points
        # 12,005.00 + 3,000.50 + 100,000 = 115,005.50 元 = 11.50 万元; Q3: 2.00; (11.50-2)/2 = 475 %
        "amount": [n("11.50"), n("2.00"), n("475.0"), n("0.00"), None],
        "confirmation.applied": [1, 0, None, 0, None],             # A
        "confirmation.confirmed": [1, 0, None, 0, None],
        "confirmation.rejected": [0, 0, None, 0, None],
        "performance.performed": [1, 0, None, 0, None],            # A
        "performance.partial": [1, 0, None, 0, None],              # B
        "performance.refused": [0, 0, None, 0, None],
        # only B's deadline + 30 days (24 November) has passed by 2 December; B was visited on 1 December
        "follow_up.in_time": [n("0.0"), None, None, None, None],
        "timeliness.referral_overdue": [2, 0, None, 0, None],      # C closed late, D still open past it
        "timeliness.confirmation_missed": [1, 0, None, 0, None],   # H: 30 days ended 29 November
        # closed within the quarter: F 0, E 4, H 10, A 15, B 22, C 41 days: median (10 + 15) / 2
        "timeliness.median_days": [n("12.5"), n("14.0"), n("-1.5"), n("4.0"), n("8.5")],
        "escalation.cases": [2, 0, None, 0, None],                 # A, B
        "escalation.suicide": [0, 0, None, 0, None],               # G's was recorded in January
        "escalation.suicide.persons": [0, 0, None, 0, None],
        "escalation.criminal": [2, 0, None, 0, None],              # A (3 people), B (2)
        "escalation.criminal.persons": [5, 0, None, 0, None],
        "escalation.group_petition": [1, 0, None, 0, None],        # B, 25 people
        "escalation.group_petition.persons": [25, 0, None, 0, None],
        "escalation.group_fight": [0, 0, None, 0, None],
        "escalation.group_fight.persons": [0, 0, None, 0, None],
        "screening.rounds": [2, 1, n("100.0"), 0, None],           # s1, s2; s3 in Q3
        "screening.found": [4, 4, n("0.0"), 0, None],              # 3 + 1; 4
        "screening.prevented": [3, 0, None, 0, None],              # 2 + 1
    }
    table = q4.tables[0]
    assert [r.key for r in table.rows] == list(expected)
    for key, want in expected.items():
        assert values(q4, "summary", key) == want, key


def test_breakdowns_by_type_and_by_month(q4):
    n = Decimal
    # received, success, failed, withdrawn, refused, open, rate, amount
    assert values(q4, "type", "02") == [3, 2, 0, 0, 0, 1, n("100.0"), n("1.50")]   # A, B, G
    assert values(q4, "type", "03") == [1, 0, 1, 0, 0, 0, n("0.0"), n("0.00")]     # C
    assert values(q4, "type", "10") == [1, 0, 0, 0, 0, 1, None, n("0.00")]         # D
    assert values(q4, "type", "13") == [2, 0, 0, 1, 1, 0, None, n("0.00")]         # E, F
    assert values(q4, "type", "04") == [1, 1, 0, 0, 0, 0, n("100.0"), n("10.00")]  # H
    assert values(q4, "type", "01") == [0, 0, 0, 0, 0, 0, None, n("0.00")]
    assert values(q4, "type", "total") == [8, 3, 1, 1, 1, 2, n("75.0"), n("11.50")]
    assert [values(q4, "month", m)[0] for m in ("2026-10", "2026-11", "2026-12")] == [5, 2, 1]
    assert values(q4, "source", "court_assigned")[:3] == [1, 0, 1]


def test_a_quarter_comes_with_the_four_before_it(q4):
    n = Decimal
    rows = {r.key: [c.value for c in r.cells] for r in next(t for t in q4.tables if t.key == "trend").rows}
    assert list(rows) == ["2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert rows["2025Q4"][:3] == [1, 0, 1]                                   # K failed
    assert rows["2026Q1"][0] == 0 and rows["2026Q2"][:3] == [1, 0, 1]      # L failed
    assert rows["2026Q3"] == [2, 1, 1, 0, 0, 0, n("50.0"), n("2.00")]       # I settled, J failed
    assert rows["2026Q4"] == values(q4, "type", "total")                    # the quarter itself
    assert "trend" not in [t.key for t in report(CASES, parse_period("2026-11"), as_of=AS_OF).tables]


def test_the_types_that_grew_most_come_first_and_each_stations_overruns(q4):
    changes = [(r.key, [c.value for c in r.cells]) for r in next(t for t in q4.tables if t.key == "type_change").rows]
    # 2026 Q4 against 2025 Q4: 邻里 3 vs 1 (A, B, G; K), 道路交通 2 vs 0 (E, F), then 03, 04, 10 one each
    assert changes[:5] == [("02", [3, 1, 2]), ("13", [2, 0, 2]), ("03", [1, 0, 1]), ("04", [1, 0, 1]),
                           ("10", [1, 0, 1])]
    assert all(v[2] == 0 for _, v in changes[5:]) and len(changes) == 15
    other = case("Z", "02", "court_assigned", D(2026, 10, 2), None, "open", referral_kind="assigned",
                 referral_deadline=D(2026, 11, 1))
    other = other._replace(station_code="410703002")
    both = report(CASES + [other], parse_period("2026Q4"), as_of=AS_OF, by=("station",))
    overdue = [(r.key, [c.value for c in r.cells]) for r in next(t for t in both.tables if t.key == "overdue").rows]
    # 410703001: C late, D open past its limit; H's 30 days let pass; D and G open at the end
    assert overdue == [("410703001", [2, 1, 2]), ("410703002", [1, 0, 1])]


def test_every_cell_names_its_cases(q4):
    assert set(q4.cell("summary.outcome.open.current").case_ids) == {"D", "G"}
    assert set(q4.cell("summary.received.previous").case_ids) == {"I", "J"}
    assert set(q4.cell("type.02.success").case_ids) == {"A", "B"}
    assert set(q4.cell("summary.amount.current").case_ids) == {"A", "B", "H"}
    assert set(q4.cell("month.2026-11.received").case_ids) == {"E", "F"}
    with pytest.raises(KeyError):
        q4.cell("summary.nothing.current")


def test_by_closing_date_counts_the_cases_closed_in_the_quarter():
    result = report(CASES, parse_period("2026Q4"), basis="closed", as_of=AS_OF)
    assert set(result.cell("summary.received.current").case_ids) == {"A", "B", "C", "E", "F", "H"}
    assert "按结案日期" in result.notes[0]


@pytest.mark.parametrize("text, start, end", [
    ("2026Q4", D(2026, 10, 1), D(2026, 12, 31)), ("2026q1", D(2026, 1, 1), D(2026, 3, 31)),
    ("2026-02", D(2026, 2, 1), D(2026, 2, 28)), ("2024-2", D(2024, 2, 1), D(2024, 2, 29)),
    ("2026", D(2026, 1, 1), D(2026, 12, 31)), ("2026-10-08:2026-11-07", D(2026, 10, 8), D(2026, 11, 7)),
])
def test_periods_and_the_ones_they_are_compared_with(text, start, end):
    p = parse_period(text)
    assert (p.start, p.end) == (start, end)
    prev = p.previous()
    assert prev.end == p.start - dt.timedelta(days=1)
    if p.kind == "range":
        assert (prev.end - prev.start) == (p.end - p.start)
    assert p.year_ago().start.year == p.start.year - 1


@pytest.mark.parametrize("text, says", [("2026Q5", "看不懂"), ("2026-13", "1-12"), ("2026-02-30:2026-03-01", "不存在"),
                                        ("2026-12-01:2026-11-01", "早于"), ("", "看不懂")])
def test_a_period_that_cannot_be_read_says_how_to_write_one(text, says):
    with pytest.raises(PeriodError) as exc:
        parse_period(text)
    assert says in str(exc.value) and "2026Q4" in str(exc.value)


OUTCOMES = ["success_written", "success_oral", "failed", "withdrawn", "refused", "open"]


_ids = iter(range(10**9))


@st.composite
def random_case(draw):
    n = [next(_ids)]
    received = draw(st.dates(D(2025, 6, 1), D(2027, 3, 1)))
    outcome = draw(st.sampled_from(OUTCOMES))
    closed = None if outcome == "open" else received + dt.timedelta(days=draw(st.integers(0, 120)))
    amount = draw(st.none() | st.decimals(0, 10**7, places=2)) if outcome.startswith("success") else None
    return case(f"c{n[0]}", draw(st.sampled_from([f"{i:02d}" for i in range(1, 16)])),
                draw(st.sampled_from(["application", "own_initiative", "court_assigned", "court_entrusted", "police",
                                      "government", "petition", "other"])),
                received, closed, outcome, amount=amount)


@settings(max_examples=60, deadline=None)
@given(st.lists(random_case(), max_size=60), st.sampled_from(["2026Q1", "2026Q4", "2026-07", "2026"]),
       st.sampled_from(["received", "closed"]))
def test_the_rows_of_every_breakdown_add_up_to_the_total(cases, period, basis):
    result = report(cases, parse_period(period), basis=basis, as_of=D(2026, 12, 2))
    total = values(result, "summary", "received")[0]
    parts = ["outcome.success", "outcome.failed", "outcome.withdrawn", "outcome.refused", "outcome.open"]
    assert sum(values(result, "summary", p)[0] for p in parts) == total
    sources = ["source.own_initiative", "source.application", "source.referred", "source.other"]
    assert sum(values(result, "summary", s)[0] for s in sources) == total
    for table in (t for t in result.tables[1:] if any(r.key == "total" for r in t.rows)):  # the breakdowns
        body = [r for r in table.rows if r.key != "total"]
        totals = values(result, table.key, "total")
        for col in range(6):  # the counts
            assert sum(r.cells[col].value for r in body) == totals[col], (table.key, col)
        assert abs(sum(r.cells[7].value for r in body) - totals[7]) <= Decimal("0.01") * len(body)  # rounding only
        assert totals[0] == total
