"""The cursor gap race on a real PostgreSQL. Writers commit concurrently while a
station pulls in between; every row committed must reach the puller, none skipped, ever."""
from __future__ import annotations

import random
import threading

import pytest

from district_server.service import Device
from suyuan_desktop.core.sync.protocol import PullResponse

pytestmark = pytest.mark.postgres

WRITERS = 6
PER_WRITER = 500


def _case(n: int) -> dict:
    return {"station_code": "WBQ", "case_number": f"（2026）卫滨委派字第{n:05d}号", "case_year": 2026,
            "case_seq": n, "title": f"委派案件{n}", "dispute_type": "04", "source": "court_assigned",
            "status": "received", "summary": "竞态测试。", "received_date": "2026-11-27"}


def test_no_commit_is_ever_skipped_by_a_concurrent_puller(pg_district):
    svc = pg_district
    svc.add_station("S1", "一站")
    device = Device(id="puller", station_code="S1", replica_epoch=1, last_applied_seq=0)
    created: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(WRITERS + 1)
    done = threading.Event()

    def writer(w: int):
        rng = random.Random(w)
        start.wait()
        for i in range(PER_WRITER):
            cid = svc.create_case("S1", _case(w * PER_WRITER + i), [])
            with lock:
                created.append(cid)
            if rng.random() < 0.3 and created:  # and re-publish an older one now and then
                with lock:
                    old = rng.choice(created)
                svc.district_edit("cases", old, {"summary": f"更新{w}-{i}"})

    seen: set[str] = set()
    pulls = 0

    def puller():
        nonlocal pulls
        cursor = None
        start.wait()
        while True:
            finished = done.is_set()
            body, _ = svc.pull(device, cursor, 37, None)
            page = PullResponse.model_validate_json(body)
            pulls += 1
            seen.update(i.entity_id for i in page.items)
            cursor = page.next_cursor
            if finished and not page.has_more:
                return

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    p = threading.Thread(target=puller)
    for t in threads + [p]:
        t.start()
    for t in threads:
        t.join(300)
    done.set()
    p.join(300)
    assert len(created) == WRITERS * PER_WRITER
    assert pulls > 100  # the puller really ran in between the writers
    missing = set(created) - seen
    assert not missing, f"{len(missing)} committed cases were skipped by the cursor"
