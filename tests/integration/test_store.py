"""The encrypted store: what is on disk, what a wrong key does, outbox and audit guarantees."""
from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import func, select, text

from suyuan_desktop.core.domain.errors import ImmutableRecord, ValidationError
from suyuan_desktop.core.services.inputs import CaseIntake
from suyuan_desktop.core.services.station import StationApp
from suyuan_desktop.core.store import migrate
from suyuan_desktop.core.store.engine import Store, WrongKeyError
from suyuan_desktop.core.store.models import AuditEntry, Case, Party, SyncOutbox
from suyuan_desktop.core.store.tracking import verify_audit_chain
from tests.helpers.builders import LI_ID, ZHANG_ID, intake_data, new_case

# every schema revision before the newest, each upgraded with data in it to the newest
PREVIOUS_REVISIONS = ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013",
                      "0014"]


def _all_bytes(directory) -> bytes:
    return b"".join(p.read_bytes() for p in directory.iterdir() if p.is_file() and p.name.startswith("station.db"))


def test_database_files_hold_no_plaintext_personal_data(station, admin):
    new_case(station, admin)
    station.store.checkpoint()
    raw = _all_bytes(station.data_dir)
    for secret in ("张三", "李四", ZHANG_ID, LI_ID, "13800138000", "平原镇东村"):
        assert secret.encode("utf-8") not in raw, secret
    # and the plain sqlite3 module cannot read it at all
    conn = sqlite3.connect(station.data_dir / "station.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_wrong_key_fails_with_a_clear_message(station, admin):
    new_case(station, admin)
    path = station.store.path
    station.close()
    with pytest.raises(WrongKeyError) as exc:
        Store(path, os.urandom(32))
    assert "密钥不匹配" in exc.value.message and "suyuan restore" in exc.value.message


def test_reopening_uses_the_key_from_the_keyring(station, admin):
    case = new_case(station, admin)
    station.close()
    with StationApp.open(station.data_dir) as again:
        assert again.cases.get(case.case_number).parties[0].name == "张三"


def test_pragmas_wal_foreign_keys_full_sync(station):
    with station.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_every_change_writes_an_outbox_row_in_the_same_transaction(station, admin):
    case = new_case(station, admin)
    with station.store.read() as s:
        rows = s.execute(select(SyncOutbox).where(SyncOutbox.entity_id == case.id)).scalars().all()
    assert [r.op for r in rows] == ["insert"] and rows[0].new_version == 1
    assert rows[0].patch["title"]["new"] == "张三与李四相邻关系纠纷"
    station.cases.accept(admin, case.id)
    with station.store.read() as s:
        rows = s.execute(select(SyncOutbox).where(SyncOutbox.entity_id == case.id)
                         .order_by(SyncOutbox.local_seq)).scalars().all()
        version = s.get(Case, case.id).version
    assert rows[-1].op == "update" and rows[-1].base_version == 1 and rows[-1].new_version == version == 2
    assert rows[-1].patch["status"] == {"old": "received", "new": "accepted"}
    seqs = [r.local_seq for r in rows]
    assert seqs == sorted(seqs) and len(set(r.change_id for r in rows)) == len(rows)


def test_a_failed_unit_of_work_leaves_no_row_and_no_outbox_entry(station, admin):
    def counts():
        with station.store.read() as s:
            return tuple(s.execute(select(func.count()).select_from(m)).scalar_one() for m in (Case, Party, SyncOutbox, AuditEntry))
    before = counts()
    with pytest.raises(RuntimeError):
        with station.store.write(admin) as s:
            s.add(Case(station_code="410703001", case_number="X", case_year=2026, case_seq=999, title="t",
                       dispute_type="02", source="application", status="received", summary="s",
                       received_date=station.today()))
            s.flush()
            raise RuntimeError("crash in the middle")
    assert counts() == before


def test_syncable_rows_cannot_be_hard_deleted(station, admin):
    case = new_case(station, admin)
    with pytest.raises(ImmutableRecord):
        with station.store.write(admin) as s:
            s.delete(s.get(Case, case.id))
    assert station.cases.get(case.id).case_number == case.case_number


def test_soft_delete_is_a_tombstone_with_a_delete_change(station, admin):
    case = new_case(station, admin)
    with station.store.write(admin) as s:
        s.get(Case, case.id).deleted_at = s.get(Case, case.id).created_at
    with station.store.read() as s:
        last = s.execute(select(SyncOutbox).where(SyncOutbox.entity_id == case.id)
                         .order_by(SyncOutbox.local_seq.desc())).scalars().first()
        assert last.op == "delete"
    assert station.cases.count() == 0


class TestAuditChain:
    def test_clean_chain_verifies(self, station, admin):
        new_case(station, admin)
        with station.store.read() as s:
            report = verify_audit_chain(s)
        assert report.ok and report.entries > 10

    def test_records_who_and_field_level_before_after(self, station, admin):
        case = new_case(station, admin)
        station.cases.accept(admin, case.id)
        with station.store.read() as s:
            e = s.execute(select(AuditEntry).where(AuditEntry.entity_id == case.id)
                          .order_by(AuditEntry.seq.desc())).scalars().first()
        assert e.actor == "admin" and e.action == "update"
        assert e.changes["status"] == {"old": "received", "new": "accepted"}

    def test_password_hashes_are_not_copied_into_the_audit_log(self, station):
        with station.store.read() as s:
            users = s.execute(select(AuditEntry).where(AuditEntry.entity_type == "users")).scalars().all()
        assert users and all(e.changes["password_hash"]["new"] == "***" for e in users if "password_hash" in e.changes)

    def test_changes_are_stored_packed_and_older_json_rows_still_read_and_verify(self, station, admin):
        import json
        case = new_case(station, admin)
        with station.store.engine.begin() as conn:
            stored = conn.execute(text("SELECT seq, changes FROM audit_log WHERE entity_id = :i"), {"i": case.id}).first()
            assert isinstance(stored.changes, bytes)   # packed, not JSON text
            # the outbox keeps no copy of the change: it points at the audit entry that holds it
            assert conn.execute(text("SELECT audit_seq FROM sync_outbox WHERE entity_id = :i"),
                                {"i": case.id}).scalar() == stored.seq
            assert "patch" not in {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(sync_outbox)")}
            with station.store.read() as s:
                as_read = s.get(AuditEntry, stored.seq).changes
            assert as_read["title"]["new"] == case.title and len(stored.changes) < len(json.dumps(as_read).encode()) / 2
            # a station from before packing holds its changes as JSON text: they read and verify the same
            conn.execute(text("UPDATE audit_log SET changes = :c WHERE seq = :s"),
                         {"c": json.dumps(as_read, ensure_ascii=False), "s": stored.seq})
        with station.store.read() as s:
            assert s.get(AuditEntry, stored.seq).changes == as_read
            assert verify_audit_chain(s).ok
            outbox = s.execute(select(SyncOutbox).where(SyncOutbox.entity_id == case.id)).scalar_one()
            assert outbox.patch == as_read

    @pytest.mark.parametrize("tamper", ["edit", "delete", "reorder"])
    def test_tampering_is_detected(self, station, admin, tamper):
        new_case(station, admin)
        with station.store.engine.begin() as conn:
            seq = conn.execute(text("SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 5")).scalar()
            if tamper == "edit":
                conn.execute(text("UPDATE audit_log SET changes = :c WHERE seq = :s"),
                             {"c": '{"name": {"old": null, "new": "王五"}}', "s": seq})
            elif tamper == "delete":
                conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": seq})
            else:
                conn.execute(text("UPDATE audit_log SET actor = 'someone-else' WHERE seq = :s"), {"s": seq})
        with station.store.read() as s:
            report = verify_audit_chain(s)
        assert not report.ok and any(str(seq) in p for p in report.problems)


class TestMigrations:
    def test_upgrade_from_empty_creates_the_head_schema(self, tmp_path):
        store = Store(tmp_path / "m.db", os.urandom(32))
        migrate.upgrade(store)
        assert migrate.current_revision(store) == migrate.head_revision()
        with store.engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"cases", "parties", "sync_outbox", "audit_log", "agreements"} <= tables
        store.dispose()

    @staticmethod
    def _revisions():
        from alembic.script import ScriptDirectory
        return [r.revision for r in ScriptDirectory.from_config(migrate._config()).walk_revisions()][::-1]

    def test_every_earlier_revision_has_an_upgrade_test_with_data(self):
        revisions = self._revisions()
        assert revisions[0] == "0001" and revisions[-1] == migrate.head_revision()
        assert PREVIOUS_REVISIONS == revisions[:-1]  # a new migration adds its predecessor to the upgrade test

    @pytest.mark.parametrize("previous", PREVIOUS_REVISIONS)
    def test_upgrade_from_a_previous_revision_keeps_the_data(self, tmp_path, previous):
        key = os.urandom(32)
        store = Store(tmp_path / "old.db", key)
        migrate.upgrade(store, previous)
        with store.engine.begin() as conn:  # data written by the previous schema, as the old app would
            conn.execute(text("INSERT INTO cases (id, version, created_at, updated_at, station_code, case_number, case_year, "
                              "case_seq, title, dispute_type, source, status, summary, received_date, risk_of_escalation, "
                              "risk_reported) VALUES ('c1', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'S', "
                              "'（2026）平原人调字第0001号', 2026, 1, '旧案', '02', 'application', 'received', '旧数据', "
                              "'2026-01-01', 0, 0)"))
            cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(parties)")]
            tail = ", phone_tail" if "phone_tail" in cols else ""
            tail_value = ", '5678'" if tail else ""
            conn.execute(text("INSERT INTO parties (id, version, created_at, updated_at, case_id, position, role, kind, name, "
                              f"phone{tail}) VALUES ('p1', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'c1', 1, "
                              f"'applicant', 'person', '赵六', '13912345678'{tail_value})"))
        backup = migrate.upgrade(store, backup_dir=tmp_path / "backups")
        assert backup is not None and backup.exists() and backup.stat().st_size > 0
        assert migrate.current_revision(store) == migrate.head_revision()
        from suyuan_desktop.core.store import repositories as repo
        with store.read() as s:
            found = repo.search_cases(s, repo.CaseFilter(text="赵六"))
            assert [c.case_number for c in found] == ["（2026）平原人调字第0001号"]
            assert repo.search_cases(s, repo.CaseFilter(text="5678"))[0].id == "c1"
        store.dispose()
        # the pre-migration backup is the old schema, still encrypted with the same key
        old = Store(backup, key)
        assert migrate.current_revision(old) == previous
        old.dispose()

    def test_each_change_is_kept_once_after_0015_and_the_chain_still_verifies(self, tmp_path):
        """Changes written by the app before 0015 (audit entry and outbox copy, hex hashes, a stored
        link) come through: the chain verifies, every outbox row sends the change it held, the
        payload hashes are unchanged, device numbers are never reused, and a row no audit entry
        held keeps its change."""
        import datetime as dt

        from suyuan_desktop.core.store.packed import pack
        from suyuan_desktop.core.store.tracking import GENESIS_HASH, audit_hash
        store = Store(tmp_path / "old.db", os.urandom(32))
        migrate.upgrade(store, "0014")
        at = dt.datetime(2026, 1, 5, 8, 30)
        written = [("cases", "c1", "insert", {"title": {"old": None, "new": "旧案"}}),
                   ("cases", "c1", "update", {"title": {"old": "旧案", "new": "新案"}}),
                   ("parties", "p1", "insert", {"name": {"old": None, "new": "赵六"}}),
                   ("cases", "c1", "update", {"title": {"old": "旧案", "new": "新案"}})]   # the same again
        by_hand = ("parties", "p1", "update", {"name": {"old": "赵六", "new": "钱七"}})
        # and enough earlier history, acknowledged and pruned from the outbox, that the rebuilt
        # tables are most of the file
        history = [("cases", f"h{n}", "insert", {"summary": {"old": None, "new": f"第{n}件旧案的案情" * 20}})
                   for n in range(1500)]
        written = history + written
        prev = GENESIS_HASH
        with store.engine.begin() as conn:
            for etype, eid, action, change in written:
                digest = audit_hash(prev, at, "admin", etype, eid, action, change)
                conn.exec_driver_sql(
                    "INSERT INTO audit_log (at, actor, entity_type, entity_id, action, changes, prev_hash, hash) "
                    "VALUES (?, 'admin', ?, ?, ?, ?, ?, ?)", (str(at), etype, eid, action, pack(change), prev, digest))
                prev = digest
            for n, (etype, eid, action, change) in enumerate([*written[len(history):], by_hand], start=1):
                conn.exec_driver_sql(
                    "INSERT INTO sync_outbox (local_seq, change_id, entity_type, entity_id, op, base_version, "
                    "new_version, patch, schema_version, device_time, payload_hash, state, attempts) "
                    "VALUES (?, ?, ?, ?, ?, 0, 1, ?, 1, ?, ?, 'pending', 0)",
                    (10 + n, f"{n:036d}", etype, eid, action, pack(change), str(at), f"{n:064x}"))
            # acknowledged rows up to 40 were pruned long ago: 41 is the next device number
            conn.exec_driver_sql("UPDATE sqlite_sequence SET seq = 40 WHERE name = 'sync_outbox'")
        migrate.upgrade(store)
        with store.read() as s:
            report = verify_audit_chain(s)
            assert report.ok and report.entries == 1505   # as written, and one adopting the row by hand
            rows = s.execute(select(SyncOutbox).order_by(SyncOutbox.local_seq)).scalars().all()
            recent = [*written[len(history):], by_hand]
            assert [(r.local_seq, r.patch) for r in rows] == [(10 + n, c[3]) for n, c in enumerate(recent, 1)]
            assert [r.payload_hash for r in rows] == [f"{n:064x}" for n in range(1, 6)]
            assert rows[3].audit_seq in (1502, 1504)   # the same change twice: either entry holds it
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO sync_outbox (change_id, entity_type, entity_id, op, base_version, new_version, audit_seq, "
                "schema_version, device_time, payload_hash, state, attempts) "
                "VALUES ('x', 'cases', 'c1', 'update', 1, 2, 1, 1, '2026-01-06 00:00:00', x'00', 'pending', 0)")
            assert conn.exec_driver_sql("SELECT local_seq FROM sync_outbox WHERE change_id = 'x'").scalar() == 41
            # the pages of the tables it rebuilt went back to the disk
            assert conn.exec_driver_sql("PRAGMA freelist_count").scalar() == 0
        store.dispose()

    def test_migrations_build_exactly_the_models_schema(self, tmp_path):
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext
        from suyuan_desktop.core.store.models import Base
        store = Store(tmp_path / "m.db", os.urandom(32))
        migrate.upgrade(store)
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"render_as_batch": True}), Base.metadata)
        store.dispose()
        assert diff == [], "models changed without a migration"


