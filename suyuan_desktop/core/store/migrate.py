"""Schema migrations with Alembic, run at start after a backup copy of the database."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from ..domain import clock
from .engine import Store

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision. Checked against Alembic's own head by a test; lets a start-up with a
# current schema skip importing Alembic (~0.4 s) altogether.
HEAD_REVISION = "0015"


def _config(connection=None):
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(store: Store, revision: str = "head", *, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to ``revision``. If the database already holds a schema that is behind,
    copy the (still encrypted) file to ``backup_dir`` first. Returns the backup path, if any."""
    current = current_revision(store)
    if current == (HEAD_REVISION if revision == "head" else revision):
        return None
    from alembic import command
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None and backup_dir is not None:
        store.checkpoint()
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = clock.system().now().strftime("%Y%m%d-%H%M%S")
        backup = backup_dir / f"pre-migrate-{current}-{stamp}.db"
        shutil.copy2(store.path, backup)
        log.info("migration backup written before %s -> %s", current, target)
    with store.engine.begin() as conn:
        command.upgrade(_config(conn), revision)
    log.info("schema migrated %s -> %s", current, target)
    return backup
