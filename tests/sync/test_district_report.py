"""The district's figures are the stations' own: after a sync, the district counts every station's
cases exactly as the station counts them, per station and in total (SQLite and PostgreSQL)."""
from __future__ import annotations

from decimal import Decimal

from district_server import cli
from suyuan_desktop.core.domain.statistics import parse_period
from suyuan_desktop.core.services.demo import generate_demo
from suyuan_desktop.core.services.inputs import EscalationInput
from suyuan_desktop.core.services.screening import ScreeningInput
from tests.conftest import TODAY
from tests.helpers.builders import concluded_case
from tests.sync.util import MEDIATOR

COUNTS = ("received", "source.referred", "outcome.success", "outcome.failed", "outcome.withdrawn", "outcome.refused",
          "outcome.open", "amount", "confirmation.applied", "performance.partial", "escalation.cases",
          "escalation.criminal.persons", "timeliness.referral_overdue", "timeliness.confirmation_missed",
          "screening.rounds", "screening.found", "screening.prevented")


def test_the_district_report_equals_what_each_station_counts(stations, district, tmp_path):
    district.add_station("S2", "北站调委会")
    one, two = stations.make("S1"), stations.make("S2")
    generate_demo(one, MEDIATOR, 40, seed=3)
    generate_demo(two, MEDIATOR, 25, seed=4)
    case = concluded_case(one, MEDIATOR)
    one.cases.record_escalation_prevention(MEDIATOR, case.id, EscalationInput(kind="criminal", persons=4))
    one.screening.record(MEDIATOR, ScreeningInput(place="东村", screeners="王建国", disputes_found=3, disputes_prevented=2))
    two.screening.record(MEDIATOR, ScreeningInput(place="北街社区", screeners="李调解", disputes_found=1))
    one.sync.sync()
    two.sync.sync()
    year = parse_period(str(TODAY.year))
    by_station = {st.station_code: st.stats.report(year) for st in (one, two)}
    whole = district.district_report(year, as_of=TODAY)
    assert whole.stations == ("S1", "S2")
    for row in COUNTS:
        mine = [by_station[code].cell(f"summary.{row}.current").value for code in ("S1", "S2")]
        assert whole.cell(f"summary.{row}.current").value == sum(mine), row
        for code, value in zip(("S1", "S2"), mine):
            if row in ("received", "outcome.success", "outcome.failed", "outcome.open", "amount"):
                column = {"received": "received", "outcome.success": "success", "outcome.failed": "failed",
                          "outcome.open": "open", "amount": "amount"}[row]
                assert whole.cell(f"station.{code}.{column}").value == value, (row, code)
    assert whole.cell("summary.escalation.criminal.persons.current").value >= 4
    assert whole.cell("summary.screening.found.current").value == 4
    only_two = district.district_report(year, stations=("S2",), as_of=TODAY)
    assert only_two.cell("summary.received.current").value == by_station["S2"].cell("summary.received.current").value
    assert set(only_two.cell("summary.received.current").case_ids).isdisjoint(
        by_station["S1"].cell("summary.received.current").case_ids)
    # and from the command line, as a workbook with one row per station
    out = tmp_path / "全区.xlsx"
    url = district.engine.url.render_as_string(hide_password=False)
    assert cli.main(["report", "--database-url", url, "--blob-dir", str(tmp_path / "b"), "--period", str(TODAY.year),
                     "-o", str(out)]) == 0
    from openpyxl import load_workbook
    ws = load_workbook(out)["按调委会"]
    rows = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value}
    assert rows["S1"] == by_station["S1"].cell("summary.received.current").value and rows["合计"] == \
        whole.cell("summary.received.current").value
    assert cli.main(["report", "--database-url", url, "--blob-dir", str(tmp_path / "b"), "--period", "2026Q9"]) == 2
    assert cli.main(["report", "--database-url", url, "--blob-dir", str(tmp_path / "b"), "--period", "2026",
                     "--stations", "S9"]) == 2


