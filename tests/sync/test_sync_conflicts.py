"""Merges and conflicts (docs/protocol.md), authorization across stations, bad input."""
from __future__ import annotations

import httpx

from suyuan_desktop.core.sync import protocol as P
from tests.helpers.builders import new_case
from tests.sync.util import MEDIATOR, edit_case, local_case


def test_station_and_district_edit_different_fields_both_survive_softly(stations, district):
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_edit("cases", case.id, {"risk_reported": True})   # the district, online
    edit_case(a, case.id, claims="疏通排水沟并赔偿800元。")              # the station, offline
    r = a.sync.sync()
    assert r.conflicts == 0
    state = district.entity("cases", case.id).state
    assert state["risk_reported"] is True and state["claims"] == "疏通排水沟并赔偿800元。"
    hist = district.history("cases", case.id)
    assert "soft" in hist[-1].flags                      # flagged as concurrent...
    assert [h.actor for h in hist[-2:]] == ["district", f"device:{a.sync._state()['device_id']}"]  # ...both versions kept
    got = local_case(a, case.id)
    assert got.risk_reported is True and got.claims == "疏通排水沟并赔偿800元。"


def test_same_field_edited_on_both_sides_is_a_hard_conflict_resolved_by_a_person(stations, district):
    """server value kept, client value stored, both sides see the task, the decision
    is a new version, nothing lost."""
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_edit("cases", case.id, {"summary": "区中心核实：排水沟系两户共用。"})
    edit_case(a, case.id, summary="站点记录：排水沟为张三家独用。")
    r = a.sync.sync()
    assert r.conflicts == 1
    assert district.entity("cases", case.id).state["summary"] == "区中心核实：排水沟系两户共用。"
    [c] = district.list_conflicts("S1")
    assert (c.kind, c.field, c.server_value, c.client_value) == (
        "hard", "summary", "区中心核实：排水沟系两户共用。", "站点记录：排水沟为张三家独用。")
    [mine] = a.sync.conflicts()
    assert (mine.server_value, mine.client_value) == (c.server_value, c.client_value)
    assert a.sync.status().conflicts_open == 1
    # the mediator merges the two texts
    merged = "排水沟系两户共用，张三家使用较多。"
    a.sync.resolve_conflict(mine.id, "value", merged)
    a.sync.sync()
    assert local_case(a, case.id).summary == merged
    assert a.sync.status().conflicts_open == 0
    assert district.list_conflicts("S1") == []
    texts = [h.state.get("summary") for h in district.history("cases", case.id)]
    assert {"区中心核实：排水沟系两户共用。", merged} <= set(texts)   # every version still there
    rejected_value = [h.patch for h in district.history("cases", case.id) if h.patch and "summary" in h.patch]
    assert any(p["summary"]["new"] == "站点记录：排水沟为张三家独用。" for p in rejected_value)


def test_edit_of_a_case_the_district_voided_is_kept_and_flagged_not_resurrected(stations, district):
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_delete_case(case.id)
    edit_case(a, case.id, claims="离线时补充的请求")
    r = a.sync.sync()
    assert r.conflicts == 1
    ent = district.entity("cases", case.id)
    assert ent.deleted and "edit_after_delete" in ent.flags          # not resurrected
    assert any(h.patch and h.patch.get("claims", {}).get("new") == "离线时补充的请求"
               for h in district.history("cases", case.id))          # not dropped
    assert [c.kind for c in a.sync.conflicts()] == ["edit_after_delete"]
    assert local_case(a, case.id).deleted_at is not None            # the station shows it voided
    # a person decides to restore it with the edit
    a.sync.resolve_conflict(a.sync.conflicts()[0].id, "client")
    a.sync.sync()
    got = local_case(a, case.id)
    assert got.deleted_at is None and got.claims == "离线时补充的请求"


def test_invalid_status_transition_becomes_a_conflict_not_an_error(stations, district):
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_edit("cases", case.id, {"status": "withdrawn"})
    a.cases.accept(MEDIATOR, case.id)  # received -> accepted, offline
    r = a.sync.sync()
    assert r.conflicts == 1
    assert district.entity("cases", case.id).state["status"] == "withdrawn"
    assert [c.kind for c in district.list_conflicts("S1")] == ["invalid_transition"]


def _device_client(server, station):
    st = station.sync._state()
    station.sync._access = None
    from suyuan_desktop.core.sync.client import Transport
    t = Transport(server.url, device_id=st["device_id"])
    station.sync._authenticate(t, st)
    return httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {t.access_token}"})


