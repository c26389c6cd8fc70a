"""Disk: what a station takes per case, as shipped (each change kept once, in the audit log, which
the outbox points at; digests as bytes) and in the layout before (an outbox copy of every change,
hex digests, a stored chain link), fresh (every change still to send) and once the district has
acknowledged the changes and 30 days have passed, side by side in one run.

The layout before is made from the same station by rewriting its two bookkeeping tables back to
their earlier form, so both columns hold exactly the same cases and changes.

Run: python -m bench.bench_disk [--cases 2000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from bench.common import bench_env, write_section

# the two bookkeeping tables as they were before migration 0015
_BEFORE = [
    """CREATE TABLE audit_before (seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, at DATETIME NOT NULL,
       actor VARCHAR(64), entity_type VARCHAR(40) NOT NULL, entity_id VARCHAR(80) NOT NULL,
       action VARCHAR(8) NOT NULL, changes JSON NOT NULL, prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL)""",
    """INSERT INTO audit_before SELECT seq, at, actor, entity_type, entity_id, action, changes,
       coalesce(nullif(lower(hex(lag(hash) OVER (ORDER BY seq))), ''), '{genesis}'), lower(hex(hash)) FROM audit_log ORDER BY seq""",
    """CREATE TABLE outbox_before (local_seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
       change_id VARCHAR(36) NOT NULL UNIQUE, entity_type VARCHAR(40) NOT NULL, entity_id VARCHAR(36) NOT NULL,
       op VARCHAR(8) NOT NULL, base_version INTEGER NOT NULL, new_version INTEGER NOT NULL, patch JSON NOT NULL,
       schema_version INTEGER NOT NULL, user_id VARCHAR(36), device_time DATETIME NOT NULL,
       payload_hash VARCHAR(64) NOT NULL, state VARCHAR(12) NOT NULL, attempts INTEGER NOT NULL,
       last_error TEXT, server_result JSON)""",
    """INSERT INTO outbox_before SELECT o.local_seq, o.change_id, o.entity_type, o.entity_id, o.op, o.base_version,
       o.new_version, a.changes, o.schema_version, o.user_id, o.device_time, lower(hex(o.payload_hash)), o.state,
       o.attempts, o.last_error, o.server_result FROM sync_outbox o JOIN audit_log a ON a.seq = o.audit_seq""",
    "DROP TABLE sync_outbox",
    "DROP TABLE audit_log",
    "ALTER TABLE audit_before RENAME TO audit_log",
    "ALTER TABLE outbox_before RENAME TO sync_outbox",
    "CREATE INDEX ix_audit_log_entity_id ON audit_log (entity_id)",
    "CREATE INDEX ix_sync_outbox_entity_id ON sync_outbox (entity_id)",
    "CREATE INDEX ix_sync_outbox_state ON sync_outbox (state)",
]


def station_size(root: Path, cases: int, layout: str) -> tuple[float, float, dict]:
    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.services.station import StationApp, StationSetup
    from suyuan_desktop.core.store.tracking import GENESIS_HASH, Actor
    app = StationApp.create(root, StationSetup(code="B9", name="容量测试站", township="平原镇", short_name="容量"),
                            admin_username="admin", admin_display_name="管理员", admin_password="bench-pass-1")
    generate_demo(app, Actor(None, "bench", "system"), cases, seed=11, batch=500, parties_per_case=3.0)

    def sql(*statements):
        raw = app.store.engine.raw_connection()   # outside a transaction, as VACUUM must be
        try:
            for st in statements:
                raw.driver_connection.execute(st)
            raw.driver_connection.commit()
        finally:
            raw.close()

    def size() -> float:
        sql("VACUUM")
        app.store.checkpoint()
        return (root / "station.db").stat().st_size / 1024 / cases

    if layout == "before":
        sql("PRAGMA foreign_keys = OFF", *(s.format(genesis=GENESIS_HASH) for s in _BEFORE))
    fresh = size()
    raw = app.store.engine.raw_connection()
    try:
        counts = {"audit entries": raw.driver_connection.execute("SELECT count(*) FROM audit_log").fetchone()[0],
                  "outbox rows": raw.driver_connection.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]}
    finally:
        raw.close()
    # as after syncs: every change acknowledged more than 30 days ago, and the outbox pruned
    # (SyncService._prune_acknowledged, the same in both layouts)
    sql("UPDATE sync_outbox SET state = 'acked', device_time = '2000-01-01 00:00:00.000000'",
        f"DELETE FROM sync_outbox WHERE state = 'acked' AND device_time < '{dt.date(2001, 1, 1)}'")
    synced = size()
    app.close()
    return fresh, synced, counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    args = ap.parse_args()
    bench_env()
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-bench-disk-"))
    try:
        shipped = station_size(tmp / "shipped", args.cases, "shipped")
        before = station_size(tmp / "before", args.cases, "before")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    counts = shipped[2]
    body = f"""
A station of {args.cases:,} demo cases (3 parties on average; {counts['audit entries']:,} audit entries,
{counts['outbox rows']:,} outbox rows), SQLCipher, after `VACUUM`. "Synced" is the same station once
every change has been acknowledged by the district more than 30 days ago (the outbox rows then
leave; the audit log keeps every change). The layout before is the same station with its two
bookkeeping tables rewritten to their earlier form.

| database size per case | fresh (every change still to send) | synced |
|---|---|---|
| **shipped**: each change kept once (the outbox points at its audit entry), digests as 32 bytes, no stored chain link | {shipped[0]:.1f} KB | {shipped[1]:.1f} KB |
| before: an outbox copy of every change, hex digests, the link stored | {before[0]:.1f} KB | {before[1]:.1f} KB |

Both pack the changes (`store/packed.py`); the first measurement, with changes as JSON text and
acknowledged rows kept for good, was 35.3 KB per case in both columns (2026-12-02).
Goal: ≤ 8 KB per case without weakening the audit chain.
"""
    print(body)
    write_section("Disk: database size per case", body)


if __name__ == "__main__":
    main()
