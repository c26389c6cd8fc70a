"""Fault scenarios (docs/protocol.md): killed station processes, a proxy that drops, duplicates,
reorders and corrupts, and a district server killed mid-sync. Every test ends with each case
present exactly once and the station equal to the district's view."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from district_server import db as sdb
from suyuan_desktop.core.services.demo import generate_demo
from suyuan_desktop.core.store.models import SyncOutbox
from suyuan_desktop.core.sync import protocol as P
from suyuan_desktop.core.sync.client import Offline, ProtocolConflict, Transport
from tests.helpers.builders import new_case
from tests.sync.harness import SERVER_CLI, FaultProxy, free_port, run_cli, start_server_process
from tests.sync.util import (
    MEDIATOR, edit_case, local_case, local_projection, normalise, outbox_states, server_projection,
)

KILLED = -signal.SIGKILL


def _received(district) -> int:
    with district.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(sdb.changes_received)).scalar_one()


def _versions_per_change(district) -> list[int]:
    with district.engine.connect() as conn:
        return list(conn.execute(select(func.count()).select_from(sdb.entity_history)
                                 .where(sdb.entity_history.c.change_id.is_not(None))
                                 .group_by(sdb.entity_history.c.change_id)).scalars())


def _assert_converged(app, district, scope="S1"):
    assert normalise(local_projection(app)) == normalise(server_projection(district, scope))
    assert outbox_states(app).get("pending", 0) == 0


def test_killed_after_the_district_committed_but_before_the_ack(stations, district):
    """the resent changes come back as duplicates; one version each; outbox drained."""
    a = stations.make("S1")
    generate_demo(a, MEDIATOR, 5)
    n = outbox_states(a)["pending"]
    r = run_cli(a.data_dir, "sync", env={"SUYUAN_SYNC_FAULT": "after_push_before_ack"})
    assert r.returncode == KILLED
    assert _received(district) == n              # the district has them all...
    assert outbox_states(a) == {"pending": n}     # ...the station does not know yet
    r = run_cli(a.data_dir, "sync")
    assert r.returncode == 0, r.stderr
    assert f"重复 {n}" in r.stdout
    assert set(_versions_per_change(district)) == {1}
    assert _received(district) == n
    _assert_converged(a, district)


def test_lost_push_response_is_resent_and_deduplicated(proxied_stations, district, proxy):
    """the proxy lets the push through and then cuts the connection before the answer."""
    a = proxied_stations.make("S1")
    generate_demo(a, MEDIATOR, 3)
    n = outbox_states(a)["pending"]
    proxy.rules = [lambda m, p, k: "drop_response" if (m, p) == ("POST", "/v1/changes") and k == 1 else None]
    with pytest.raises(Offline):
        a.sync.sync()
    assert _received(district) == n
    r = a.sync.sync()
    assert (r.pushed, r.duplicates) == (0, n)
    assert set(_versions_per_change(district)) == {1}
    _assert_converged(a, district)


def test_the_same_push_delivered_three_times_at_once_applies_once(proxied_stations, district, proxy):
    """no deadlock, one application, the other copies are duplicates."""
    a = proxied_stations.make("S1")
    generate_demo(a, MEDIATOR, 3)
    n = outbox_states(a)["pending"]
    proxy.rules = [lambda m, p, k: ("duplicate", 3) if (m, p) == ("POST", "/v1/changes") and k == 1 else None]
    a.sync.sync()
    statuses = []
    for resp in proxy.duplicates:
        assert resp.status_code == 200
        statuses.append({r["status"] for r in resp.json()["results"]})
    assert sorted(map(sorted, statuses)) == [["applied"], ["duplicate"], ["duplicate"]]
    assert _received(district) == n and set(_versions_per_change(district)) == {1}
    _assert_converged(a, district)


def test_batches_arriving_out_of_order_get_a_gap_and_end_as_if_in_order(stations, district, server):
    """seq 11-20 before 1-10."""
    a = stations.make("S1")
    generate_demo(a, MEDIATOR, 2)
    st = a.sync._state()
    t = Transport(server.url, device_id=st["device_id"])
    a.sync._authenticate(t, st)
    rows = a.sync._batch()[:20]
    base = int(st["seq_base"])
    first, second = ([a.sync._change(r, base) for r in rows[:10]], [a.sync._change(r, base) for r in rows[10:20]])
    with pytest.raises(ProtocolConflict) as gap:
        t.push(P.PushRequest(replica_epoch=1, changes=second))
    assert gap.value.error == "gap" and gap.value.detail["expected_next_seq"] == 1
    assert _received(district) == 0
    assert [r.status for r in t.push(P.PushRequest(replica_epoch=1, changes=first)).results] == ["applied"] * 10
    assert [r.status for r in t.push(P.PushRequest(replica_epoch=1, changes=second)).results] == ["applied"] * 10
    t.close()
    a.sync.sync()  # records the acks (duplicates) and sends the rest
    assert _received(district) == outbox_states(a)["acked"]
    _assert_converged(a, district)


@pytest.mark.parametrize("page", [1, 3])
def test_killed_after_applying_a_pull_page_before_its_commit(stations, district, page):
    """the page is fetched and applied again; nothing doubled, nothing missed."""
    a = stations.make("S1")
    generate_demo(a, MEDIATOR, 10)
    b = stations.make("S1")
    a.sync.sync()
    env = {"SUYUAN_SYNC_PAGE": "40", "SUYUAN_SYNC_FAULT": f"after_pull_apply_before_commit:{page}"}
    r = run_cli(b.data_dir, "sync", env=env)
    assert r.returncode == KILLED
    committed = b.sync._state().get("cursor")
    r = run_cli(b.data_dir, "sync", env={"SUYUAN_SYNC_PAGE": "40"})
    assert r.returncode == 0, r.stderr
    assert committed is None if page == 1 else committed is not None
    _assert_converged(b, district)
    b.store.engine.dispose()
    with b.store.read() as s:
        assert s.execute(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.state != "acked")).scalar_one() == 0


def test_an_edit_made_while_its_previous_change_is_in_flight_stays_dirty(stations, district):
    """DHIS2's UPLOADING rule; kinto.js #788."""
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    edit_case(a, case.id, claims="第一次修改")
    real_factory = a.sync._transport_factory

    def factory(url, ca, device_id):
        t = real_factory(url, ca, device_id)
        push = t.push

        def push_and_edit(req):
            resp = push(req)
            if any(c.patch.get("claims", {}).get("new") == "第一次修改" for c in req.changes):
                edit_case(a, case.id, claims="上传途中的第二次修改")  # the mediator keeps typing
            return resp
        t.push = push_and_edit
        return t
    a.sync._transport_factory = factory
    r = a.sync.sync()
    # the ack of the first edit did not mark the second as sent: it went up next, cleanly
    assert (r.pushed, r.conflicts) == (2, 0)
    assert local_case(a, case.id).claims == "上传途中的第二次修改"
    assert district.entity("cases", case.id).state["claims"] == "上传途中的第二次修改"
    with a.store.read() as s:
        last = s.execute(select(SyncOutbox).order_by(SyncOutbox.local_seq.desc())).scalars().first()
    assert last.server_result["status"] == "applied"
    _assert_converged(a, district)


