"""The "Top rated" order: a Bayesian (weighted) average, stored on the course so the listing walks an index.

    score = (prior_mean * PRIOR_WEIGHT + rating_sum) / (PRIOR_WEIGHT + rating_count)

A course with few ratings is pulled toward the mean rating of the whole catalog, so a single 5-star rating
does not outrank forty ratings averaging 4.8. A course nobody rated scores 0 and lists last.

The prior mean lives in `rating_prior` (one row). The seed sets it; housekeeping recomputes it and rescores
every course when it has moved by more than RESCORE_DRIFT; between those, each rating write scores its own
course against the stored prior inside its own transaction (`score_sql`).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.server.db.schema import courses, rating_prior

PRIOR_WEIGHT = 10  # as many ratings as a course needs before its own average counts as much as the prior
DEFAULT_PRIOR = 3.0  # the middle of 1..5, until there are ratings to average
RESCORE_DRIFT = 0.01


def score(rating_sum: int, rating_count: int, prior: float) -> float:
    """The stored score, computed in Python (the seed): the same arithmetic as `score_sql`."""
    if rating_count <= 0:
        return 0.0
    return (prior * PRIOR_WEIGHT + rating_sum) / (PRIOR_WEIGHT + rating_count)


def _prior_sql() -> sa.ColumnElement[float]:
    stored = sa.select(rating_prior.c.mean).where(rating_prior.c.id == 1).scalar_subquery()
    return sa.func.coalesce(stored, DEFAULT_PRIOR)


def score_sql(
    rating_sum: sa.ColumnElement[int], rating_count: sa.ColumnElement[int], prior: object = None
) -> sa.ColumnElement[float]:
    """The score as SQL, for an UPDATE of `courses` (prior: a value, or the stored one)."""
    mean = _prior_sql() if prior is None else sa.literal(prior, sa.Float)
    return sa.case(
        (rating_count > 0, (mean * PRIOR_WEIGHT + rating_sum) / (PRIOR_WEIGHT + rating_count)),
        else_=sa.literal(0.0, sa.Float),
    )


def read_prior(conn: Connection) -> float:
    value = conn.execute(sa.select(rating_prior.c.mean).where(rating_prior.c.id == 1)).scalar()
    return DEFAULT_PRIOR if value is None else float(value)


def write_prior(conn: Connection, mean: float) -> None:
    updated = conn.execute(sa.update(rating_prior).where(rating_prior.c.id == 1).values(mean=mean)).rowcount
    if not updated:
        conn.execute(sa.insert(rating_prior).values(id=1, mean=mean))


def catalog_mean(conn: Connection) -> float:
    """The mean of every rating in the catalog (DEFAULT_PRIOR while there is none)."""
    total, count = conn.execute(
        sa.select(sa.func.sum(courses.c.rating_sum), sa.func.sum(courses.c.rating_count))
    ).one()
    return float(total) / int(count) if count else DEFAULT_PRIOR


def refresh(conn: Connection) -> bool:
    """Recompute the prior; when it moved, store it and rescore every rated course. Whether it moved."""
    mean = catalog_mean(conn)
    if abs(mean - read_prior(conn)) < RESCORE_DRIFT:
        return False
    write_prior(conn, mean)
    conn.execute(
        sa.update(courses)
        .where(courses.c.rating_count > 0)
        .values(rating_score=score_sql(courses.c.rating_sum, courses.c.rating_count, mean))
    )
    return True
