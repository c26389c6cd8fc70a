"""Disk: what a station takes per case, with changes stored packed (shipped) and as JSON text (the
previous format), fresh (every change still to send) and once the district has acknowledged them
and 30 days have passed, side by side in one run.

Run: python -m bench.bench_disk [--cases 2000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from bench.common import bench_env, write_section


def station_size(root: Path, cases: int, packed: bool, prune: bool) -> tuple[float, float, dict]:
    from sqlalchemy import func, select, update

    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.services.station import StationApp, StationSetup
    from suyuan_desktop.core.services.sync import SyncService
    from suyuan_desktop.core.store import packed as packing
    from suyuan_desktop.core.store.models import AuditEntry, SyncOutbox
    from suyuan_desktop.core.store.tracking import Actor
    real = packing.pack
    if not packed:
        packing.pack = lambda value: json.dumps(value, ensure_ascii=False).encode()  # the previous format
    try:
        app = StationApp.create(root, StationSetup(code="B9", name="容量测试站", township="平原镇", short_name="容量"),
                                admin_username="admin", admin_display_name="管理员", admin_password="bench-pass-1")
        generate_demo(app, Actor(None, "bench", "system"), cases, seed=11, batch=500, parties_per_case=3.0)

        def size() -> float:
            raw = app.store.engine.raw_connection()   # outside a transaction, as VACUUM must be
            try:
                raw.driver_connection.execute("VACUUM")
            finally:
                raw.close()
            app.store.checkpoint()
            return (root / "station.db").stat().st_size / 1024 / cases
        fresh = size()
        with app.store.read() as s:
            counts = {"audit entries": s.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
                      "outbox rows": s.execute(select(func.count()).select_from(SyncOutbox)).scalar_one()}
        # as after syncs: every change acknowledged, and acknowledged more than 30 days ago
        with app.store.write() as s:
            s.execute(update(SyncOutbox).values(state="acked", device_time=dt.datetime(2000, 1, 1)))
            if prune:
                SyncService._prune_acknowledged(s)
        synced = size()
        app.close()
        return fresh, synced, counts
    finally:
        packing.pack = real


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    args = ap.parse_args()
    bench_env()
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-bench-disk-"))
    try:
        shipped = station_size(tmp / "packed", args.cases, packed=True, prune=True)
        previous = station_size(tmp / "json", args.cases, packed=False, prune=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    counts = shipped[2]
    body = f"""
A station of {args.cases:,} demo cases (3 parties on average; {counts['audit entries']:,} audit entries,
{counts['outbox rows']:,} outbox rows), SQLCipher, after `VACUUM`. "Synced" is the same station once
every change has been acknowledged by the district more than 30 days ago (the outbox rows then
leave; the audit log keeps every change).

| database size per case | fresh (every change still to send) | synced |
|---|---|---|
| **shipped**: changes stored packed (`store/packed.py`), acknowledged outbox rows dropped after 30 days | {shipped[0]:.1f} KB | {shipped[1]:.1f} KB |
| previous: changes stored as JSON text, acknowledged outbox rows kept | {previous[0]:.1f} KB | {previous[1]:.1f} KB |

Goal: ≤ 8 KB per case without weakening the audit chain.
"""
    print(body)
    write_section("Disk: database size per case", body)


if __name__ == "__main__":
    main()
