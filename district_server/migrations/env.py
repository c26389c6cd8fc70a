"""Alembic environment of the district database: run programmatically on the service's engine."""
from alembic import context

from district_server.db import metadata

config = context.config
context.configure(connection=config.attributes["connection"], target_metadata=metadata, compare_type=True,
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