def test_the_assessment_scores_with_the_published_weights_and_each_stations_last_sync(stations, district, tmp_path):
    import json

    district.add_station("S2", "北站调委会")
    one = stations.make("S1")
    concluded_case(one, MEDIATOR)         # a written agreement, applied for and confirmed in time
    one.sync.sync()
    year = parse_period(str(TODAY.year))

    def assessment():
        result = district.district_report(year, as_of=TODAY)
        return {r.key: [c.value for c in r.cells] for r in next(t for t in result.tables if t.key == "assessment").rows}
    before = assessment()
    assert set(before) == {"S1", "S2"} and all(v[-1] is None for v in before.values())   # no weights: no score

    url = district.engine.url.render_as_string(hide_password=False)
    common = ["--database-url", url, "--blob-dir", str(tmp_path / "b")]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": "2026", "weights": {"speed": 5}}), encoding="utf-8")
    assert cli.main(["reference", *common, "publish", "assessment_weights", str(bad)]) != 0
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps({"version": "2026年度", "weights": {"success_rate": 50, "sync_freshness": 50}}),
                       encoding="utf-8")
    assert cli.main(["reference", *common, "publish", "assessment_weights", str(weights)]) == 0
    after = assessment()
    # S1: every concluded case succeeded (100.0) and it synced today: (50×1 + 50×1)/100 → 100.0.
    # S2 has no device and no case: freshness 0 is all that applies → 0.0
    assert after["S1"][0] == Decimal("100.0") and after["S1"][5] == 0 and after["S1"][-1] == Decimal("100.0")
    assert after["S2"][5] is None and after["S2"][-1] == Decimal("0.0")


def test_the_districts_kept_facts_follow_every_later_change_move_and_deletion(stations, district):
    """The district reads a report from facts it keeps per case; they must follow a station's later
    changes, a case moved to another station and a case voided at the district, and be exactly
    what a full rebuild from the synced records gives."""
    from sqlalchemy import select

    from district_server.db import case_facts
    from district_server.service.stats import rebuild_case_facts
    from tests.helpers.builders import new_case
    district.add_station("S2", "北站调委会")
    one = stations.make("S1")
    generate_demo(one, MEDIATOR, 30, seed=5)
    done = concluded_case(one, MEDIATOR)
    later = new_case(one, MEDIATOR, title="孙七与周八消费纠纷")
    one.sync.sync()
    year = parse_period(str(TODAY.year))

    def station_ids(code: str, column: str = "received") -> set[str]:
        result = district.district_report(year, as_of=TODAY)
        try:
            return set(result.cell(f"station.{code}.{column}").case_ids)
        except KeyError:  # no row: the station has no case in the period
            return set()
    assert {done.id, later.id} <= station_ids("S1") and later.id in station_ids("S1", "open")

    one.cases.withdraw(MEDIATOR, later.id, "双方已自行和解")      # a change after the first sync
    one.sync.sync()
    assert later.id in station_ids("S1", "withdrawn") and later.id not in station_ids("S1", "open")
    assert district.district_report(year, as_of=TODAY).cell("summary.outcome.withdrawn.current").value == \
        one.stats.report(year).cell("summary.outcome.withdrawn.current").value

    district.assign_case(done.id, "S2")                          # moved: counted where it is now
    assert done.id in station_ids("S2") and done.id not in station_ids("S1")
    district.district_delete_case(later.id)                      # voided at the district: gone
    assert later.id not in station_ids("S1") | station_ids("S2")

    with district.engine.begin() as conn:
        kept = sorted(tuple(r) for r in conn.execute(select(case_facts)).all())
        rebuild_case_facts(conn)
        rebuilt = sorted(tuple(r) for r in conn.execute(select(case_facts)).all())
    assert kept == rebuilt and len(kept) == 31  # the 30 demo cases and done; later is voided
