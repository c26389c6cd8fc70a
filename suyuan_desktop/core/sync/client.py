"""HTTP transport of the sync protocol (httpx). No database here: the engine that applies what
comes back lives in core/services/sync.py.

HTTPS is required except on loopback; a district with its own CA passes its bundle. Errors become
typed exceptions carrying the server's Chinese message.
"""
from __future__ import annotations

import uuid

import httpx

from . import protocol as P

from .base import (  # noqa: F401 - re-exported: the transport's errors and URL rule
    CLIENT_VERSION, CursorGone, HashMismatch, NotAuthorized, Offline, ProtocolConflict, ServerBusy,
    SyncError, UpgradeRequired, check_server_url,
)


def _retry_after(resp: httpx.Response) -> float | None:
    for h in ("Retry-After", "Backoff"):
        v = resp.headers.get(h)
        if v:
            try:
                return float(v)
            except ValueError:
                return None
    return None


class Transport:
    def __init__(self, base_url: str, *, ca_bundle: str | None = None, timeout: float = 30.0,
                 device_id: str | None = None, http: httpx.Client | None = None):
        self.base_url = check_server_url(base_url)
        self.http = http or httpx.Client(base_url=self.base_url, verify=ca_bundle or True,
                                         timeout=httpx.Timeout(timeout, connect=10.0),
                                         headers={"User-Agent": f"suyuan-desktop/{CLIENT_VERSION}"})
        self.access_token: str | None = None
        self.reauth = None  # callable () -> new access token, set by the engine
        self._session = f"{device_id or 'anon'}-{uuid.uuid4().hex[:8]}"
        self._n = 0

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, path: str, *, auth: bool = True, retry_auth: bool = True, **kw) -> httpx.Response:
        headers = dict(kw.pop("headers", {}) or {})
        self._n += 1
        headers["X-Request-ID"] = f"{self._session}-{self._n}"
        if auth and self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        try:
            resp = self.http.request(method, path, headers=headers, **kw)
        except httpx.TimeoutException:
            raise Offline("连接区中心超时，稍后会自动重试；数据都保存在本机。") from None
        except httpx.TransportError as exc:
            raise Offline(f"无法连接区中心（{type(exc).__name__}），稍后会自动重试；数据都保存在本机。") from None
        if resp.status_code == 401 and auth and retry_auth and self.reauth is not None:
            body = _problem(resp)
            if body.get("error") == "token_expired":
                self.access_token = self.reauth()
                return self.request(method, path, auth=auth, retry_auth=False, headers=headers, **kw)
        if resp.status_code >= 400:
            raise self._error(resp)
        return resp

    def _error(self, resp: httpx.Response) -> SyncError:
        body = _problem(resp)
        msg = body.get("message") or f"区中心返回错误 {resp.status_code}。"
        err, detail = body.get("error"), body.get("detail") or {}
        s = resp.status_code
        if s == 426:
            return UpgradeRequired(msg, status=s, error=err, detail=detail)
        if s == 410:
            return CursorGone(msg, status=s, error=err, detail=detail)
        if s in (401, 403):
            return NotAuthorized(msg, status=s, error=err, detail=detail)
        if s == 409:
            return ProtocolConflict(msg, status=s, error=err, detail=detail)
        if s == 422 and err == "hash_mismatch":
            return HashMismatch(msg, status=s, error=err, detail=detail)
        if s in (429, 502, 503, 504) or s >= 500:
            return ServerBusy(msg if body else "区中心暂时繁忙，稍后会自动重试。", status=s, error=err or "server_busy",
                              retry_after=_retry_after(resp))
        return SyncError(msg, status=s, error=err, detail=detail)

    # --- endpoints -------------------------------------------------------------------------------

    def enroll(self, req: P.EnrollRequest) -> P.EnrollResponse:
        return P.EnrollResponse.model_validate(
            self.request("POST", "/v1/devices/enroll", auth=False, json=req.model_dump()).json())

    def token(self, device_id: str, refresh: str) -> P.TokenResponse:
        return P.TokenResponse.model_validate(self.request(
            "POST", "/v1/auth/token", auth=False, json={"device_id": device_id, "refresh_token": refresh}).json())

    def hello(self, req: P.HelloRequest) -> P.HelloResponse:
        return P.HelloResponse.model_validate(self.request("POST", "/v1/hello", json=req.model_dump()).json())

    def push(self, req: P.PushRequest) -> P.PushResponse:
        return P.PushResponse.model_validate(
            self.request("POST", "/v1/changes", content=req.model_dump_json().encode(),
                         headers={"Content-Type": "application/json"}).json())

    def pull(self, cursor: str | None, limit: int = 500) -> P.PullResponse | None:
        params = {"limit": limit}
        headers = {}
        if cursor:
            params["cursor"] = cursor
            headers["If-None-Match"] = f'"{cursor}"'
        resp = self.request("GET", "/v1/changes", params=params, headers=headers)
        if resp.status_code == 304:
            return None
        return P.PullResponse.model_validate_json(resp.content)

    def start_upload(self, sha256: str, size: int, mime: str) -> P.UploadState:
        return P.UploadState.model_validate(self.request(
            "POST", f"/v1/blobs/{sha256}/uploads", json={"size": size, "mime": mime}).json())

    def upload_offset(self, upload_id: str) -> int:
        return int(self.request("HEAD", f"/v1/uploads/{upload_id}").headers["Upload-Offset"])

    def upload_chunk(self, upload_id: str, offset: int, chunk: bytes) -> P.UploadState:
        return P.UploadState.model_validate(self.request(
            "PATCH", f"/v1/uploads/{upload_id}", content=chunk,
            headers={"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}).json())

    def download_blob(self, sha256: str) -> bytes:
        return self.request("GET", f"/v1/blobs/{sha256}").content

    def reference(self, dataset: str, etag: str | None) -> tuple[str, object] | None:
        headers = {"If-None-Match": f'"{etag}"'} if etag else {}
        resp = self.request("GET", f"/v1/reference/{dataset}", headers=headers)
        if resp.status_code == 304:
            return None
        return resp.headers["ETag"].strip('"'), resp.json()["data"]

    def conflicts(self) -> list[P.ConflictOut]:
        return [P.ConflictOut.model_validate(c) for c in self.request("GET", "/v1/conflicts").json()]

    def resolve(self, conflict_id: int, req: P.ResolveRequest) -> int:
        return self.request("POST", f"/v1/conflicts/{conflict_id}/resolve", json=req.model_dump()).json()["version"]


def _problem(resp: httpx.Response) -> dict:
    try:
        body = resp.json()
        return body if isinstance(body, dict) else {}
    except ValueError:
        return {}
