"""Each session's script in the database, saved and read back whole."""

from __future__ import annotations

from datetime import time

from sqlalchemy import delete, select

from liveconsole.core.script import InteractionKind, ProductScript, Script, Segment, SegmentType
from liveconsole.store.database import Database
from liveconsole.store.models import ProductScriptRow, ScriptRow, ScriptSegmentRow, SessionRow

_PRODUCT_LINES = ("brand_intro", "selling_points", "benefits", "price_anchor", "call_to_action")


def _seconds(value: time | None) -> int | None:
    return None if value is None else value.hour * 3600 + value.minute * 60 + value.second


def _time(seconds: int | None) -> time | None:
    return None if seconds is None else time(seconds // 3600, seconds // 60 % 60, seconds % 60)


def _segment_row(session_id: int, position: int, segment: Segment) -> ScriptSegmentRow:
    return ScriptSegmentRow(
        session_id=session_id,
        position=position,
        title=segment.title,
        type=segment.type.value,
        planned_start_s=segment.planned_start_s,
        planned_duration_s=segment.planned_duration_s,
        link_nos=list(segment.link_nos),
        talking_points=list(segment.talking_points),
        scene_cue=segment.scene_cue,
        interaction=None if segment.interaction is None else segment.interaction.value,
        notes=segment.notes,
    )


def _segment(row: ScriptSegmentRow) -> Segment:
    return Segment(
        title=row.title,
        planned_duration_s=row.planned_duration_s,
        type=SegmentType(row.type),
        planned_start_s=row.planned_start_s,
        link_nos=tuple(row.link_nos),
        talking_points=tuple(row.talking_points),
        scene_cue=row.scene_cue,
        interaction=None if row.interaction is None else InteractionKind(row.interaction),
        notes=row.notes,
    )


def _product_script_row(session_id: int, position: int, script: ProductScript) -> ProductScriptRow:
    row = ProductScriptRow(
        session_id=session_id, position=position, link_no=script.link_no, sku=script.sku, title=script.title
    )
    for name in _PRODUCT_LINES:
        setattr(row, name, list(getattr(script, name)))
    return row


def _product_script(row: ProductScriptRow) -> ProductScript:
    lines = {name: tuple(getattr(row, name)) for name in _PRODUCT_LINES}
    return ProductScript(row.link_no, row.sku, row.title, **lines)


class ScriptStore:
    """Session scripts in the database. A session has one script, or none before one is saved."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save_script(self, session_id: int, script: Script) -> None:
        """Make the session's script exactly this one: all of it in one transaction, or nothing."""
        with self._db.session() as orm:
            if orm.get(SessionRow, session_id) is None:
                raise KeyError(f"no session {session_id}")
            # Rewriting every row sidesteps (session, position) clashes while segments move.
            orm.execute(delete(ScriptSegmentRow).where(ScriptSegmentRow.session_id == session_id))
            orm.execute(delete(ProductScriptRow).where(ProductScriptRow.session_id == session_id))
            row = orm.get(ScriptRow, session_id)
            if row is None:
                row = ScriptRow(session_id=session_id)
                orm.add(row)
            row.start_time_s = _seconds(script.start_time)
            orm.flush()  # the script row first: its segments refer to it
            orm.add_all(_segment_row(session_id, i, segment) for i, segment in enumerate(script))
            orm.add_all(
                _product_script_row(session_id, i, ps) for i, ps in enumerate(script.product_scripts)
            )

    def script(self, session_id: int) -> Script | None:
        with self._db.session(readonly=True) as orm:
            row = orm.get(ScriptRow, session_id)
            if row is None:
                return None
            segments = orm.scalars(
                select(ScriptSegmentRow)
                .where(ScriptSegmentRow.session_id == session_id)
                .order_by(ScriptSegmentRow.position)
            )
            product_scripts = orm.scalars(
                select(ProductScriptRow)
                .where(ProductScriptRow.session_id == session_id)
                .order_by(ProductScriptRow.position)
            )
            return Script(
                tuple(_segment(s) for s in segments),
                tuple(_product_script(p) for p in product_scripts),
                _time(row.start_time_s),
            )

    def delete_script(self, session_id: int) -> None:
        """The session has no script any more; nothing happens when it had none."""
        with self._db.session() as orm:
            orm.execute(delete(ScriptRow).where(ScriptRow.session_id == session_id))
