"""The district server's edge: bounded integers, one error format, no public API docs in production,
slow ticket guessing, and no plain HTTP on a network address."""
from __future__ import annotations

import base64
import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from district_server.app import AttemptLimiter, create_app
from district_server.service import DistrictService
from suyuan_desktop.core.sync import protocol as P


@pytest.fixture
def svc(tmp_path):
    s = DistrictService(f"sqlite:///{tmp_path / 'district.db'}", tmp_path / "blobs")
    s.create_schema()
    s.add_station("410703001", "平原镇调委会")
    yield s
    s.dispose()


@pytest.fixture
def device_client(svc):
    enrolled = svc.enroll(P.EnrollRequest(ticket=svc.issue_ticket("410703001"), device_name="t", client_version="t"))
    token = svc.token(P.TokenRequest(device_id=enrolled.device_id, refresh_token=enrolled.refresh_token)).access_token
    with TestClient(create_app(svc), raise_server_exceptions=False) as c:
        c.headers["Authorization"] = f"Bearer {token}"
        yield c


def problem(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) >= {"error", "message"} and any("\u4e00" <= ch <= "\u9fff" for ch in body["message"]), body
    return body


def test_huge_integers_are_refused_at_the_edge_not_500(device_client):
    cursor = base64.urlsafe_b64encode(json.dumps({"v": 1, "e": 1, "s": "410703001", "q": 2 ** 63}).encode()).decode()
    assert problem(device_client.get("/v1/changes", params={"cursor": cursor}), 400)["error"] == "cursor_invalid"
    problem(device_client.post("/v1/conflicts/18446744073709551616/resolve", json={"choice": "server"}), 422)
    hello = {"client_version": "t", "protocol_min": 1, "protocol_max": 2 ** 70}
    problem(device_client.post("/v1/hello", json=hello), 422)
    change = {"device_seq": 2 ** 64, "change_id": "0" * 36, "entity_type": "cases", "entity_id": "x", "op": "update",
              "base_version": 0, "patch": {}, "schema_version": 1, "payload_hash": "0" * 64}
    problem(device_client.post("/v1/changes", json={"replica_epoch": 1, "changes": [change]}), 422)


def test_an_unparsable_body_gets_the_projects_error_format(device_client):
    r = device_client.post("/v1/changes", content=b'{"replica_epoch": 1, "changes": [', headers={"Content-Type": "application/json"})
    body = problem(r, 422)
    assert "detail" in body and body["error"] == "invalid_request"
    r = device_client.post("/v1/hello", content=b'\xff\xfe{', headers={"Content-Type": "application/json"})
    assert problem(r, 400)["error"] == "http_400"  # FastAPI's own "There was an error parsing the body"
    assert problem(device_client.get("/no/such/path"), 404)["error"] == "http_404"


def test_api_documents_are_served_only_when_asked_for(svc):
    with TestClient(create_app(svc)) as c:
        for path in ("/openapi.json", "/docs", "/redoc"):
            problem(c.get(path), 404)
    with TestClient(create_app(svc, api_docs=True)) as c:
        doc = c.get("/openapi.json").json()
        assert c.get("/docs").status_code == 200
    push = doc["paths"]["/v1/changes"]["post"]["responses"]
    assert {"401", "409", "413", "422", "426"} <= set(push)
    assert push["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Problem")


def test_guessing_enrolment_tickets_is_slowed_per_address_and_logged(svc, caplog):
    with TestClient(create_app(svc)) as c:
        bad = {"ticket": "WRONG-TICKET-1", "device_name": "x", "client_version": "t"}
        for _ in range(10):
            assert c.post("/v1/devices/enroll", json=bad).status_code == 403
        r = c.post("/v1/devices/enroll", json=bad)
        body = problem(r, 429)
        assert int(r.headers["Retry-After"]) > 0 and "分钟后再试" in body["message"]
        good = {"ticket": svc.issue_ticket("410703001"), "device_name": "x", "client_version": "t"}
        assert c.post("/v1/devices/enroll", json=good).status_code == 429  # the address waits, whatever it sends
    assert sum("failed enrolment attempt" in m for m in caplog.messages) == 10


def test_the_limiter_forgets_failures_after_its_window():
    now = [1000.0]
    limiter = AttemptLimiter(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        limiter.failed("10.0.0.9")
    assert limiter.retry_after("10.0.0.9") > 0 and limiter.retry_after("10.0.0.8") == 0
    now[0] += 61
    assert limiter.retry_after("10.0.0.9") == 0


@pytest.mark.parametrize("bind", ["0.0.0.0:18600", "192.0.2.10:18600", "[::]:18600"])
def test_the_server_refuses_plain_http_on_a_network_address(tmp_path, bind):
    r = subprocess.run([sys.executable, "-m", "district_server.cli", "run", "--bind", bind, "--data-dir", str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "需要 HTTPS" in r.stderr and "--insecure-http-behind-tls-proxy" in r.stderr
