"""Pre-live check reports kept in the database with their session (core.checks.CheckReportRepository)."""

from __future__ import annotations

from sqlalchemy import select

from liveconsole.core.checks import CheckItem, CheckReport
from liveconsole.store.database import Database
from liveconsole.store.models import CheckReportRow, SessionRow


def _report(row: CheckReportRow) -> CheckReport:
    return CheckReport(started=row.started_at, devices=dict(row.devices),
                       items=tuple(CheckItem.from_dict(item) for item in row.items))


class CheckReportStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save_report(self, session_id: int, report: CheckReport) -> int:
        """Store the report with its session; returns the report's id. KeyError for an unknown session."""
        with self._db.session() as orm:
            if orm.get(SessionRow, session_id) is None:
                raise KeyError(f"no session {session_id}")
            row = CheckReportRow(session_id=session_id, started_at=report.started, verdict=report.verdict.value,
                                 devices=dict(report.devices), items=[item.to_dict() for item in report.items])
            orm.add(row)
            orm.flush()
            return row.id

    def reports(self, session_id: int) -> list[tuple[int, CheckReport]]:
        """The session's reports with their ids, oldest first."""
        with self._db.session(readonly=True) as orm:
            rows = orm.scalars(select(CheckReportRow).where(CheckReportRow.session_id == session_id)
                               .order_by(CheckReportRow.started_at, CheckReportRow.id))
            return [(row.id, _report(row)) for row in rows]

    def report(self, report_id: int) -> tuple[int, CheckReport] | None:
        """(session id, report), or None."""
        with self._db.session(readonly=True) as orm:
            row = orm.get(CheckReportRow, report_id)
            return None if row is None else (row.session_id, _report(row))
