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


def upgrade(store: Store, revision: str = "head", *, backup_dir: Path | None = None,
            on_start=None) -> Path | None:
    """Bring the schema to ``revision``. If the database already holds a schema that is behind,
    copy the (still encrypted) file to ``backup_dir`` first. Returns the backup path, if any.
    ``on_start(current, target)`` is called before a station's data is migrated (not for a new
    database): a migration may take a minute on a large station, and whoever waits should know."""
    current = current_revision(store)
    if current == (HEAD_REVISION if revision == "head" else revision):
        return None
    from alembic import command
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None and on_start is not None:
        on_start(current, target)
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
    _give_back_space(store)
    return backup


FREE_SHARE_TO_VACUUM = 0.25


def _give_back_space(store: Store) -> None:
    """A migration that rebuilds tables leaves the old pages free inside the file; when they are
    more than a quarter of it, VACUUM gives them back to the disk (once, at this start: about 4 s
    for 20,000 cases)."""
    with store.engine.connect() as conn:
        free = conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
        total = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0
    if not total or free / total <= FREE_SHARE_TO_VACUUM:
        return
    raw = store.engine.raw_connection()   # outside a transaction, as VACUUM must be
    try:
        raw.driver_connection.execute("VACUUM")
    finally:
        raw.close()
    store.checkpoint()
    log.info("database compacted after migration: %d of %d pages were free", free, total)
