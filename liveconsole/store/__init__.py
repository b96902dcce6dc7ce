"""Persistence: SQLAlchemy models, repositories, the event log and Alembic migrations."""
