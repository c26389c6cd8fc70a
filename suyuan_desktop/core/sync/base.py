"""What the sync engine needs without the HTTP stack: its errors, the server URL rule and the
retry policy (so the app can show sync status without importing httpx at start-up)."""
from __future__ import annotations

import ipaddress
import random
from urllib.parse import urlparse

from ..domain.errors import SuyuanError

CLIENT_VERSION = "0.2.0"


class SyncError(SuyuanError):
    code = "sync_error"

    def __init__(self, message: str, *, status: int | None = None, error: str | None = None,
                 detail: dict | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.error = error or self.code
        self.detail = detail or {}
        self.retry_after = retry_after


class Offline(SyncError):
    code = "offline"


class ServerBusy(SyncError):
    code = "server_busy"


class UpgradeRequired(SyncError):
    code = "upgrade_required"


class CursorGone(SyncError):
    code = "cursor_gone"


class NotAuthorized(SyncError):
    code = "not_authorized"


class ProtocolConflict(SyncError):
    code = "protocol_conflict"


class HashMismatch(SyncError):
    code = "hash_mismatch"


def _loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise SyncError(f"区中心地址“{url}”格式不正确，应为 https://主机名[:端口]。", error="bad_url")
    if parsed.scheme == "http" and not _loopback(parsed.hostname):
        raise SyncError("区中心地址必须使用 https://（只有本机测试可以用 http://127.0.0.1）。", error="https_required")
    return url.strip().rstrip("/")


class Backoff:
    """Exponential backoff with full jitter (1 s .. 5 min), never sooner than Retry-After."""

    def __init__(self, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None):
        self.base, self.cap = base, cap
        self.rng = rng or random.Random()
        self.failures = 0

    def success(self) -> None:
        self.failures = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * (2 ** self.failures))
        self.failures += 1
        delay = self.rng.uniform(0, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.cap))
        return delay
