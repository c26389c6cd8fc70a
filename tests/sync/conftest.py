"""Fixtures for the sync tests: a district server (SQLite or a real PostgreSQL), stations
enrolled with it, and the fault proxy."""
from __future__ import annotations

import uuid

import pytest

from tests.sync.harness import FaultProxy, PgCluster, ServerThread

@pytest.fixture(scope="session")
def pg_cluster():
    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


def _make_service(kind, tmp_path, request):
    from district_server.service import DistrictService
    if kind == "postgres":
        cluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_db(f"d_{uuid.uuid4().hex[:12]}")
    else:
        url = f"sqlite:///{tmp_path / 'district.db'}"
    svc = DistrictService(url, tmp_path / "district-blobs")
    svc.create_schema()
    return svc


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def district(request, tmp_path):
    """The district service on both databases."""
    svc = _make_service(request.param, tmp_path, request)
    yield svc
    svc.dispose()


@pytest.fixture
def pg_district(request, tmp_path):
    svc = _make_service("postgres", tmp_path, request)
    yield svc
    svc.dispose()


@pytest.fixture
def server(district):
    srv = ServerThread(district).start()
    yield srv
    srv.stop()


@pytest.fixture
def proxy(server):
    p = FaultProxy(server.url).start()
    yield p
    p.stop()


class Stations:
    """Makes stations registered at the district and enrolled through a given URL."""

    def __init__(self, factory, district, url):
        self.factory, self.district, self.url = factory, district, url
        self.n = 0

    def make(self, code: str = "S1", *, url: str | None = None, enroll: bool = True):
        self.n += 1
        if code not in {s["code"] for s in self.district.list_stations()}:
            self.district.add_station(code, f"{code}调委会")
        app = self.factory(f"{code}-{self.n}", code=code, short=f"站{self.n}")
        if enroll:
            app.sync.enroll(url or self.url, self.district.issue_ticket(code))
        return app


@pytest.fixture
def stations(station_factory, district, server):
    return Stations(station_factory, district, server.url)


@pytest.fixture
def proxied_stations(station_factory, district, proxy):
    return Stations(station_factory, district, proxy.url)


@pytest.fixture(autouse=True)
def _no_fault_env(monkeypatch):
    monkeypatch.delenv("SUYUAN_SYNC_FAULT", raising=False)
    yield
