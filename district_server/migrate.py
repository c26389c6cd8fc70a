"""District schema migrations (Alembic), run by ``suyuan-server run`` and ``init`` at start."""
from __future__ import annotations

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def config(connection=None):
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine, revision: str = "head") -> None:
    from alembic import command
    with engine.begin() as conn:
        command.upgrade(config(conn), revision)
