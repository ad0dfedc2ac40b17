"""Storage for the bundled server: SQLAlchemy Core schema, engines, migrations and the query modules.

The HTTP layer calls the functions in `queries/` with a connection from `Database.read()` or
`Database.write()`; nothing here commits on its own, so one request is one transaction.
"""
