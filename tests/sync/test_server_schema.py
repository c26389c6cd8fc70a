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