def _attach(app, case_id, size, seed=7):
    import random
    data = random.Random(seed).randbytes(size)
    app.cases.attach_file(MEDIATOR, case_id, data, filename="现场照片.jpg", kind="photo")
    return hashlib.sha256(data).hexdigest()


def test_upload_killed_at_80_percent_resumes_from_the_district_offset(station_factory, district, server):
    """a 50 MB scan; the second run sends only what is missing."""
    proxy = FaultProxy(server.url).start()
    try:
        district.add_station("S1", "S1")
        a = station_factory("big", code="S1")
        a.sync.enroll(proxy.url, district.issue_ticket("S1"))
        case = new_case(a, MEDIATOR)
        size = 50 * 1024 * 1024
        sha = _attach(a, case.id, size)
        r = run_cli(a.data_dir, "sync", env={"SUYUAN_SYNC_FAULT": "upload_after_chunk:10"})
        assert r.returncode == KILLED
        with district.engine.connect() as conn:
            offset = conn.execute(select(sdb.uploads.c.offset)).scalar_one()
        assert offset == 10 * P.CHUNK  # 80%
        patches_before = sum(1 for m, _, _ in proxy.log if m == "PATCH")
        r = run_cli(a.data_dir, "sync")
        assert r.returncode == 0, r.stderr
        patches_after = sum(1 for m, _, _ in proxy.log if m == "PATCH") - patches_before
        assert patches_after == -(-(size - offset) // P.CHUNK)  # only the missing chunks
        stored = district.blob_path(sha)
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha
        with district.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(sdb.blobs)).scalar_one() == 1
        _assert_converged(a, district)
    finally:
        proxy.stop()


