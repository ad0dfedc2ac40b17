"""Alembic migrations shipped inside the package (script_location is set in code by migrate.py)."""
