"""What the learner did but the server has not seen yet, laid over what the server (or the cache) says.

Why: offline, a course's content comes from the cache as it was when downloaded; without this overlay a
section completed on the train would show as not done when the learner reopens the course. The overlay folds
the *pending* outbox entries by the same conflict rules the server applies (see ``ops``): earliest
completion (a quiz attempt completes its section), summed time deltas, latest enrollment and rating by
the learner's clock. Entries that need the
learner's attention are not applied (they may never be).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import msgspec

from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import OutboxEntry
from lms_desktop.contract import CourseContent, CourseDetail, Dashboard, DashboardItem


@dataclass
class PendingView:
    enrolled: dict[int, tuple[datetime, bool]] = field(default_factory=dict)
    rating: dict[int, tuple[datetime, int]] = field(default_factory=dict)
    completed: dict[int, datetime] = field(default_factory=dict)
    spent: dict[int, int] = field(default_factory=dict)
    position: dict[int, tuple[datetime, int]] = field(default_factory=dict)
    courses: set[int] = field(default_factory=set)

    def touches(self, course_id: int) -> bool:
        return course_id in self.courses

    @property
    def empty(self) -> bool:
        return not self.courses


def pending_view(entries: list[OutboxEntry]) -> PendingView:
    view = PendingView()
    for entry in entries:
        if entry.state != "pending":
            continue
        op, ts = entry.op, entry.client_timestamp
        view.courses.add(op.course_id)
        if isinstance(op, EnrollOp | UnenrollOp):
            old = view.enrolled.get(op.course_id)
            if old is None or old[0] <= ts:
                view.enrolled[op.course_id] = (ts, isinstance(op, EnrollOp))
        elif isinstance(op, RatingOp):
            old_r = view.rating.get(op.course_id)
            if old_r is None or old_r[0] <= ts:
                view.rating[op.course_id] = (ts, op.rating)
        elif isinstance(op, ProgressOp):
            if op.completed_at is not None:
                done = view.completed.get(op.section_id)
                view.completed[op.section_id] = (
                    op.completed_at if done is None else min(done, op.completed_at)
                )
            view.spent[op.section_id] = view.spent.get(op.section_id, 0) + op.time_spent_seconds
            if op.position_seconds is not None:
                old_p = view.position.get(op.section_id)
                if old_p is None or old_p[0] <= ts:
                    view.position[op.section_id] = (ts, op.position_seconds)
        elif isinstance(op, AttemptOp):  # a submitted attempt completes its quiz at the server
            done = view.completed.get(op.section_id)
            view.completed[op.section_id] = ts if done is None else min(done, ts)
    return view


def overlay_detail(detail: CourseDetail, view: PendingView) -> CourseDetail:
    if not view.touches(detail.id):
        return detail
    changes: dict[str, object] = {}
    enrolled = view.enrolled.get(detail.id)
    if enrolled is not None:
        ts, on = enrolled
        if on and detail.enrollment_status is None:
            changes.update(enrollment_status="active", enrolled_at=ts)
        elif not on and detail.enrollment_status is not None:
            changes.update(enrollment_status=None, enrolled_at=None)
    rating = view.rating.get(detail.id)
    if rating is not None:
        changes["my_rating"] = rating[1]
    return msgspec.structs.replace(detail, **changes) if changes else detail


def overlay_content(content: CourseContent, view: PendingView) -> CourseContent:
    if not view.touches(content.course_id):
        return content
    lessons = []
    for lesson in content.lessons:
        sections = []
        for s in lesson.sections:
            done = view.completed.get(s.id)
            extra = view.spent.get(s.id, 0)
            position = view.position.get(s.id)
            if done is None and not extra and position is None:
                sections.append(s)
                continue
            completed = (
                s.completed_at
                if done is None
                else (done if s.completed_at is None else min(done, s.completed_at))
            )
            sections.append(
                msgspec.structs.replace(
                    s,
                    completed_at=completed,
                    time_spent_seconds=s.time_spent_seconds + extra,
                    position_seconds=s.position_seconds if position is None else position[1],
                )
            )
        lessons.append(msgspec.structs.replace(lesson, sections=sections))
    return msgspec.structs.replace(content, lessons=lessons)


def overlay_dashboard(
    dashboard: Dashboard, view: PendingView, contents: dict[int, CourseContent]
) -> Dashboard:
    """Drops courses left offline and adds pending time; completion counts come from `contents` (the
    overlaid content of each course, when cached) since the dashboard alone cannot tell which sections."""
    if view.empty:
        return dashboard
    items: list[DashboardItem] = []
    for item in dashboard.items:
        enrolled = view.enrolled.get(item.course_id)
        if enrolled is not None and not enrolled[1]:
            continue
        content = contents.get(item.course_id)
        if content is None or not view.touches(item.course_id):
            items.append(item)
            continue
        sections = [s for lesson in content.lessons for s in lesson.sections]
        done = sum(1 for s in sections if s.completed_at is not None)
        total = len(sections) or item.total_sections
        items.append(
            msgspec.structs.replace(
                item,
                completed_sections=done,
                total_sections=total,
                percent_complete=round(100.0 * done / total, 1) if total else 0.0,
                time_spent_seconds=sum(s.time_spent_seconds for s in sections),
                next_section_id=next((s.id for s in sections if s.completed_at is None), None),
            )
        )
    return msgspec.structs.replace(dashboard, items=items)
