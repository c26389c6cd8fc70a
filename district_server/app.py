"""The district's HTTP API (FastAPI). OpenAPI at /openapi.json; the flow is in docs/protocol.md.

Handlers are plain ``def``: FastAPI runs them in its thread pool, and each does short database
transactions through DistrictService. Every error is a JSON Problem {error, message, detail}
with a Chinese message the station shows as is.
"""
from __future__ import annotations

import logging

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field

from suyuan_desktop.core.sync import protocol as P

from .service import ApiError, Device, DistrictService

log = logging.getLogger(__name__)


class UploadStart(BaseModel):
    size: int = Field(gt=0)
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


async def _problem(send, status: int, code: str, message: str) -> None:
    body = P.Problem(error=code, message=message).model_dump_json().encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def create_app(service: DistrictService) -> FastAPI:
    app = FastAPI(title="诉源治理 区中心同步服务", version="1", summary="Station <-> district sync protocol v1 (see docs/protocol.md)")
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.state.service = service

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse(status_code=exc.status, headers=exc.headers,
                            content=P.Problem(error=exc.code, message=exc.message, detail=exc.detail).model_dump())

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

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return {"ok": True}

    @app.post("/v1/devices/enroll", response_model=P.EnrollResponse)
    def enroll(req: P.EnrollRequest):
        return service.enroll(req)

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
        return Response(status_code=200 if ok else 404)

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
    async def upload_chunk(upload_id: str, request: Request, upload_offset: int = Header(ge=0),
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
    def resolve(conflict_id: int, req: P.ResolveRequest, dev: Device = Depends(device)):
        version = service.resolve_conflict(conflict_id, req, by=f"device:{dev.id}", station_code=dev.station_code)
        return {"version": version}

    app.add_middleware(BodyLimit, json_limit=P.MAX_BODY, chunk_limit=P.CHUNK)
    return app
