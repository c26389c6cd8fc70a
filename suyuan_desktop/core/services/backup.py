"""Encrypted, verified backups and restores.

A backup is one SQLCipher file keyed by a passphrase the operator chooses (so it can be
restored on another machine, where the OS keyring does not have the station key). Attachment
files travel inside it, in a ``backup_blobs`` table, so one file is the whole station. Every
backup is re-opened and checked (integrity, row counts, audit chain, attachment hashes) before
it is reported as done.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import FieldError, SuyuanError, ValidationError
from ..security import keystore
from ..security.files import private_file
from ..store.engine import Store, export_encrypted_copy, open_raw
from ..store.models import Attachment
from ..store.packed import unpack
from ..store.tracking import GENESIS_HASH, audit_hash
from .station import DB_FILE, STATION_FILE, StationApp

MIN_PASSPHRASE = 10


class BackupInvalid(SuyuanError):
    code = "backup_invalid"


@dataclass(frozen=True)
class BackupReport:
    path: Path
    tables: dict[str, int]
    attachments: int
    audit_entries: int


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(FieldError("passphrase", "备份口令", f"至少{MIN_PASSPHRASE}位；请妥善保管，恢复时需要它。", "too_short"))


def _table_counts(conn) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'backup_blobs'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in sorted(names)}


def _verify_audit(conn) -> int:
    """Walk the backup's audit chain. A backup from before the compact bookkeeping keeps the link
    (``prev_hash``) and the hash as hex text; from then on the hash is 32 bytes and the link is the
    entry before (docs/storage.md)."""
    import datetime as dt
    columns = {r[1] for r in conn.execute("PRAGMA table_info(audit_log)")}
    link = "prev_hash" if "prev_hash" in columns else "NULL"
    prev, count = GENESIS_HASH, 0
    for seq, at, actor, etype, eid, action, changes, p, h in conn.execute(
            f"SELECT seq, at, actor, entity_type, entity_id, action, changes, {link}, hash FROM audit_log ORDER BY seq"):
        h = h if isinstance(h, str) else bytes(h).hex()
        if (p is not None and p != prev) or audit_hash(prev, dt.datetime.fromisoformat(at), actor, etype, eid,
                                                       action, unpack(changes)) != h:
            raise BackupInvalid(f"备份中的审计日志第{seq}条校验失败，备份不可用。")
        prev, count = h, count + 1
    return count


def verify_backup(path: Path, passphrase: str, expected: dict[str, int] | None = None) -> BackupReport:
    conn = open_raw(path, passphrase=passphrase)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BackupInvalid(f"备份文件完整性检查失败：{result}")
        counts = _table_counts(conn)
        if expected is not None and counts != expected:
            diff = {k: (expected.get(k), counts.get(k)) for k in set(expected) | set(counts) if expected.get(k) != counts.get(k)}
            raise BackupInvalid(f"备份与原库记录数不一致：{diff}")
        blobs = 0
        for sha, data in conn.execute("SELECT sha256, data FROM backup_blobs"):
            if hashlib.sha256(data).hexdigest() != sha:
                raise BackupInvalid(f"备份中的附件 {sha[:12]}… 校验失败。")
            blobs += 1
        audit = _verify_audit(conn)
    finally:
        conn.close()
    return BackupReport(path=path, tables=counts, attachments=blobs, audit_entries=audit)


def backup(app: StationApp, dest: Path, passphrase: str, progress=None) -> BackupReport:
    """``progress(percent, message)``, if given, is called at each stage and every few
    attachments; it may raise to stop. A stopped or failed backup leaves no file behind."""
    _check_passphrase(passphrase)
    dest = Path(dest)
    if dest.exists():
        raise ValidationError(FieldError("output", "备份文件", f"{dest} 已存在，请换一个文件名，避免覆盖旧备份。", "exists"))
    report = progress or (lambda pct, msg: None)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        report(0, "正在复制数据库")
        app.store.checkpoint()
        with app.store.read() as s:  # a consistent snapshot of what to copy
            shas = sorted(set(s.execute(select(Attachment.sha256)).scalars()))
        src = open_raw(app.store.path, key=app.store.key)
        try:
            expected = _table_counts(src)
        finally:
            src.close()
        export_encrypted_copy(app.store.path, app.store.key, tmp, dest_passphrase=passphrase)
        conn = open_raw(tmp, passphrase=passphrase)
        try:
            conn.execute("CREATE TABLE backup_blobs (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL)")
            for i, sha in enumerate(shas):
                if i % 20 == 0:
                    report(40 + 40 * i // max(1, len(shas)), f"正在复制附件（{i}/{len(shas)}）")
                conn.execute("INSERT INTO backup_blobs VALUES (?, ?)", (sha, app.blobs.get(sha)))
            conn.commit()
        finally:
            conn.close()
        report(80, "正在校验备份")
        verified = verify_backup(tmp, passphrase, expected)
        private_file(tmp)
        tmp.rename(dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report(100, "备份完成")
    return BackupReport(path=dest, tables=verified.tables, attachments=verified.attachments,
                        audit_entries=verified.audit_entries)


def restore(backup_file: Path, data_dir: Path, passphrase: str) -> StationApp:
    """Restore into a data directory that holds no station yet, under a new key in this
    machine's keyring."""
    data_dir = Path(data_dir)
    if StationApp.exists(data_dir) or (data_dir / DB_FILE).exists():
        raise ValidationError(FieldError("data_dir", "数据目录", f"{data_dir} 中已有站点数据。为防止覆盖，请恢复到一个新的空目录。", "exists"))
    report = verify_backup(Path(backup_file), passphrase)
    data_dir.mkdir(parents=True, exist_ok=True)
    store_id = str(uuid.uuid4())
    key = keystore.create_db_key(store_id)
    db_path = data_dir / DB_FILE
    src = open_raw(Path(backup_file), passphrase=passphrase)
    try:
        src.isolation_level = None
        src.execute(f"ATTACH DATABASE ? AS dest KEY \"x'{key.hex()}'\"", (str(db_path),))
        src.execute("SELECT sqlcipher_export('dest')")
        src.execute("DETACH DATABASE dest")
        blobs = list(src.execute("SELECT sha256, data FROM backup_blobs"))
    finally:
        src.close()
    store = Store(db_path, key)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS backup_blobs")
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'store_id'", (store_id,))
    store.dispose()
    from ..store.blobs import BlobStore
    blob_store = BlobStore(data_dir / "blobs", key)
    for sha, data in blobs:
        if blob_store.put(bytes(data)) != sha:
            raise BackupInvalid("恢复附件时校验失败。")
    (data_dir / STATION_FILE).write_text(json.dumps({"store_id": store_id, "format": 1}), "utf-8")
    app = StationApp.open(data_dir)
    if report.audit_entries == 0:
        raise BackupInvalid("备份中没有审计日志，可能不是站点备份。")
    return app