def test_intake_validation_failure_writes_nothing(station, admin):
    data = intake_data()
    data["parties"][1]["id_number"] = LI_ID[:-1] + ("0" if LI_ID[-1] != "0" else "1")
    with station.store.read() as s:
        before = s.execute(select(func.count()).select_from(SyncOutbox)).scalar_one()
    with pytest.raises(ValidationError) as exc:
        station.cases.intake(admin, CaseIntake(**data))
    assert exc.value.errors[0].path == "parties[1].id_number"
    with station.store.read() as s:
        assert s.execute(select(func.count()).select_from(SyncOutbox)).scalar_one() == before
    assert station.cases.count() == 0


def test_head_revision_constant_matches_alembic():
    assert migrate.HEAD_REVISION == migrate.head_revision()


def test_a_backup_verifies_in_either_form_of_the_audit_log(station, admin, tmp_path):
    """A backup made before migration 0015 keeps hex hashes and the stored link; one made after,
    32-byte hashes and no link. Both verify; an altered link or entry in either is refused."""
    from suyuan_desktop.core.services import backup as backup_svc
    from suyuan_desktop.core.store.engine import open_raw
    from suyuan_desktop.core.store.tracking import GENESIS_HASH
    new_case(station, admin)
    made = tmp_path / "station.bak"
    backup_svc.backup(station, made, "平原镇备份口令2026")
    entries = backup_svc.verify_backup(made, "平原镇备份口令2026").audit_entries
    assert entries > 10
    conn = open_raw(made, passphrase="平原镇备份口令2026")
    conn.executescript(f"""
        CREATE TABLE audit_before (seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, at DATETIME NOT NULL,
            actor VARCHAR(64), entity_type VARCHAR(40) NOT NULL, entity_id VARCHAR(80) NOT NULL,
            action VARCHAR(8) NOT NULL, changes JSON NOT NULL, prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL);
        INSERT INTO audit_before SELECT seq, at, actor, entity_type, entity_id, action, changes,
            coalesce(nullif(lower(hex(lag(hash) OVER (ORDER BY seq))), ''), '{GENESIS_HASH}'), lower(hex(hash)) FROM audit_log;
        DROP TABLE audit_log;
        ALTER TABLE audit_before RENAME TO audit_log;
    """)
    conn.commit()
    conn.close()
    assert backup_svc.verify_backup(made, "平原镇备份口令2026").audit_entries == entries
    conn = open_raw(made, passphrase="平原镇备份口令2026")
    conn.execute("UPDATE audit_log SET prev_hash = ? WHERE seq = 3", ("1" * 64,))
    conn.commit()
    conn.close()
    with pytest.raises(backup_svc.BackupInvalid) as exc:
        backup_svc.verify_backup(made, "平原镇备份口令2026")
    assert "第3条" in exc.value.message


def test_whoever_waits_hears_that_a_stations_data_is_being_migrated(tmp_path):
    """A migration can take a minute on a large station: the window and the command line are told
    before it starts. A new, empty database is not a station's data being migrated."""
    heard = []
    store = Store(tmp_path / "m.db", os.urandom(32))
    migrate.upgrade(store, "0014", on_start=lambda *a: heard.append(a))
    assert heard == []
    migrate.upgrade(store, on_start=lambda *a: heard.append(a))
    assert heard == [("0014", migrate.head_revision())]
    migrate.upgrade(store, on_start=lambda *a: heard.append(a))   # already current: nothing to say
    assert len(heard) == 1
    store.dispose()
