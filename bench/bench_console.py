"""District console: the stations page with 500 stations and 2,000 devices, rendered server-side,
on PostgreSQL and on SQLite side by side in one run.

Run: python -m bench.bench_console
"""
from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_district_stats import fill  # noqa: E402
from bench.common import bench_env, summary_ms, write_section  # noqa: E402
from tests.sync.harness import PgCluster  # noqa: E402

STATIONS, DEVICES, CASES = 500, 2000, 100_000


def measure(url: str, tmp: Path) -> list[float]:
    from fastapi.testclient import TestClient
    from sqlalchemy import insert

    from district_server import db
    from district_server.app import create_app
    from district_server.console.accounts import Accounts
    from district_server.service import DistrictService
    from district_server.service.stats import rebuild_case_facts
    svc = DistrictService(url, tmp / "blobs")
    svc.create_schema()
    if url.startswith("postgresql"):
        fill(url, CASES, STATIONS)
    else:
        with svc.engine.begin() as conn:
            for s in range(STATIONS):
                conn.execute(insert(db.stations).values(code=f"S{s:03d}", name=f"站{s}", created_at=dt.datetime(2026, 1, 1)))
    with svc.engine.begin() as conn:
        rebuild_case_facts(conn)
        now = dt.datetime(2026, 11, 30)
        conn.execute(insert(db.devices), [dict(
            id=str(uuid.uuid4()), station_code=f"S{i % STATIONS:03d}", name=f"工作站{i}", os="Windows 10",
            client_version="0.1.0", refresh_hash="x" * 64, replica_epoch=1, last_applied_seq=0, outbox_depth=i % 7,
            created_at=now, last_seen_at=now - dt.timedelta(days=i % 12)) for i in range(DEVICES)])
    Accounts(svc.engine).add_user("bench", "基准", "admin", "console-pass-2026")
    times = []
    with TestClient(create_app(svc), base_url="http://127.0.0.1") as client:
        client.post("/console/login", data={"username": "bench", "password": "console-pass-2026"})
        client.get("/console/stations")   # warm
        for _ in range(15):
            t = time.perf_counter()
            r = client.get("/console/stations")
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200 and r.text.count("<tr") > STATIONS
    svc.dispose()
    return times


def main() -> None:
    bench_env()
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-bench-console-"))
    cluster = PgCluster().start()
    try:
        pg = measure(cluster.create_db("console"), tmp / "pg")
        lite = measure(f"sqlite:///{tmp / 'd.db'}", tmp / "lite")
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    body = f"""
The 调委会与设备 page for an administrator (stations, devices, sync freshness, this quarter's cases,
the actions), {STATIONS} stations and {DEVICES:,} devices, measured through the application
(HTTP in-process, session check and template included), warm, n=15. PostgreSQL also holds
{CASES:,} synced cases, whose quarter is counted per station from `case_facts`.

| database | stations page |
|---|---|
| PostgreSQL | {summary_ms(pg)} |
| SQLite (embedded default, no cases) | {summary_ms(lite)} |

Target: ≤ 300 ms server-side.
"""
    print(body)
    write_section("District console: the stations page", body)


if __name__ == "__main__":
    main()
