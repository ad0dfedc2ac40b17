"""The learner's dashboard as ONE statement (CTEs, as in the seed design), never N+1 per course.

enrolled courses (active or completed, visible) + progress aggregated per course (completed sections,
time spent, last activity) + the next section to continue with (first by course position that is not
completed), ordered by last activity (newest first, courses never touched last), then enrolment date.
Every part is an index lookup keyed by the user: uq_enrollments_user_id_course_id,
ix_progress_user_id_course_id, uq_progress_user_id_section_id, uq_sections_course_id_course_position.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from lms_desktop.contract import Dashboard, DashboardItem
from lms_desktop.server.db.driver_sql import rows, utc
from lms_desktop.server.db.queries.catalog import image_url
from lms_desktop.server.db.queries.learner import MAX_TIME_SPENT
from lms_desktop.server.db.schema import visible_sql

_SQL = """
WITH mine AS (
    SELECT e.course_id, e.status, e.enrolled_at
    FROM enrollments e
    WHERE e.user_id = :uid AND e.status IN ('active', 'completed')
),
prog AS (
    SELECT p.course_id,
           COUNT(CASE WHEN NOT ps.hidden THEN p.completed_at END) AS completed_sections,
           SUM(p.time_spent_seconds) AS time_spent,
           MAX(p.updated_at) AS last_activity
    FROM progress p
    JOIN sections ps ON ps.id = p.section_id
    WHERE p.user_id = :uid
    GROUP BY p.course_id
),
quiz AS (
    SELECT b.course_id, AVG(b.best) AS average
    FROM (SELECT qa.course_id, qa.section_id,
                 MAX(CASE WHEN qa.max_score > 0 THEN qa.score / qa.max_score END) AS best
          FROM quiz_attempts qa
          WHERE qa.user_id = :uid
          GROUP BY qa.course_id, qa.section_id) b
    GROUP BY b.course_id
)
SELECT c.id AS course_id, c.title, c.image_key, c.difficulty,
       m.status, m.enrolled_at, c.section_count AS total_sections,
       COALESCE(pr.completed_sections, 0) AS completed_sections,
       COALESCE(pr.time_spent, 0) AS time_spent,
       pr.last_activity,
       (SELECT s.id FROM sections s
         WHERE s.course_id = c.id AND NOT s.hidden
           AND NOT EXISTS (SELECT 1 FROM progress px
                           WHERE px.user_id = :uid AND px.section_id = s.id AND px.completed_at IS NOT NULL)
         ORDER BY s.course_position
         LIMIT 1) AS next_section_id,
       q.average AS quiz_average
FROM mine m
JOIN courses c ON c.id = m.course_id
LEFT JOIN prog pr ON pr.course_id = m.course_id
LEFT JOIN quiz q ON q.course_id = m.course_id
WHERE {visible}
ORDER BY pr.last_activity DESC NULLS LAST, m.enrolled_at DESC, c.id DESC
"""


def dashboard_sql(dialect: str) -> str:
    """The statement as the driver takes it (`:uid` is sqlite3's named style, `%(uid)s` psycopg's)."""
    sql = _SQL.format(visible=visible_sql(dialect, "c"))
    return sql if dialect == "sqlite" else sql.replace(":uid", "%(uid)s")


def get_dashboard(conn: Connection, dialect: str, user_id: int) -> Dashboard:
    items = []
    for (
        course_id,
        title,
        image_key,
        difficulty,
        status,
        enrolled_at,
        total_sections,
        completed_sections,
        time_spent,
        last_activity,
        next_section_id,
        quiz_average,
    ) in rows(conn, dashboard_sql(dialect), {"uid": user_id}):
        total = int(total_sections)
        done = min(int(completed_sections), total)
        items.append(
            DashboardItem(
                course_id=course_id,
                title=title,
                image_url=image_url(image_key),
                difficulty=difficulty,
                enrollment_status=status,
                enrolled_at=utc(enrolled_at),
                total_sections=total,
                completed_sections=done,
                percent_complete=round(100.0 * done / total, 1) if total else 0.0,
                time_spent_seconds=min(int(time_spent), MAX_TIME_SPENT),
                last_activity=utc(last_activity),
                next_section_id=next_section_id,
                quiz_average=None if quiz_average is None else round(100.0 * float(quiz_average), 1),
            )
        )
    return Dashboard(items=items)
