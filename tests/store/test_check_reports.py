"""Check reports are kept with their session and come back unchanged."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from liveconsole.core.checks import CheckItem, CheckReport, Verdict
from liveconsole.core.session import Session
from liveconsole.store.check_reports import CheckReportStore
from liveconsole.store.models import CheckReportRow, SessionRow
from liveconsole.store.repositories import SessionStore

BEIJING = timezone(timedelta(hours=8))


def _report(minute: int, verdict: Verdict = Verdict.PASS) -> CheckReport:
    return CheckReport(
        started=datetime(2026, 6, 18, 19, minute, 30, 250000, tzinfo=BEIJING),
        devices={"camera": "0 (1280x720)", "audio_in": "USB 麦克风 (MME)"},
        items=(CheckItem("camera.fps", Verdict.PASS, 29.9, "fps", "camera.fps_ok", {"fps": 29.9, "min_fps": 25.0}),
               CheckItem("audio.in.level", verdict, -62.5, "dBFS", "audio.in.silent",
                         {"level": -62.5, "device": "USB"}),
               CheckItem("obs.scenes", Verdict.FAIL, 3, "count", "obs.scenes_missing",
                         {"missing": ["抽奖"], "scenes": ["全景", "近景特写", "商品台"]}),
               CheckItem("camera.open", Verdict.PASS, None, "", "camera.opened", {})),
    )


@pytest.fixture
def session_id(db) -> int:
    return SessionStore(db).create_session(Session("6月18日 美妆专场")).id


def test_a_saved_report_comes_back_equal_with_its_session(db, session_id):
    store = CheckReportStore(db)
    report = _report(30, Verdict.FAIL)
    report_id = store.save_report(session_id, report)
    assert store.reports(session_id) == [(report_id, report)]
    assert store.report(report_id) == (session_id, report)
    assert store.reports(session_id)[0][1].verdict is Verdict.FAIL


def test_reports_are_listed_oldest_first_per_session(db, session_id):
    store = CheckReportStore(db)
    other = SessionStore(db).create_session(Session("另一场")).id
    late = store.save_report(session_id, _report(45))
    early = store.save_report(session_id, _report(15))
    store.save_report(other, _report(20))
    assert [report_id for report_id, _ in store.reports(session_id)] == [early, late]
    assert store.report(999) is None


def test_a_report_for_an_unknown_session_is_refused(db):
    with pytest.raises(KeyError):
        CheckReportStore(db).save_report(42, _report(1))


def test_the_overall_verdict_is_stored_for_queries(db, session_id):
    CheckReportStore(db).save_report(session_id, _report(1, Verdict.FAIL))
    with db.session(readonly=True) as orm:
        assert orm.scalars(select(CheckReportRow.verdict)).all() == ["fail"]


def test_deleting_a_session_deletes_its_reports(db, session_id):
    CheckReportStore(db).save_report(session_id, _report(1))
    with db.session() as orm:
        orm.delete(orm.get(SessionRow, session_id))
    with db.session(readonly=True) as orm:
        assert orm.scalars(select(CheckReportRow)).all() == []
