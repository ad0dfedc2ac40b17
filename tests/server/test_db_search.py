"""Full-text search on both engines: triggers keep the index in sync, and no user text can break it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lms_desktop.contract import MAX_QUERY_CHARS, CoursePage
from lms_desktop.server.db import search
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import authoring, catalog
from tests.server.db_support import engine_params, scratch_database, seeded_database


def _search(db: Database, q: str, **kw: object) -> CoursePage:
    with db.read() as conn:
        return catalog.list_courses(
            conn,
            db.dialect,
            q=q,
            difficulty=None,
            max_hours=None,
            sort=kw.pop("sort", "relevance"),  # type: ignore[arg-type]
            page=1,
            limit=20,
            cursor=None,
        )


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


def _ids(page: CoursePage) -> set[int]:
    return {c.id for c in page.items}


def test_triggers_keep_search_in_sync(db: Database) -> None:
    with db.write() as conn:
        cid = authoring.create_course(
            conn, title="Quantum Knitting Basics", description="Purl stitches for qubits"
        )
        other = authoring.create_course(conn, title="Gardening", description="Tomatoes and basil")
    assert _ids(_search(db, "knitting")) == {cid}
    assert _ids(_search(db, "qubits")) == {cid}  # description is indexed too
    with db.write() as conn:
        authoring.update_course(conn, cid, title="Quantum Crochet Basics")
    assert (
        _ids(_search(db, "knitting")) == set()
    )  # the old words left the index ('delete' got the old values)
    assert _ids(_search(db, "crochet")) == {cid}
    with db.write() as conn:
        authoring.update_course(conn, other, estimated_hours=3.0)  # not a text change: index untouched
    assert _ids(_search(db, "tomatoes")) == {other}
    with db.write() as conn:
        authoring.delete_course(conn, cid)  # soft delete: still indexed, but invisible
    assert _ids(_search(db, "crochet")) == set()
    with db.write() as conn:
        authoring.purge_course(conn, other)  # hard delete: the delete trigger removes it
    assert _ids(_search(db, "tomatoes")) == set()
    if db.dialect == "sqlite":
        with db.read() as conn:  # the external-content index is consistent with its table
            conn.exec_driver_sql("INSERT INTO courses_fts(courses_fts, rank) VALUES ('integrity-check', 1)")


def test_prefix_and_ranking(db: Database) -> None:
    with db.write() as conn:
        in_title = authoring.create_course(conn, title="Python Generators", description="Lazy sequences")
        in_desc = authoring.create_course(
            conn, title="Data Pipelines", description="Built with python generators"
        )
        authoring.create_course(conn, title="Gardening", description="Tomatoes")
    assert _ids(_search(db, "pyth")) == {in_title, in_desc}  # type-ahead: prefix on the last word
    assert _ids(_search(db, "pyth ")) == set()  # a finished word is matched whole
    assert _ids(_search(db, "generators pyth")) == {in_title, in_desc}
    # a one-letter word being typed after others waits until it grows (its prefix matches almost all)
    assert _ids(_search(db, "generators p")) == {in_title, in_desc}
    assert _ids(_search(db, "generators py")) == {in_title, in_desc}
    assert _ids(_search(db, "generators x ")) == set()  # a finished one-letter word is matched whole
    ranked = [c.id for c in _search(db, "python generators").items]
    assert ranked[0] == in_title  # title weighs more than description


NASTY = [
    '"',
    '""',
    "'",
    "python\"'; DROP TABLE courses; --",
    "AND",
    "OR OR OR",
    "NOT python",
    "python NEAR(data, 3)",
    "NEAR(",
    "*",
    "pyth*",
    "-python",
    "(((",
    ")",
    "title:python",
    "{title}: python",
    "^python",
    "python & data | !ml",
    "python:*",
    "\\",
    "🐍 python 🚀",
    "🐍",
    "naïve café",
    "\x00python",
    "a" * MAX_QUERY_CHARS,
    ("python " * 1000)[:MAX_QUERY_CHARS],
    "   ",
    "sections: python",
    "{sections body}: data",
    "body : (python OR data",
    "git f",
    "f",
]


@pytest.fixture(scope="module", params=engine_params())
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return seeded_database(request.param, request, tmp_path_factory)


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_hostile_inputs_give_results_or_nothing(seeded: Database, text: str) -> None:
    page = _search(seeded, text)
    assert isinstance(page.items, list)
    assert page.total >= len(page.items)


def test_search_finds_seeded_words(seeded: Database) -> None:
    assert _search(seeded, "python").total > 0
    assert _search(seeded, '"python" OR (data*').total >= 0


TEXTS = st.text(max_size=300) | st.text(alphabet='abcdefpython "*-()ANDORNEAR:^', max_size=60)


def test_any_text_is_safe(seeded: Database) -> None:
    """Property: random text never raises. 200 examples on SQLite, 100 on PostgreSQL (round trips)."""

    @settings(max_examples=200 if seeded.dialect == "sqlite" else 100, deadline=None, database=None)
    @given(text=TEXTS)
    def check(text: str) -> None:
        page = _search(seeded, text)
        assert page.total >= len(page.items) >= 0

    check()


def test_parse_quotes_every_token() -> None:
    terms = search.parse('say "hi" OR NEAR(x) pyth')
    assert terms is not None
    assert terms.fts5() == '"say" "hi" "or" "near" "x" "pyth"*'
    assert terms.tsquery() == "'say' & 'hi' & 'or' & 'near' & 'x' & 'pyth':*"
    assert search.parse("*** ((( 🐍") is None
    assert search.parse("") is None
    typed = search.parse("git f")
    assert typed is not None and (typed.tokens, typed.prefix_last) == (("git",), False)
    alone = search.parse("f")
    assert alone is not None and (alone.tokens, alone.prefix_last) == (("f",), False)
    long = search.parse("word " * 2000)
    assert long is not None and len(long.tokens) == search.MAX_TOKENS
