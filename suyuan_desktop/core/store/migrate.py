"""Schema migrations with Alembic, run at start after a backup copy of the database."""
from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .engine import Store

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store, revision: str = "head", *, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to ``revision``. If the database already holds a schema that is behind,
    copy the (still encrypted) file to ``backup_dir`` first. Returns the backup path, if any."""
    current = current_revision(store)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None and backup_dir is not None:
        store.checkpoint()
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_dir / f"pre-migrate-{current}-{stamp}.db"
        shutil.copy2(store.path, backup)
        log.info("migration backup written before %s -> %s", current, target)
    with store.engine.begin() as conn:
        command.upgrade(_config(conn), revision)
    log.info("schema migrated %s -> %s", current, target)
    return backup
