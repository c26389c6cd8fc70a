"""Persistence: SQLAlchemy 2 models on SQLCipher, Alembic migrations, outbox, audit log, backups."""
