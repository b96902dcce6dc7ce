"""What the window and the command line both do with a store: open it, import, export, sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from liveconsole.core.products import Product
from liveconsole.core.session import Session

if TYPE_CHECKING:  # the store and io load after the first paint
    from liveconsole.io.products import ProductImport
    from liveconsole.store.database import Database

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DEMO_LINEUP = RESOURCES / "samples" / "demo_lineup.xlsx"
DEMO_SCRIPT = RESOURCES / "samples" / "demo_script.xlsx"
DEMO_SESSION = "6月18日 美妆专场"


class UnknownSession(LookupError):
    pass


class ScriptStarted(RuntimeError):
    """The session's script already runs (its log has script events): replaying needs the script it ran."""


@dataclass
class Snapshot:
    """Everything the preparation panels show, read in one go off the UI thread."""

    products: list[Product]
    sessions: list[Session]
    session: Session | None
    lineup: list[Product]
    events: list = field(default_factory=list)  # the session's event log, to resume its live room
    script: object = None  # core.script.Script of the session, None when it has none
    samples: list = field(default_factory=list)  # the session's live-metric samples (core.metrics.Sample)


@dataclass
class ImportOutcome:
    result: ProductImport  # or io.script.ScriptImport for a script
    snapshot: Snapshot
    lineup_session: str | None = None
    imported: int = 0
    warnings: list = field(default_factory=list)


class Workspace:
    """One open store with its repositories."""

    def __init__(self, db: Database) -> None:
        from liveconsole.store.clock import SystemClock
        from liveconsole.store.eventlog import SqlEventLog
        from liveconsole.store.metrics import MetricStore
        from liveconsole.store.repositories import ProductStore, SessionStore
        from liveconsole.store.scripts import ScriptStore

        self.db = db
        self.scripts = ScriptStore(db)
        self.products = ProductStore(db)
        self.sessions = SessionStore(db)
        self.events = SqlEventLog(db, SystemClock())
        self.metrics = MetricStore(db)

    @classmethod
    def open(cls, url: str | None) -> Workspace:
        from liveconsole.store.database import Database, resolve_url

        return cls(Database.open(resolve_url(url)))

    def close(self) -> None:
        self.db.dispose()

    def session_named(self, name: str) -> Session:
        session = self.sessions.session_by_name(name)
        if session is None:
            raise UnknownSession(name)
        return session

    def snapshot(self, session_name: str | None) -> Snapshot:
        sessions = self.sessions.sessions()
        session = next((s for s in sessions if s.name == session_name), None)
        if session is None and sessions:
            session = sessions[-1]
        has_id = session is not None and session.id is not None
        lineup = self.sessions.lineup(session.id) if has_id else []
        events = list(self.events.events(session.id)) if has_id else []
        script = self.scripts.script(session.id) if has_id else None  # type: ignore[union-attr,arg-type]
        samples = self.metrics.samples(session.id) if has_id else []  # type: ignore[union-attr,arg-type]
        return Snapshot(self.products.all_products(), sessions, session, lineup, events, script, samples)

    def import_products(self, path: Path, session_name: str | None = None) -> ImportOutcome:
        """All or nothing: a bad file raises ImportFailed before anything is written."""
        from liveconsole.io.products import read_products

        session = self.session_named(session_name) if session_name else None
        result = read_products(path)
        saved = self.products.import_products(result.products, session.id if session else None)
        return ImportOutcome(
            result=result,
            snapshot=self.snapshot(session_name),
            lineup_session=session_name,
            imported=len(saved),
            warnings=list(result.warnings),
        )

    def export_products(self, path: Path, session_name: str | None = None) -> int:
        from liveconsole.io.export import write_products

        if session_name:
            session = self.session_named(session_name)
            products: Sequence[Product] = self.sessions.lineup(session.id)  # type: ignore[arg-type]
        else:
            products = self.products.all_products()
        write_products(path, list(products))
        return len(products)

    def import_script(self, path: Path, session_name: str) -> ImportOutcome:
        """All or nothing, like products: a bad file raises ImportFailed and the stored script stays."""
        from liveconsole.io.script import read_script

        from liveconsole.core.script import SCRIPT_START

        session = self.session_named(session_name)
        if any(event.type == SCRIPT_START for event in self.events.events(session.id)):  # type: ignore[arg-type]
            raise ScriptStarted(session_name)
        result = read_script(path, self.sessions.lineup(session.id))  # type: ignore[arg-type]
        self.scripts.save_script(session.id, result.script)  # type: ignore[arg-type]
        return ImportOutcome(result=result, snapshot=self.snapshot(session_name), lineup_session=session_name,
                             imported=len(result.script), warnings=list(result.warnings))

    def import_trend(self, path: Path, session_name: str) -> ImportOutcome:
        """A per-minute trend export into the session's samples, in one transaction or not at all."""
        from datetime import datetime, timezone

        from liveconsole.sources.trend_file import SOURCE as TREND_SOURCE, read_trend

        session = self.session_named(session_name)
        start = session.planned_start or datetime.now(timezone.utc).astimezone()
        result = read_trend(path, start=start)
        self.metrics.save_samples(session.id, result.samples, TREND_SOURCE)  # type: ignore[arg-type]
        return ImportOutcome(result=result, snapshot=self.snapshot(session_name), lineup_session=session_name,
                             imported=len(result.samples), warnings=list(result.warnings))

    def export_script(self, path: Path, session_name: str) -> int:
        from liveconsole.core.script import Script
        from liveconsole.io.script import write_script

        session = self.session_named(session_name)
        script = self.scripts.script(session.id) or Script()  # type: ignore[arg-type]
        write_script(path, script)
        return len(script)

    def create_session(self, session: Session) -> Session:
        return self.sessions.create_session(session)

    def fill_demo(self) -> Session:
        """The bundled sample session: a beauty special with its whole lineup."""
        from datetime import datetime, timedelta, timezone
        from decimal import Decimal

        existing = self.sessions.session_by_name(DEMO_SESSION)
        if existing is not None:
            return existing
        start = datetime.now(timezone(timedelta(hours=8))).replace(hour=20, minute=0, second=0, microsecond=0)
        session = self.create_session(
            Session(DEMO_SESSION, platform="抖音", planned_start=start, planned_minutes=240,
                    gmv_target=Decimal("1000000"))
        )
        self.import_products(DEMO_LINEUP, session.name)
        self.import_script(DEMO_SCRIPT, session.name)
        return session
