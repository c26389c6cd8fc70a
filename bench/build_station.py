"""Build (once) the large benchmark station: ``python -m bench.build_station --cases 100000``."""
from __future__ import annotations

import argparse
import json
import time

from bench.common import DATA_DIR, bench_env


def build(cases: int) -> dict:
    bench_env()
    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.services.station import StationApp, StationSetup
    from suyuan_desktop.core.store.tracking import Actor

    target = DATA_DIR / f"station-{cases}"
    info_file = target / "bench-info.json"
    if info_file.exists():
        return json.loads(info_file.read_text())
    app = StationApp.create(target, StationSetup(code="410703BENCH", name="基准测试站", township="平原镇", short_name="基准"),
                            admin_username="admin", admin_display_name="管理员", admin_password="bench-pass-1")
    start = time.perf_counter()
    generate_demo(app, Actor(None, "bench", "system"), cases, seed=7, batch=1000, parties_per_case=3.0)
    elapsed = time.perf_counter() - start
    with app.store.read() as s:
        from sqlalchemy import func, select
        from suyuan_desktop.core.store.models import Party
        parties = s.execute(select(func.count()).select_from(Party)).scalar_one()
    app.store.checkpoint()
    app.close()
    info = {"cases": cases, "parties": parties, "seconds": round(elapsed, 1),
            "cases_per_s": round(cases / elapsed, 1), "db_mb": round((target / "station.db").stat().st_size / 2**20, 1)}
    info_file.write_text(json.dumps(info))
    return info


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    print(build(ap.parse_args().cases))
