"""Sync benchmarks, on loopback against a real PostgreSQL:

1. no-op sync (hello + 304 pull) at 10^4 and 10^6 district cases: latency and bytes;
2. initial sync of a 50,000-case station into a fresh encrypted station database: cases/s and
   peak RSS of the client process, page size 500 side by side with 100;
3. 50 simulated stations pushing concurrently: sustained changes/s and push latency, PostgreSQL
   side by side with the embedded SQLite default.

    .venv/bin/python -m bench.bench_sync [--quick]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import bench_env, pct, write_section  # noqa: E402
from suyuan_desktop.core.store.ids import uuid7  # noqa: E402
from suyuan_desktop.core.sync import protocol as P  # noqa: E402
from tests.sync.harness import PgCluster, free_port, start_server_process  # noqa: E402


def _server(db_url: str, blob_dir: Path, port: int) -> subprocess.Popen:
    return start_server_process(port, "--database-url", db_url, "--blob-dir", str(blob_dir))


def _fill(url: str, n_cases: int, stations: int, parties_per_case: int = 0, station_prefix: str = "S") -> None:
    """Bulk-load n_cases (and parties) straight into the district tables with COPY."""
    import psycopg
    now = "2026-11-28 00:00:00"
    conn_url = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conn_url) as conn, conn.cursor() as cur:
        keys = []
        with cur.copy("COPY entities (entity_type, entity_id, case_id, scope, version, state, deleted, flags, created_at, updated_at) FROM STDIN") as ent:
            for i in range(n_cases):
                scope = f"{station_prefix}{i % stations}"
                cid = uuid7()  # as stations make them: time-ordered
                state = {"station_code": scope, "case_number": f"（2026）{scope}人调字第{i:07d}号", "case_year": 2026,
                         "case_seq": i + 1, "title": f"张三与李四相邻关系纠纷{i}", "dispute_type": "02",
                         "source": "application", "status": "in_mediation",
                         "summary": "李四修建院墙堵塞排水沟，雨天积水流入张三院内，双方多次协商未果。",
                         "claims": "1、疏通排水沟；2、赔偿损失800元。", "received_date": "2026-03-15",
                         "accepted_date": "2026-03-16", "risk_of_escalation": False, "risk_reported": False}
                ent.write_row(("cases", cid, cid, scope, 1, json.dumps(state, ensure_ascii=False), False, "[]", now, now))
                keys.append((scope, "cases", cid))
                for k in range(parties_per_case):
                    pid = uuid7()
                    pstate = {"case_id": cid, "position": k + 1, "role": "applicant" if k == 0 else "respondent",
                              "kind": "person", "name": ["张三", "李四", "王五"][k % 3] + str(i % 97),
                              "gender": "男", "phone": f"139{i:08d}"[:11], "address": "河南省新乡市卫滨区平原镇东村1号"}
                    ent.write_row(("parties", pid, cid, scope, 1, json.dumps(pstate, ensure_ascii=False), False, "[]", now, now))
                    keys.append((scope, "parties", pid))
        with cur.copy("COPY feed (scope, entity_type, entity_id, seq, op) FROM STDIN") as fd:
            for seq, (scope, etype, eid) in enumerate(keys, 1):
                fd.write_row((scope, etype, eid, seq, "upsert"))
        seq = len(keys)
        cur.execute("UPDATE sync_counter SET value = %s WHERE id = 1", (seq,))
        for s in range(stations):
            cur.execute("INSERT INTO stations (code, name, created_at) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                        (f"{station_prefix}{s}", f"站{s}", now))
        conn.commit()
        cur.execute("ANALYZE")


def _service(url: str, tmp: Path):
    from district_server.service import DistrictService
    svc = DistrictService(url, tmp / "blobs")
    svc.create_schema()
    return svc


def _device(svc, station: str):
    """Enroll a device at the service level; returns (device_id, access token)."""
    from suyuan_desktop.core.sync.protocol import EnrollRequest, TokenRequest
    e = svc.enroll(EnrollRequest(ticket=svc.issue_ticket(station), device_name="bench", client_version="bench"))
    tok = svc.token(TokenRequest(device_id=e.device_id, refresh_token=e.refresh_token))
    return e.device_id, tok.access_token


# --- 1. no-op sync ---------------------------------------------------------------------------------

def noop(cluster: PgCluster, tmp: Path, sizes: list[int], n: int) -> str:
    rows = []
    for size in sizes:
        url = cluster.create_db(f"noop_{size}")
        svc = _service(url, tmp / f"noop{size}")
        t0 = time.perf_counter()
        _fill(url, size, stations=200)
        fill_s = time.perf_counter() - t0
        _, token = _device(svc, "S0")
        svc.dispose()
        port = free_port()
        proc = _server(url, tmp / f"noop{size}" / "blobs", port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}) as c:
                cursor, page = None, {"has_more": True}
                while page["has_more"]:  # catch up once
                    page = c.get("/v1/changes", params={"cursor": cursor} if cursor else {}).json()
                    cursor = page["next_cursor"]
                hello = {"client_version": "bench", "protocol_min": 1, "protocol_max": 2, "outbox_depth": 0}
                times, wire = [], []
                for _ in range(n):
                    s = time.perf_counter()
                    r1 = c.post("/v1/hello", json=hello)
                    r2 = c.get("/v1/changes", params={"cursor": cursor}, headers={"If-None-Match": f'"{cursor}"'})
                    times.append((time.perf_counter() - s) * 1000)
                    assert r2.status_code == 304
                    wire.append(len(r1.content) + len(r2.content) + len(json.dumps(hello)) + 2 * 400)  # ~headers
        finally:
            proc.terminate()
            proc.wait()
        rows.append((size, times, sum(wire) / len(wire), fill_s))
    base = pct(rows[0][1], 95)
    out = ["| district cases | no-op sync p50 | p95 | ratio p95 to the smallest | bytes on the wire (approx.) |",
           "|---|---|---|---|---|"]
    for size, times, wire, _ in rows:
        out.append(f"| {size:,} | {pct(times, 50):.2f} ms | {pct(times, 95):.2f} ms | {pct(times, 95) / base:.2f}× | {wire / 1024:.1f} KB |")
    return "\n".join(out) + (f"\n\nTwo requests per no-op sync (hello + `If-None-Match` pull answered 304), n={n} each, "
                              "200 stations; the station's cursor is at the head of the feed. Budget: ratio ≤ 1.5, < 5 KB, p95 < 100 ms.")


# --- 2. initial sync --------------------------------------------------------------------------------

def _peak_rss_mb() -> float:
    """VmHWM of this process image. (ru_maxrss is no good in a spawned child: Linux carries the
    parent's peak across fork+exec, which made a 1M-row parent look like a 310 MB station.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _initial_child(url: str, ticket: str, data_dir: str, page: int, q) -> None:
    bench_env()
    os.environ["SUYUAN_SYNC_PAGE"] = str(page)
    from suyuan_desktop.core.services.station import StationApp, StationSetup
    app = StationApp.create(Path(data_dir), StationSetup(code="BIG0", name="大站", township="平原镇", short_name="平原"),
                            admin_username="admin", admin_display_name="王", admin_password="admin-pass-1")
    app.sync.enroll(url, ticket)
    t0 = time.perf_counter()
    r = app.sync.sync()
    elapsed = time.perf_counter() - t0
    q.put({"elapsed": elapsed, "pulled": r.pulled, "pages": r.pages,
           "rss_mb": _peak_rss_mb()})
    app.close()


def initial(cluster: PgCluster, tmp: Path, cases: int, pages: list[int]) -> str:
    url = cluster.create_db("initial")
    svc = _service(url, tmp / "initial")
    _fill(url, cases, stations=1, parties_per_case=2, station_prefix="BIG")
    svc.dispose()
    port = free_port()
    proc = _server(url, tmp / "initial" / "blobs", port)
    rows = []
    try:
        for page in pages:
            svc = _service(url, tmp / "initial")
            ticket = svc.issue_ticket("BIG0")
            svc.dispose()
            ctx = mp.get_context("spawn")
            q = ctx.Queue()
            data_dir = tmp / f"station-{page}"
            p = ctx.Process(target=_initial_child, args=(f"http://127.0.0.1:{port}", ticket, str(data_dir), page, q))
            p.start()
            res = q.get(timeout=3600)
            p.join()
            rows.append((page, res, sum(f.stat().st_size for f in data_dir.rglob("*") if f.is_file())))
    finally:
        proc.terminate()
        proc.wait()
    out = ["| page size | entities pulled | time | cases/s | entities/s | peak RSS (client process) | station db on disk |",
           "|---|---|---|---|---|---|---|"]
    for page, r, size in rows:
        out.append(f"| {page} | {r['pulled']:,} | {r['elapsed']:.1f} s | {cases / r['elapsed']:,.0f} | "
                   f"{r['pulled'] / r['elapsed']:,.0f} | {r['rss_mb']:.0f} MB | {size / 1e6:.0f} MB |")
    return "\n".join(out) + (f"\n\nA fresh station (SQLCipher; pulled pages committed without fsync, see docs/protocol.md) enrolls and pulls a district holding "
                              f"{cases:,} cases with 2 parties each ({cases * 3:,} entities), each page applied with its "
                              "cursor in one transaction. Budget: ≥ 5,000 cases/s, ≤ 300 MB.")


# --- 3. throughput ----------------------------------------------------------------------------------

def _load_child(base_url: str, devices: list[tuple[str, str, str]], seconds: float, interval: float, q) -> None:
    lat, sent, errors = [], [0], [0]
    stop = time.monotonic() + seconds
    window = [time.time(), 0.0]

    def station(device_id, token, code):
        seq = 0
        rng = random.Random(device_id)
        next_at = time.monotonic() + rng.uniform(0, interval)
        with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
            while time.monotonic() < stop:
                if interval:
                    time.sleep(max(0.0, next_at - time.monotonic()))
                    next_at += interval
                changes = []
                for _ in range(20):
                    seq += 1
                    cid = str(uuid.UUID(int=rng.getrandbits(128)))
                    patch = {k: {"old": None, "new": v} for k, v in {
                        "station_code": code, "case_number": f"{code}-{seq}", "case_year": 2026, "case_seq": seq,
                        "title": "相邻关系纠纷", "dispute_type": "02", "source": "application", "status": "received",
                        "summary": "排水沟堵塞。", "received_date": "2026-11-20"}.items()}
                    ch = {"device_seq": seq, "change_id": cid, "entity_type": "cases", "entity_id": cid, "op": "insert",
                          "base_version": 0, "patch": patch, "schema_version": 1}
                    ch["payload_hash"] = P.payload_hash(ch)
                    changes.append(ch)
                s = time.perf_counter()
                r = c.post("/v1/changes", json={"replica_epoch": 1, "changes": changes})
                lat.append((time.perf_counter() - s) * 1000)
                window[1] = max(window[1], time.time())
                if r.status_code == 200:
                    sent[0] += len(changes)
                else:
                    errors[0] += 1
                    seq -= 20
    threads = [threading.Thread(target=station, args=d) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q.put({"lat": lat, "sent": sent[0], "errors": errors[0], "window": window})


def throughput(cluster: PgCluster, tmp: Path, stations: int, seconds: float, targets: list[int]) -> str:
    """Offered loads (changes/s, spread evenly over the stations: each pushes 20 changes every
    stations*20/target seconds, as real stations do) and one closed-loop run (every station pushes
    again as soon as it is answered: the ceiling)."""
    rows = []
    for kind in ("postgresql", "sqlite"):
        for target in (*targets, None):
            if kind == "sqlite" and target is not None and target != targets[0]:
                continue
            url = cluster.create_db(f"load_{target or 0}") if kind == "postgresql" else f"sqlite:///{tmp / f'load{target}.db'}"
            svc = _service(url, tmp / f"load-{kind}-{target}")
            devices = []
            for i in range(stations):
                code = f"L{i}"
                svc.add_station(code, code)
                d, tok = _device(svc, code)
                devices.append((d, tok, code))
            svc.dispose()
            port = free_port()
            proc = _server(url, tmp / f"load-{kind}-{target}" / "blobs", port)
            interval = stations * 20 / target if target else 0.0
            try:
                ctx = mp.get_context("spawn")
                q = ctx.Queue()
                procs = [ctx.Process(target=_load_child, args=(f"http://127.0.0.1:{port}", devices[i::5], seconds, interval, q))
                         for i in range(5)]
                for p in procs:
                    p.start()
                res = [q.get(timeout=seconds + 300) for _ in procs]
                for p in procs:
                    p.join()
            finally:
                proc.terminate()
                proc.wait()
            lat = [x for r in res for x in r["lat"]]
            sent = sum(r["sent"] for r in res)
            # over the measured window (first station started .. last answer), not process start-up
            span = max(r["window"][1] for r in res) - min(r["window"][0] for r in res)
            rows.append((kind, target, sent / span, lat, sum(r["errors"] for r in res)))
    out = ["| district database | offered load | changes/s applied | push p50 | push p95 | max | failed pushes |",
           "|---|---|---|---|---|---|---|"]
    for kind, target, rate, lat, errs in rows:
        offered = f"{target} changes/s" if target else "closed loop (ceiling)"
        out.append(f"| {kind} | {offered} | {rate:,.0f} | {pct(lat, 50):.0f} ms | {pct(lat, 95):.0f} ms | {max(lat):.0f} ms | {errs} |")
    return "\n".join(out) + (f"\n\n{stations} simulated stations (5 load processes × {stations // 5} threads, one HTTP "
                              f"connection each) push batches of 20 new cases for {seconds:.0f} s against one "
                              "`suyuan-server run` process (one uvicorn worker); load generators and server share the "
                              "machine's cores. Budget: ≥ 200 changes/s sustained with push p95 < 500 ms.")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", choices=["noop", "initial", "load"])
    args = ap.parse_args()
    bench_env()
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-bench-sync-"))
    cluster = PgCluster().start()
    try:
        parts = []
        if args.only in (None, "noop"):
            parts.append(("No-op sync at two district sizes", noop(cluster, tmp, [10_000, 100_000 if args.quick else 1_000_000], 300)))
        if args.only in (None, "initial"):
            parts.append(("Initial sync of a large station", initial(cluster, tmp, 5_000 if args.quick else 50_000, [1000, 500])))
        if args.only in (None, "load"):
            parts.append(("50 stations pushing at once", throughput(cluster, tmp, 50, 10 if args.quick else 30, [200, 400])))
        body = "\n\n".join(f"### {title}\n\n{text}" for title, text in parts)
        print(body)
        if not args.quick and args.only is None:  # a partial run never replaces the recorded section
            write_section("Sync: no-op cost, initial sync, server throughput", body)
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
