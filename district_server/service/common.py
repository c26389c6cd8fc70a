"""What the district service's parts share: errors, the device, the unit of feed work, fault points."""
from __future__ import annotations

import base64
import hashlib
import logging
import os
from dataclasses import dataclass, field



log = logging.getLogger(__name__)
MIN_CLIENT_VERSION = "0.1.0"
DISTRICT_SCOPE_ACTOR = "district"
REFERENCE_DATASETS = {"dispute_catalogue": "纠纷类型目录", "mediator_roster": "调解员名册",
                      "holiday_calendar": "节假日日历", "assessment_weights": "考核权重"}


class ApiError(Exception):
    """An error with an HTTP status, a machine code and a Chinese message for the mediator."""

    def __init__(self, status: int, code: str, message: str, detail: dict | None = None,
                 headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.detail, self.headers = detail, headers or {}


class Reject(Exception):
    """A change the server will not apply: recorded with this reason, the queue moves on."""


@dataclass
class Device:
    id: str
    station_code: str
    replica_epoch: int
    last_applied_seq: int


@dataclass
class _Work:
    """What one transaction will publish to the feed (written last, after the counter)."""

    feed_rows: dict = field(default_factory=dict)  # (scope, type, id) -> op

    def publish(self, scope: str, entity_type: str, entity_id: str, op: str) -> None:
        self.feed_rows[(scope, entity_type, entity_id)] = op


_FAULT_COUNTS: dict[str, int] = {}


def _fault(name: str) -> None:
    """SUYUAN_SERVER_FAULT=<name>:<n> kills the server process the n-th time it passes <name>
    (the kill tests; never set in production)."""
    want = os.environ.get("SUYUAN_SERVER_FAULT")
    if not want or not want.startswith(name + ":"):
        return
    _FAULT_COUNTS[name] = _FAULT_COUNTS.get(name, 0) + 1
    if str(_FAULT_COUNTS[name]) == want.split(":", 1)[1]:
        import signal
        os.kill(os.getpid(), signal.SIGKILL)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")
