"""Two holes closed, end to end with real stations and a real district server (SQLite and PostgreSQL):
no write re-points a record at another case or station, and no change blocks a station's sync."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.services import exchange
from suyuan_desktop.core.store.models import (
    AgreementClause, Case, CaseMediator, Fact, Mediator, Party, SyncOutbox,
)
from suyuan_desktop.core.sync import protocol as P
from tests.helpers.builders import concluded_case, failed_case
from tests.sync.test_sync_conflicts import _device_client
from tests.sync.util import MEDIATOR, edit_case

# (entity type, reference field, model, how to find the record's new parent in the other station)
REPOINTS = [
    ("parties", "case_id", Party, lambda s: s.execute(select(Case.id)).scalars().first()),
    ("facts", "record_id", Fact, lambda s: s.execute(select(Fact.record_id)).scalars().first()),
    ("agreement_clauses", "agreement_id", AgreementClause,
     lambda s: s.execute(select(AgreementClause.agreement_id)).scalars().first()),
    ("case_mediators", "mediator_id", CaseMediator, lambda s: s.execute(select(Mediator.id)).scalars().first()),
]


def _both_stations(stations):
    a, b = stations.make("S1"), stations.make("S2")
    for app in (a, b):
        concluded_case(app, MEDIATOR)
        failed_case(app, MEDIATOR)
        app.sync.sync()
    return a, b


def _push_raw(client, entity_type, entity_id, patch, base_version):
    import uuid
    change = {"change_id": str(uuid.uuid4()), "entity_type": entity_type, "entity_id": entity_id, "op": "update",
              "base_version": base_version, "patch": patch, "schema_version": 1}
    change["payload_hash"] = P.payload_hash(change)
    seq = client.post("/v1/hello", json={"client_version": "t", "protocol_min": 1,
                                         "protocol_max": 2}).json()["expected_next_seq"]
    change["device_seq"] = seq
    return client.post("/v1/changes", json={"replica_epoch": 1, "changes": [change]}).json()["results"][0]


@pytest.mark.parametrize(("entity_type", "field", "model", "other_parent"), REPOINTS, ids=[r[0] for r in REPOINTS])
def test_an_update_cannot_repoint_a_record_at_another_stations_record(stations, district, server, entity_type, field,
                                                                      model, other_parent):
    a, b = _both_stations(stations)
    with b.store.read() as s:
        own = s.execute(select(model)).scalars().first()
        own_id, own_parent, version = own.id, getattr(own, field), own.version
    with a.store.read() as s:
        foreign = other_parent(s)
    before = district.entity(entity_type, own_id).state
    with _device_client(server, b) as c:
        res = _push_raw(c, entity_type, own_id, {field: {"old": own_parent, "new": foreign}}, version)
    assert res["status"] == "rejected" and f"字段“{field}”不能指向其他案件或其他调委会的记录" in res["error"]
    assert district.entity(entity_type, own_id).state == before
    # the other station's data is untouched and the offending station still exports its own cases
    assert a.sync.sync().pulled == 0
    b.sync.sync()
    assert len(exchange.export_cases(b)["cases"]) == 2


def test_an_update_cannot_move_a_party_to_another_case_of_the_same_station(stations, district, server):
    a = stations.make("S1")
    first, second = concluded_case(a, MEDIATOR), failed_case(a, MEDIATOR)
    a.sync.sync()
    party = first.parties[0]
    with _device_client(server, a) as c:
        res = _push_raw(c, "parties", party.id, {"case_id": {"old": first.id, "new": second.id}}, 1)
    assert res["status"] == "rejected" and "不能指向其他案件" in res["error"]
    assert district.entity("parties", party.id).state["case_id"] == first.id


def test_a_change_the_district_could_never_accept_is_quarantined_and_the_rest_flows(stations, district):
    a = stations.make("S1")
    case = concluded_case(a, MEDIATOR)
    a.sync.sync()
    a.store.change_check = None  # data written before the limits were enforced (an older version, a bug)
    edit_case(a, case.id, summary="长" * 800_000)  # 2.4 MB as UTF-8: over the field limit and any request
    from suyuan_desktop.core.services.station import _check_change
    a.store.change_check = _check_change
    edit_case(a, case.id, claims="赔偿损失并疏通排水沟")  # the change behind it
    report = a.sync.sync()
    assert report.rejected == 1 and report.pushed >= 1
    assert district.entity("cases", case.id).state["claims"] == "赔偿损失并疏通排水沟"
    assert len(district.entity("cases", case.id).state["summary"]) < 5000
    status = a.sync.status()
    assert status.pending == 0 and status.rejected == 1
    [held] = a.sync.rejected_changes()
    assert case.case_number in held.last_error and "summary" in held.last_error and "隔离" in held.last_error
    assert a.sync.sync().pushed == 0  # nothing left waiting; the next edits flow as usual
    edit_case(a, case.id, summary="李四修建院墙堵塞排水沟。")
    assert a.sync.sync().pushed == 1
    assert district.entity("cases", case.id).state["summary"] == "李四修建院墙堵塞排水沟。"


def test_a_large_legal_batch_is_split_to_fit_the_request_limit(stations, district):
    from tests.helpers.builders import mediating_case
    a = stations.make("S1")
    case = mediating_case(a, MEDIATOR)
    a.sync.sync()
    n = 40
    from suyuan_desktop.core.services.inputs import InvestigationInput
    for i in range(n):  # each record near its 20,000-character limit: ~60 KB a change, ~2.4 MB the lot
        a.cases.record_investigation(MEDIATOR, case.id, InvestigationInput(
            occurred_at="2026-11-21T09:30", place="现场", investigators="王建国", subject="李四",
            record=f"第{i}次：" + "问答记录" * 4900))
    with a.store.read() as s:
        big = sum(len(r.patch.get("record", {}).get("new") or "") for r in s.execute(
            select(SyncOutbox).where(SyncOutbox.state == "pending")).scalars())
    assert big * 3 > P.MAX_BODY  # the pending changes cannot go in one request
    report = a.sync.sync()
    assert report.rejected == 0 and report.pushed >= n
    from district_server.db import entities
    with district.engine.connect() as conn:
        stored = conn.execute(select(entities.c.entity_id).where(entities.c.entity_type == "investigations")).all()
    assert len(stored) == n


def test_a_write_over_a_field_limit_is_refused_before_it_reaches_the_outbox(station, admin):
    from tests.helpers.builders import new_case
    case = new_case(station, admin)
    with station.store.read() as s:
        outbox = len(s.execute(select(SyncOutbox.local_seq)).all())
    with pytest.raises(ValidationError) as exc:
        edit_case(station, case.id, summary="长" * 5001)
    assert "字段“纠纷简要情况”（summary）超过5000个字" in exc.value.errors[0].message
    with station.store.read() as s:
        assert len(s.execute(select(SyncOutbox.local_seq)).all()) == outbox
        assert s.get(Case, case.id).summary == case.summary


def test_the_districts_own_edit_cannot_repoint_a_record_either(stations, district):
    from district_server.service import ApiError
    a, b = _both_stations(stations)
    with b.store.read() as s:
        party = s.execute(select(Party)).scalars().first()
        party_id, own_case = party.id, party.case_id
    with a.store.read() as s:
        foreign_case = s.execute(select(Case.id)).scalars().first()
    with pytest.raises(ApiError) as exc:
        district.district_edit("parties", party_id, {"case_id": foreign_case})
    assert exc.value.code == "foreign_reference"
    assert district.entity("parties", party_id).state["case_id"] == own_case
