""" "Top rated" by a Bayesian average: a lone 5-star rating no longer outranks many high ratings, the score is
kept by the rating write and the seed, and housekeeping moves the prior to the catalog's mean."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from lms_desktop.contract import CoursePage, RatingUpdate
from lms_desktop.server.db import rating_score
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import authoring, catalog, learner, users
from lms_desktop.server.housekeeping import refresh_rating_prior
from tests.server.db_support import engine_params, scratch_database, seeded_database


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


@pytest.fixture(params=engine_params())
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return seeded_database(request.param, request, tmp_path_factory)


def _top_rated(db: Database, limit: int = 20) -> CoursePage:
    catalog.clear_caches()
    with db.read() as conn:
        return catalog.list_courses(
            conn, db.dialect, q=None, difficulty=None, max_hours=None, sort="rating", page=1, limit=limit,
            cursor=None,
        )  # fmt: skip


def _rate(db: Database, course_id: int, ratings: list[int], learners: list[int]) -> None:
    with db.write() as conn:
        for uid, value in zip(learners, ratings, strict=False):
            learner.put_rating(conn, uid, course_id, RatingUpdate(rating=value))


def _stored(db: Database) -> dict[int, tuple[int, int, float]]:
    with db.read() as conn:
        rows = conn.execute(sa.text("SELECT id, rating_sum, rating_count, rating_score FROM courses"))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_many_high_ratings_outrank_a_single_five(db: Database) -> None:
    with db.write() as conn:
        learners = [users.create_user(conn, f"rater{i}", "pw").id for i in range(8)]
        lone, many, unrated, poor = (
            authoring.create_course(conn, title=t, description="d") for t in ("Lone", "Many", "None", "Poor")
        )
    _rate(db, lone, [5], learners)
    _rate(db, many, [5, 5, 5, 5, 5, 5, 4, 4], learners)  # 4.75 from eight
    _rate(db, poor, [2, 3], learners)
    order = [c.id for c in _top_rated(db).items]
    assert order == [many, lone, poor, unrated]
    scores = _stored(db)
    prior = rating_score.DEFAULT_PRIOR  # no prior stored yet: the middle of the scale
    for total, count, score in scores.values():
        assert score == pytest.approx(rating_score.score(total, count, prior))
    assert scores[unrated][2] == 0.0
    # a changed rating rescores its course in the same transaction
    _rate(db, lone, [1], learners)
    assert [c.id for c in _top_rated(db).items] == [many, poor, lone, unrated]


def test_housekeeping_moves_the_prior_to_the_catalogs_mean(db: Database) -> None:
    with db.write() as conn:
        learners = [users.create_user(conn, f"r{i}", "pw").id for i in range(4)]
        a, b = (authoring.create_course(conn, title=t, description="d") for t in ("A", "B"))
    _rate(db, a, [5, 5, 5, 5], learners)
    _rate(db, b, [4], learners)
    assert refresh_rating_prior(db) is True
    with db.read() as conn:
        prior = rating_score.read_prior(conn)
    assert prior == pytest.approx(24 / 5)
    for total, count, score in _stored(db).values():
        assert score == pytest.approx(rating_score.score(total, count, prior))
    assert refresh_rating_prior(db) is False  # nothing moved: no rescoring


def test_seeded_scores_follow_the_formula_and_top_rated_has_votes(seeded: Database) -> None:
    with seeded.read() as conn:
        prior = rating_score.read_prior(conn)
        assert prior == pytest.approx(rating_score.catalog_mean(conn))
    stored = _stored(seeded)
    for total, count, score in stored.values():
        assert score == rating_score.score(total, count, prior)
    top = _top_rated(seeded, limit=10).items
    counts = sorted((c for _s, c, _x in stored.values()), reverse=True)
    # the head of "Top rated" is not a list of single ratings: it holds courses with many of them
    assert max(c.rating_count for c in top) >= counts[len(counts) // 10]
    assert all(c.rating_count > 1 for c in top[:3])
