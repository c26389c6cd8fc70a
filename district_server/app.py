"""The district's HTTP API (FastAPI). OpenAPI at /openapi.json; the flow is in docs/protocol.md.

Handlers are plain ``def``: FastAPI runs them in its thread pool, and each does short database
transactions through DistrictService. Every error is a JSON Problem {error, message, detail}
with a Chinese message the station shows as is.
"""
from __future__ import annotations

import collections
import logging
import threading
import time

from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from suyuan_desktop.core.sync import protocol as P

from .service import ApiError, Device, DistrictService

log = logging.getLogger(__name__)


class UploadStart(BaseModel):
    size: int = Field(gt=0, le=P.MAX_INT)  # over MAX_BLOB: the service answers 413 with the limit
    mime: str = Field(default="application/octet-stream", max_length=100)


class BodyLimit:
    """Refuse a body over the limit before reading it (413), and a body of unknown length (411):
    a station always sends Content-Length, so nothing streams in unbounded."""

    def __init__(self, app, json_limit: int, chunk_limit: int):
        self.app, self.json_limit, self.chunk_limit = app, json_limit, chunk_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PATCH", "PUT"):
            return await self.app(scope, receive, send)
        limit = self.chunk_limit + 4096 if scope["method"] == "PATCH" else self.json_limit
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is None:
            if headers.get(b"transfer-encoding"):
                return await _problem(send, 411, "length_required", "请求须注明长度（Content-Length）。")
            return await self.app(scope, receive, send)
        try:
            n = int(length)
        except ValueError:
            return await _problem(send, 400, "bad_length", "请求长度格式错误。")
        if n > limit:
            return await _problem(send, 413, "body_too_large", f"请求过大（上限 {limit // 1024} KB），请分批发送。")
        return await self.app(scope, receive, send)