def test_a_corrupted_chunk_is_caught_and_uploaded_again(proxied_stations, district, proxy):
    """no record ever references a corrupt blob."""
    a = proxied_stations.make("S1")
    case = new_case(a, MEDIATOR)
    sha = _attach(a, case.id, 6 * 1024 * 1024)
    proxy.rules = [lambda m, p, k: ("corrupt", 12345) if m == "PATCH" and k == 1 else None]
    a.sync.sync()
    assert [e for e in proxy.log if e[0] == "PATCH"][0][2] == "('corrupt', 12345)"
    assert hashlib.sha256(district.blob_path(sha).read_bytes()).hexdigest() == sha
    att = [k for k in district.scope_entities("S1") if k[0] == "attachments"]
    assert len(att) == 1
    # the other station gets the file, verified
    b = proxied_stations.make("S1")
    b.sync.sync()
    assert b.blobs.get(sha)
    a.sync.sync()
    _assert_converged(a, district)
    _assert_converged(b, district)


def test_two_sync_processes_at_once_one_waits_its_turn(proxied_stations, district, proxy):
    """the second is refused with a clear message; nothing is pushed twice."""
    a = proxied_stations.make("S1")
    generate_demo(a, MEDIATOR, 3)
    proxy.rules = [lambda m, p, k: ("delay", 1.5) if p == "/v1/hello" else None]
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "suyuan_desktop.cli", "--data-dir", str(a.data_dir), "sync"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 1], outs
    assert any("另一个同步正在进行" in err for _, err in outs)
    assert _received(district) == outbox_states(a)["acked"]
    assert set(_versions_per_change(district)) == {1}


@pytest.mark.parametrize("fault", ["push_before_commit:2", "push_after_commit:2"])
def test_district_server_killed_mid_push_then_restarted(station_factory, tmp_path, fault):
    """Either side killed mid-sync: here the server process, SIGKILLed inside the second push
    transaction (nothing of it committed) or right after its commit (committed, never answered)."""
    db_url = f"sqlite:///{tmp_path / 'district.db'}"
    port = free_port()
    base = SERVER_CLI
    common = ["--database-url", db_url, "--blob-dir", str(tmp_path / "blobs")]
    subprocess.run([*base, "station", "add", "S1", "一站", *common], check=True, capture_output=True)
    ticket = subprocess.run([*base, "enroll-ticket", "S1", *common], check=True, capture_output=True,
                            text=True).stdout.strip()

    def start(env=None):
        return start_server_process(port, *common, env=env)

    server = start({"SUYUAN_SERVER_FAULT": fault})
    try:
        a = station_factory("s", code="S1")
        a.sync.enroll(f"http://127.0.0.1:{port}", ticket)
        generate_demo(a, MEDIATOR, 30)  # more than one push batch
        with pytest.raises(Offline):
            a.sync.sync()
        assert server.wait(10) == KILLED
        server = start()
        r = a.sync.sync()
        assert r.duplicates == (P.MAX_BATCH if fault.startswith("push_after") else 0)
        from district_server.service import DistrictService
        district = DistrictService(db_url, tmp_path / "blobs")
        try:
            _assert_converged(a, district)
            assert set(_versions_per_change(district)) == {1}
            assert len([k for k in district.scope_entities("S1") if k[0] == "cases"]) == 30
        finally:
            district.dispose()
    finally:
        server.kill()
        server.wait()


def test_an_edit_made_while_a_pull_is_in_flight_is_not_overwritten(stations, district):
    """R5: downloaded state never overwrites a pending local change; it is rebased on top."""
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_edit("cases", case.id, {"risk_reported": True, "claims": "区中心记录的请求"})
    real_factory = a.sync._transport_factory

    def factory(url, ca, device_id):
        t = real_factory(url, ca, device_id)
        pull = t.pull

        def pull_while_typing(cursor, limit=P.PULL_LIMIT):
            page = pull(cursor, limit)
            if page is not None and page.items:
                edit_case(a, case.id, claims="调解员刚刚输入的请求")  # saved while the page downloads
            return page
        t.pull = pull_while_typing
        return t
    a.sync._transport_factory = factory
    a.sync.sync()
    got = local_case(a, case.id)
    assert got.risk_reported is True                 # the district's field arrived
    assert got.claims == "调解员刚刚输入的请求"        # the mediator's edit did not vanish
    a.sync._transport_factory = real_factory
    r = a.sync.sync()
    assert r.conflicts == 1                          # both changed claims: a person decides
    assert [c.field for c in a.sync.conflicts()] == ["claims"]
