"""Attachments: resumable uploads, verified content, who may read what."""
from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from sqlalchemy import and_, insert, select, update

from suyuan_desktop.core.sync import protocol as P

from .. import db
from ..db import blobs, entities, entity_blobs, uploads, utcnow
from .common import ApiError, Device


class BlobOps:
    # --- blobs -----------------------------------------------------------------------------------

    def blob_path(self, sha256: str) -> Path:
        return self.blob_dir / sha256[:2] / sha256

    def has_blob(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha256)).first() is not None

    def can_read_blob(self, device: Device, sha256: str) -> bool:
        """A device sees a blob its station's cases reference, or one it uploaded itself. Whether
        some other station holds a file is never revealed (it must upload it to prove it has it)."""
        with self.engine.connect() as conn:
            mine = conn.execute(select(uploads.c.id).where(
                uploads.c.sha256 == sha256, uploads.c.device_id == device.id,
                uploads.c.completed_at.is_not(None))).first()
            if mine is not None:
                return True
            return conn.execute(
                select(entity_blobs.c.sha256).join(entities, and_(
                    entities.c.entity_type == entity_blobs.c.entity_type,
                    entities.c.entity_id == entity_blobs.c.entity_id))
                .where(entity_blobs.c.sha256 == sha256, entities.c.scope == device.station_code).limit(1)
            ).first() is not None

    def start_upload(self, device: Device, sha256: str, size: int, mime: str) -> P.UploadState:
        if not P.SHA256_RE.match(sha256):
            raise ApiError(400, "invalid_sha256", "附件摘要格式错误（应为64位小写十六进制）。")
        if size <= 0 or size > P.MAX_BLOB:
            raise ApiError(413, "blob_too_large", f"附件超过{P.MAX_BLOB // 1024 // 1024}MB上限，请压缩或分开上传。")
        if self.has_blob(sha256) and self.can_read_blob(device, sha256):
            return P.UploadState(upload_id="", sha256=sha256, size=size, offset=size, complete=True)

        def fn(conn):
            row = conn.execute(select(uploads).where(uploads.c.sha256 == sha256, uploads.c.device_id == device.id)).first()
            if row is not None and row.size == size:
                return row.id, row.offset
            if row is not None:
                conn.execute(uploads.delete().where(uploads.c.id == row.id))
            uid = str(uuid.uuid4())
            conn.execute(insert(uploads).values(id=uid, sha256=sha256, size=size, mime=mime[:100], offset=0,
                                                device_id=device.id, created_at=utcnow()))
            return uid, 0
        uid, offset = db.run_tx(self.engine, fn)
        part = self._part(uid)
        if not part.exists():
            part.touch()
        # the file is the truth after a crash: a chunk written but not recorded is written again
        if part.stat().st_size != offset:
            with open(part, "r+b") as fh:
                fh.truncate(offset)
        return P.UploadState(upload_id=uid, sha256=sha256, size=size, offset=offset)

    def _part(self, upload_id: str) -> Path:
        return self.blob_dir / "uploads" / f"{upload_id}.part"

    def upload_state(self, device: Device, upload_id: str) -> P.UploadState:
        with self.engine.connect() as conn:
            row = conn.execute(select(uploads).where(uploads.c.id == upload_id, uploads.c.device_id == device.id)).first()
        if row is None:
            raise ApiError(404, "unknown_upload", "上传任务不存在，请重新开始上传。")
        return P.UploadState(upload_id=row.id, sha256=row.sha256, size=row.size, offset=row.offset,
                             complete=row.completed_at is not None)

    def upload_chunk(self, device: Device, upload_id: str, offset: int, chunk: bytes) -> P.UploadState:
        st = self.upload_state(device, upload_id)
        if st.complete:
            return st
        if offset != st.offset:
            raise ApiError(409, "offset_mismatch", "上传位置不一致，请从区中心记录的位置继续。", {"offset": st.offset})
        if offset + len(chunk) > st.size:
            raise ApiError(400, "too_much_data", "上传的数据超过了声明的文件大小。")
        part = self._part(upload_id)
        with open(part, "r+b") as fh:
            fh.truncate(offset)
            fh.seek(offset)
            fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        new_offset = offset + len(chunk)
        if new_offset < st.size:
            db.run_tx(self.engine, lambda conn: conn.execute(
                update(uploads).where(uploads.c.id == upload_id).values(offset=new_offset)))
            return P.UploadState(upload_id=upload_id, sha256=st.sha256, size=st.size, offset=new_offset)
        digest = hashlib.sha256()
        with open(part, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != st.sha256:
            part.unlink(missing_ok=True)
            db.run_tx(self.engine, lambda conn: conn.execute(uploads.delete().where(uploads.c.id == upload_id)))
            raise ApiError(422, "hash_mismatch", "附件上传后校验不一致（传输中损坏），已丢弃，请重新上传。",
                           {"sha256": st.sha256})
        target = self.blob_path(st.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            part.unlink()  # stored once, whoever uploads it again
        else:
            os.replace(part, target)

        def fn(conn):
            if conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == st.sha256)).first() is None:
                mime = conn.execute(select(uploads.c.mime).where(uploads.c.id == upload_id)).scalar_one()
                conn.execute(insert(blobs).values(sha256=st.sha256, size=st.size, mime=mime, verified_at=utcnow()))
            conn.execute(update(uploads).where(uploads.c.id == upload_id).values(offset=st.size, completed_at=utcnow()))
        db.run_tx(self.engine, fn)
        return P.UploadState(upload_id=upload_id, sha256=st.sha256, size=st.size, offset=st.size, complete=True)