class AttemptLimiter:
    """Failed attempts per client address in a sliding window: past ``limit`` the address waits.
    Enrolment tickets are 100-bit, so this is not what keeps them safe; it keeps guessing slow and
    visible in the log."""

    def __init__(self, limit: int = 10, window: float = 600.0, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.failures: dict[str, collections.deque] = {}
        self.lock = threading.Lock()

    def retry_after(self, address: str) -> int:
        """Seconds the address must wait (0: it may try)."""
        with self.lock:
            q = self.failures.get(address)
            if not q:
                return 0
            now = self.clock()
            while q and q[0] <= now - self.window:
                q.popleft()
            return int(q[0] + self.window - now) + 1 if len(q) >= self.limit else 0

    def failed(self, address: str) -> int:
        with self.lock:
            q = self.failures.setdefault(address, collections.deque())
            q.append(self.clock())
            if len(self.failures) > 10000:  # forget the oldest addresses rather than grow without bound
                self.failures.pop(next(iter(self.failures)))
            return len(q)


async def _problem(send, status: int, code: str, message: str) -> None:
    body = P.Problem(error=code, message=message).model_dump_json().encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


_PROBLEM = {"model": P.Problem}
# Every status a handler or the edge can answer with, documented with the one error body.
ERROR_RESPONSES = {
    400: {**_PROBLEM, "description": "请求无法解析或数值越界"},
    401: {**_PROBLEM, "description": "未登录、令牌无效或设备已撤销"},
    403: {**_PROBLEM, "description": "注册码无效、已使用或已过期"},
    404: {**_PROBLEM, "description": "没有这个记录，或本站无权查看"},
    409: {**_PROBLEM, "description": "序号、副本或附件状态冲突（detail 说明如何继续）"},
    411: {**_PROBLEM, "description": "缺少 Content-Length"},
    413: {**_PROBLEM, "description": "请求过大"},
    422: {**_PROBLEM, "description": "字段不符合格式（detail.fields 列出字段）"},
    426: {**_PROBLEM, "description": "客户端协议版本过旧，须升级"},
    429: {**_PROBLEM, "description": "尝试过于频繁，请稍后再试"},
    500: {**_PROBLEM, "description": "区中心内部错误"},
}
_MESSAGES = {400: "请求无法解析，请升级客户端或联系技术支持。", 404: "没有这个地址。", 405: "不支持这种请求方法。"}


def create_app(service: DistrictService, *, api_docs: bool = False) -> FastAPI:
    """The sync API. ``api_docs`` serves /openapi.json, /docs and /redoc (off in production)."""
    app = FastAPI(title="诉源治理 区中心同步服务", version="1", summary="Station <-> district sync protocol v1 (see docs/protocol.md)",
                  responses=ERROR_RESPONSES, openapi_url="/openapi.json" if api_docs else None,
                  docs_url="/docs" if api_docs else None, redoc_url="/redoc" if api_docs else None)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.state.service = service

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse(status_code=exc.status, headers=exc.headers,
                            content=P.Problem(error=exc.code, message=exc.message, detail=exc.detail).model_dump())

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse(status_code=exc.status_code, headers=getattr(exc, "headers", None), content=P.Problem(
            error=f"http_{exc.status_code}", message=_MESSAGES.get(exc.status_code, "请求无法处理。")).model_dump())

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse(status_code=500, content=P.Problem(
            error="internal_error", message="区中心内部错误，已记录；请稍后重试或联系区中心。").model_dump())

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        fields = []
        for e in exc.errors()[:20]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            fields.append({"field": loc, "problem": e.get("msg", "")})
        names = "、".join(f["field"] for f in fields[:5]) or "请求"
        return JSONResponse(status_code=422, content=P.Problem(
            error="invalid_request", message=f"请求格式不正确：{names}。请升级客户端或联系技术支持。",
            detail={"fields": fields}).model_dump())

    def device(authorization: str | None = Header(default=None)) -> Device:
        token = authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None
        return service.authenticate(token)

    from .console.web import mount
    mount(app, service)   # the console's pages for people, under /console (docs/console.md)

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return {"ok": True}

    enrol_attempts = app.state.enrol_attempts = AttemptLimiter()

    @app.post("/v1/devices/enroll", response_model=P.EnrollResponse)
    def enroll(req: P.EnrollRequest, request: Request):
        address = request.client.host if request.client else "unknown"
        wait = enrol_attempts.retry_after(address)
        if wait:
            log.warning("enrolment attempt from %s refused: too many failures", address)
            raise ApiError(429, "too_many_attempts", f"注册码错误次数过多，请 {wait // 60 + 1} 分钟后再试。",
                           {"retry_after": wait}, headers={"Retry-After": str(wait)})
        try:
            return service.enroll(req)
        except ApiError as exc:
            if exc.code == "ticket_invalid":
                n = enrol_attempts.failed(address)
                log.warning("failed enrolment attempt %d from %s", n, address)
            raise

    @app.post("/v1/auth/token", response_model=P.TokenResponse)
    def token(req: P.TokenRequest):
        return service.token(req)

    @app.post("/v1/hello", response_model=P.HelloResponse, response_model_exclude_none=True)
    def hello(req: P.HelloRequest, dev: Device = Depends(device)):
        return service.hello(dev, req)

    @app.post("/v1/changes", response_model=P.PushResponse)
    def push(req: P.PushRequest, dev: Device = Depends(device)):
        return service.push(dev, req)

    @app.get("/v1/changes", response_model=P.PullResponse, responses={304: {"description": "nothing new"}})
    def pull(cursor: str | None = Query(default=None, max_length=400),
             limit: int = Query(default=P.PULL_LIMIT, ge=1, le=P.PULL_LIMIT),
             if_none_match: str | None = Header(default=None), dev: Device = Depends(device)):
        body, etag = service.pull(dev, cursor, limit, if_none_match)
        if body is None:
            return Response(status_code=304, headers={"ETag": f'"{etag}"'})
        return Response(content=body.encode(), media_type="application/json", headers={"ETag": f'"{etag}"'})

    @app.head("/v1/blobs/{sha256}")
    def blob_head(sha256: str, dev: Device = Depends(device)):
        ok = service.has_blob(sha256) and service.can_read_blob(dev, sha256)
        return Response(status_code=200 if ok else 404, media_type=None if ok else "application/json")

    @app.get("/v1/blobs/{sha256}")
    def blob_get(sha256: str, dev: Device = Depends(device)):
        if not (service.has_blob(sha256) and service.can_read_blob(dev, sha256)):
            raise ApiError(404, "unknown_blob", "区中心没有这个附件，或本站无权查看。")
        return FileResponse(service.blob_path(sha256), media_type="application/octet-stream",
                            headers={"Cache-Control": "private, max-age=31536000, immutable"})

    @app.post("/v1/blobs/{sha256}/uploads", response_model=P.UploadState)
    def upload_start(sha256: str, body: UploadStart, dev: Device = Depends(device)):
        return service.start_upload(dev, sha256, body.size, body.mime)

    @app.head("/v1/uploads/{upload_id}")
    def upload_head(upload_id: str, dev: Device = Depends(device)):
        st = service.upload_state(dev, upload_id)
        return Response(status_code=200, headers={"Upload-Offset": str(st.offset), "Upload-Length": str(st.size)})

    @app.patch("/v1/uploads/{upload_id}", response_model=P.UploadState)
    async def upload_chunk(upload_id: str, request: Request, upload_offset: int = Header(ge=0, le=P.MAX_BLOB),
                           dev: Device = Depends(device)):
        chunk = await request.body()
        if len(chunk) > P.CHUNK:
            raise ApiError(413, "chunk_too_large", f"每块不能超过 {P.CHUNK // 1024 // 1024} MB。")
        from starlette.concurrency import run_in_threadpool
        return await run_in_threadpool(service.upload_chunk, dev, upload_id, upload_offset, chunk)

    @app.get("/v1/reference/{dataset}")
    def reference(dataset: str, if_none_match: str | None = Header(default=None), dev: Device = Depends(device)):
        row = service.get_reference(dataset)
        etag = f'"{row.etag}"'
        if if_none_match == etag:
            return Response(status_code=304, headers={"ETag": etag})
        return JSONResponse({"dataset": dataset, "version": row.version, "data": row.data}, headers={"ETag": etag})

    @app.get("/v1/conflicts", response_model=list[P.ConflictOut])
    def list_conflicts(status: str | None = Query(default="open", pattern="^(open|resolved)$"),
                       dev: Device = Depends(device)):
        return service.list_conflicts(dev.station_code, status)

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve(req: P.ResolveRequest, conflict_id: int = Path(ge=1, le=P.MAX_INT), dev: Device = Depends(device)):
        version = service.resolve_conflict(conflict_id, req, by=f"device:{dev.id}", station_code=dev.station_code)
        return {"version": version}

    app.add_middleware(BodyLimit, json_limit=P.MAX_BODY, chunk_limit=P.CHUNK)
    return app
