"""The district schema built by its Alembic migrations is exactly the one the server code uses."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from district_server.db import metadata


def test_migrations_build_the_schema_the_server_uses(tmp_path):
    from district_server.service import DistrictService
    svc = DistrictService(f"sqlite:///{tmp_path / 'd.db'}", tmp_path / "blobs")
    svc.create_schema()
    try:
        with svc.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
    finally:
        svc.dispose()


def test_upgrading_a_district_fills_the_kept_case_facts_from_the_cases_it_holds(tmp_path):
    import datetime as dt

    from sqlalchemy import insert, select

    from district_server import db
    from district_server.migrate import upgrade
    from district_server.service import DistrictService
    svc = DistrictService(f"sqlite:///{tmp_path / 'd.db'}", tmp_path / "blobs")
    try:
        upgrade(svc.engine, "0001")                      # a district from before the statistics
        now = dt.datetime(2026, 11, 1)
        case = {"station_code": "S1", "case_number": "（2026）平原人调字第1号", "dispute_type": "02",
                "source": "application", "status": "agreed", "received_date": "2026-10-05", "closed_date": "2026-10-20"}
        agreement = {"case_id": "c1", "kind": "written", "state": "effective", "total_amount": "1200.50",
                     "effective_date": "2026-10-20"}
        with svc.engine.begin() as conn:
            for etype, eid, state in (("cases", "c1", case), ("agreements", "a1", agreement)):
                conn.execute(insert(db.entities).values(entity_type=etype, entity_id=eid, case_id="c1", scope="S1",
                                                        version=1, state=state, deleted=False, flags=[],
                                                        created_at=now, updated_at=now))
        svc.create_schema()
        with svc.engine.connect() as conn:
            row = conn.execute(select(db.case_facts)).one()
        assert (row.case_id, row.station_code, row.outcome, row.amount, row.received_date) == \
            ("c1", "S1", "success_written", "1200.50", dt.date(2026, 10, 5))
    finally:
        svc.dispose()
