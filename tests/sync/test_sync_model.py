"""A randomized model of several stations and the district. Random creates,
edits, district edits, reassignments, voids, attachments and syncs with random faults; at
quiescence every replica equals the district's view of its scope, every accepted change is in the
district's history, and no entity exists twice."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from district_server import db as sdb
from suyuan_desktop.core.domain.errors import ImmutableRecord, SuyuanError
from suyuan_desktop.core.store.models import SyncOutbox, SyncRevokedCase
from suyuan_desktop.core.sync.client import Offline
from tests.helpers.builders import new_case
from tests.sync.util import MEDIATOR, case_ids, edit_case, local_projection, normalise, server_projection

CODES = ("S1", "S2", "S3")


class Crash(Exception):
    """A simulated power cut inside a local transaction."""


def _faulty(app, fault):
    """Wrap the station's transport: lose the push answer, fail before sending, or crash while
    applying a pull page (the transaction rolls back, as after a kill)."""
    real = app.sync._transport_factory

    def factory(url, ca, device_id):
        t = real(url, ca, device_id)
        if fault == "drop_push_response":
            push = t.push

            def lost(req):
                push(req)
                raise Offline("模拟：响应丢失")
            t.push = lost
        elif fault == "offline_push":
            def down(req):
                raise Offline("模拟：断网")
            t.push = down
        return t
    app.sync._transport_factory = factory
    if fault == "crash_in_pull":
        def crash(items, cursor, page_no=1):
            raise Crash()
        app.sync.apply_page = crash
        return lambda: (setattr(app.sync, "_transport_factory", real), app.sync.__dict__.pop("apply_page", None))
    return lambda: setattr(app.sync, "_transport_factory", real)


class World:
    """Three stations and the district, driven by one seeded random generator."""

    def __init__(self, station_factory, district, server, seed: int):
        self.district, self.rng = district, random.Random(seed)
        self.apps = {}
        for code in CODES:
            tag = f"{code}s{seed}"
            district.add_station(tag, tag)
            app = station_factory(tag, code=tag, short=f"{code}{seed}")
            app.sync.enroll(server.url, district.issue_ticket(tag))
            self.apps[tag] = app
        self.codes = list(self.apps)
        self.faults_hit = 0
        self.stats = {}

    def server_cases(self):
        return [k[1] for code in self.codes for k in self.district.scope_entities(code) if k[0] == "cases"]

    def step(self):
        rng = self.rng
        op = rng.choices(["create", "edit", "district_edit", "reassign", "void", "attach", "sync"],
                         weights=[3, 6, 2, 1, 0.5, 1, 5])[0]
        self.stats[op] = self.stats.get(op, 0) + 1
        app = self.apps[rng.choice(self.codes)]
        if op == "create":
            new_case(app, MEDIATOR, title=f"随机案件{rng.randrange(10**6)}")
        elif op == "edit":
            ids = case_ids(app)
            if ids:
                field = rng.choice(["claims", "summary", "title"])
                try:
                    edit_case(app, rng.choice(ids), **{field: f"站点改{rng.randrange(100)}"})
                except ImmutableRecord:
                    pass  # moved to another station: read-only here, as it should be
        elif op in ("district_edit", "reassign", "void"):
            cases = self.server_cases()
            if not cases:
                return
            cid = rng.choice(cases)
            if op == "district_edit":
                self.district.district_edit("cases", cid, {rng.choice(["summary", "claims"]): f"区中心改{rng.randrange(100)}"})
            elif op == "reassign":
                self.district.assign_case(cid, rng.choice(self.codes))
            else:
                self.district.district_delete_case(cid)
        elif op == "attach":
            ids = case_ids(app)
            if ids:
                try:
                    app.cases.attach_file(MEDIATOR, rng.choice(ids), rng.randbytes(2000), filename="照片.jpg", kind="photo")
                except (ImmutableRecord, SuyuanError):
                    pass
        else:
            fault = rng.choice([None, None, "drop_push_response", "offline_push", "crash_in_pull"])
            undo = _faulty(app, fault) if fault else (lambda: None)
            try:
                app.sync.sync()
            except (Offline, Crash):
                assert fault is not None
                self.faults_hit += 1
            finally:
                undo()

    def check_converged(self):
        for _ in range(2):
            for app in self.apps.values():
                app.sync.sync()
        compared = 0
        for code, app in self.apps.items():
            want = normalise(server_projection(self.district, code))
            got = normalise(local_projection(app))
            with app.store.read() as s:
                revoked = set(s.execute(select(SyncRevokedCase.case_id)).scalars())
                states = dict(s.execute(select(SyncOutbox.state, func.count()).group_by(SyncOutbox.state)).all())
                acked = list(s.execute(select(SyncOutbox.change_id, SyncOutbox.server_result)
                                       .where(SyncOutbox.state == "acked")).all())
            assert states.get("pending", 0) == 0 and states.get("rejected", 0) == 0, (code, states)
            for key, fields in want.items():
                assert got.get(key) == fields, (code, key)
                compared += 1
            # anything else held locally belongs to a case moved away (a read-only copy)
            for key in set(got) - set(want):
                assert key[0] != "cases" or key[1] in revoked, (code, key)
            with self.district.engine.connect() as conn:
                history = set(conn.execute(select(sdb.entity_history.c.change_id)).scalars())
            for change_id, result in acked:
                if result["status"] in ("applied", "merged", "conflict"):
                    assert change_id in history
        with self.district.engine.connect() as conn:
            dup = conn.execute(select(sdb.entities.c.entity_id).group_by(sdb.entities.c.entity_id)
                               .having(func.count() > 1)).all()
        assert dup == []
        return compared


@pytest.mark.slow
@pytest.mark.parametrize("seed", [34, 35])
def test_random_operations_and_faults_converge(station_factory, district, server, seed):
    world = World(station_factory, district, server, seed)
    for _ in range(250):
        world.step()
    compared = world.check_converged()
    # the run really did something: cases moved, conflicts arose, faults struck
    assert compared > 100 and world.faults_hit >= 5
    assert world.stats.get("reassign", 0) >= 3 and world.stats.get("sync", 0) >= 30
