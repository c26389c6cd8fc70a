"""Attachment files, content-addressed by the SHA-256 of their plaintext and encrypted at rest.

SQLCipher covers only the database, so files are sealed with AES-256-GCM under a key derived
(HKDF) from the station key. Layout: blobs/ab/abcdef...  (nonce || ciphertext+tag).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..domain.errors import FieldError, SuyuanError, ValidationError

MAX_BLOB_BYTES = 100 * 1024 * 1024


class BlobCorrupt(SuyuanError):
    code = "blob_corrupt"


class BlobStore:
    def __init__(self, root: Path, station_key: bytes):
        self.root = Path(root)
        self._station_key = station_key
        self._cipher = None

    @property
    def _aead(self):
        """The cipher, made on first use: opening a station needs no cryptography import (it
        costs ~40 ms at start, and a station may never store an attachment in a session)."""
        if self._cipher is None:
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
            from cryptography.hazmat.primitives.kdf.hkdf import HKDF
            self._cipher = AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                                       info=b"suyuan blob store v1").derive(self._station_key))
        return self._cipher

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put(self, data: bytes) -> str:
        if len(data) > MAX_BLOB_BYTES:
            raise ValidationError(FieldError("file", "附件", f"文件超过{MAX_BLOB_BYTES // 1024 // 1024}MB上限，请压缩或分开上传。", "too_large"))
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        nonce = os.urandom(12)
        sealed = nonce + self._aead.encrypt(nonce, data, digest.encode())
        tmp = target.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            fh.write(sealed)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        return digest

    def get(self, sha256: str) -> bytes:
        raw = self.path_for(sha256).read_bytes()
        try:
            data = self._aead.decrypt(raw[:12], raw[12:], sha256.encode())
        except Exception:
            raise BlobCorrupt(f"附件文件 {sha256[:12]}… 已损坏或被改动，无法读取。") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise BlobCorrupt(f"附件文件 {sha256[:12]}… 校验失败。")
        return data