def test_nothing_of_another_station_leaks_on_any_endpoint(stations, district, server):
    a, b = stations.make("S1"), stations.make("S2")
    case = new_case(a, MEDIATOR)
    a.cases.attach_file(MEDIATOR, case.id, b"%PDF-1.4 scan of the agreement", filename="协议.pdf", kind="scan")
    a.sync.sync()
    b.sync.sync()
    district.district_edit("cases", case.id, {"summary": "区中心改"})
    edit_case(a, case.id, summary="站点改")
    a.sync.sync()
    [conflict] = district.list_conflicts("S1")
    from sqlalchemy import select
    from suyuan_desktop.core.store.models import Attachment
    with a.store.read() as s:
        sha = s.execute(select(Attachment.sha256)).scalar_one()
    with district.engine.connect() as conn:
        from district_server.db import uploads
        upload_id = conn.execute(select(uploads.c.id)).scalar_one()

    with _device_client(server, b) as c:
        pulled = c.get("/v1/changes").json()["items"]
        assert pulled and {i["entity_type"] for i in pulled} == {"mediators"}
        assert all(i["state"]["station_code"] == "S2" for i in pulled)
        assert c.head(f"/v1/blobs/{sha}").status_code == 404
        assert c.get(f"/v1/blobs/{sha}").status_code == 404
        assert c.head(f"/v1/uploads/{upload_id}").status_code == 404
        assert c.get("/v1/conflicts").json() == []
        r = c.post(f"/v1/conflicts/{conflict.id}/resolve", json={"choice": "client"})
        assert r.status_code == 404
        # a started upload of the same bytes is not short-cut: B must prove it has the file
        st = c.post(f"/v1/blobs/{sha}/uploads", json={"size": 30, "mime": "application/pdf"}).json()
        assert st["complete"] is False and st["offset"] == 0
        # writes into A's case are refused and do not reach A's conflict queue
        change = {"change_id": "01a22340-0000-7000-8000-000000000001", "entity_type": "cases",
                  "entity_id": case.id, "op": "update", "base_version": 1,
                  "patch": {"summary": {"old": "x", "new": "B 改的"}}, "schema_version": 1}
        change["payload_hash"] = P.payload_hash(change)
        seq = c.post("/v1/hello", json={"client_version": "t", "protocol_min": 1, "protocol_max": 2}).json()["expected_next_seq"]
        change["device_seq"] = seq
        res = c.post("/v1/changes", json={"replica_epoch": 1, "changes": [change]}).json()["results"][0]
        assert res["status"] == "rejected" and "无权修改其他调委会" in res["error"]
        party = {"change_id": "01a22340-0000-7000-8000-000000000002", "entity_type": "parties",
                 "entity_id": "01a22340-0000-7000-8000-0000000000aa", "op": "insert", "base_version": 0,
                 "patch": {k: {"old": None, "new": v} for k, v in {
                     "case_id": case.id, "position": 9, "role": "applicant", "kind": "person", "name": "冒名"}.items()},
                 "schema_version": 1, "device_seq": seq + 1}
        party["payload_hash"] = P.payload_hash(party)
        res = c.post("/v1/changes", json={"replica_epoch": 1, "changes": [party]}).json()["results"][0]
        assert res["status"] == "rejected"
    assert len(district.list_conflicts("S1")) == 1
    assert district.entity("cases", case.id).state["summary"] == "区中心改"
    assert district.entity("parties", "01a22340-0000-7000-8000-0000000000aa") is None


def test_requests_without_a_valid_token_are_refused(server):
    with httpx.Client(base_url=server.url) as c:
        for method, path in (("POST", "/v1/hello"), ("GET", "/v1/changes"), ("POST", "/v1/changes"),
                             ("GET", "/v1/conflicts"), ("HEAD", "/v1/blobs/" + "0" * 64),
                             ("GET", "/v1/reference/holiday_calendar")):
            r = c.request(method, path, json={} if method == "POST" else None,
                          headers={"Authorization": "Bearer v1.x.1.forged"})
            assert r.status_code == 401, (method, path)


def test_malformed_requests_get_a_chinese_reason_naming_the_field(stations, server):
    a = stations.make("S1")
    with _device_client(server, a) as c:
        r = c.post("/v1/changes", json={"replica_epoch": 1, "changes": [{"device_seq": "x"}]})
        assert r.status_code == 422
        body = r.json()
        assert body["error"] == "invalid_request" and "changes.0.device_seq" in body["message"]
        huge = {"replica_epoch": 1, "changes": [], "pad": "x" * (P.MAX_BODY + 10)}
        r = c.post("/v1/changes", json=huge)
        assert r.status_code == 413 and "请求过大" in r.json()["message"]
        too_many = {"replica_epoch": 1, "changes": [{}] * (P.MAX_BATCH + 1)}
        assert c.post("/v1/changes", json=too_many).status_code == 422
        r = c.post(f"/v1/blobs/{'a' * 64}/uploads", json={"size": P.MAX_BLOB + 1})
        assert r.status_code == 413 and "上限" in r.json()["message"]


def test_openapi_document_describes_the_protocol(district):
    from district_server.app import create_app
    doc = create_app(district, api_docs=True).openapi()
    paths = set(doc["paths"])
    assert {"/v1/devices/enroll", "/v1/auth/token", "/v1/hello", "/v1/changes", "/v1/blobs/{sha256}",
            "/v1/blobs/{sha256}/uploads", "/v1/uploads/{upload_id}", "/v1/reference/{dataset}",
            "/v1/conflicts", "/v1/conflicts/{conflict_id}/resolve"} <= paths
    assert "Change" in doc["components"]["schemas"]
