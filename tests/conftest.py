"""Fixtures shared by the whole suite.

Every test gets its own user directories (data, keyring, config) under a temp dir, like
qutebrowser's fixtures, so nothing touches the real profile and tests cannot see each other's
keys. The keyring backend is keyrings.alt's file keyring, chosen explicitly.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The station clock of every test (and, through SUYUAN_CLOCK, of every process a test starts).
# The computer's own clock may read anything: CI also runs the suite with it moved years ahead
# and into the past (tests/run.py), which fails if any code reads it instead of the station clock.
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    home = tmp_path / "home"
    for sub in ("data", "config", "cache"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.delenv("SUYUAN_DATA_DIR", raising=False)
    monkeypatch.setenv("SUYUAN_CLOCK", TODAY.isoformat())
    import keyring.core
    keyring.core._keyring_backend = None  # re-read the backend for this test's environment
    yield home
    keyring.core._keyring_backend = None


@pytest.fixture
def station_factory(tmp_path):
    from suyuan_desktop.core.domain.clock import Clock
    from suyuan_desktop.core.services.station import StationApp, StationSetup

    made = []

    def make(name="st", *, code="410703001", short="平原", township="平原镇", today=TODAY):
        app = StationApp.create(tmp_path / name, StationSetup(code=code, name=f"{township}矛盾纠纷调处中心",
                                                               township=township, short_name=short),
                                admin_username="admin", admin_display_name="王建国", admin_password="admin-pass-1")
        app.set_clock(Clock(today))
        made.append(app)
        return app

    yield make
    for app in made:
        app.close()


@pytest.fixture
def station(station_factory):
    return station_factory()


@pytest.fixture
def admin(station):
    from suyuan_desktop.core.services.users import actor_for
    return actor_for(station.users.authenticate("admin", "admin-pass-1"))
