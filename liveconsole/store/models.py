"""The database tables, as SQLAlchemy declarative models; migrations must produce exactly these."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable names let later migrations drop or alter a constraint on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

EVENT_TYPE_LENGTH = 64


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC; SQLite keeps no offset, so it is put back on reading."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"a stored time must carry its time zone: {value!r}")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_no: Mapped[int | None] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text)
    list_price: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    live_price: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    stock: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(16), default="regular")  # core Category values
    selling_points: Mapped[list[str]] = mapped_column(JSON, default=list)
    image_path: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[list[list[str]]] = mapped_column(JSON, default=list)  # [[column, value], ...]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    platform: Mapped[str] = mapped_column(Text, default="")
    planned_start: Mapped[datetime | None] = mapped_column(UtcDateTime)
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    gmv_target: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class LineupItemRow(Base):
    """One slot of a session's lineup. Positions only order the slots; gaps are allowed."""

    __tablename__ = "lineup_items"
    __table_args__ = (UniqueConstraint("session_id", "product_id"),)

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)


class EventRow(Base):
    """One entry of a session's append-only log; `seq` counts 1, 2, 3... within the session."""

    __tablename__ = "events"
    # The unique constraint is also the (session_id, seq) index that reading a log in order uses.
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No cascade: a session that has a log is not deleted by accident.
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"))
    seq: Mapped[int] = mapped_column(Integer)
    mono_ns: Mapped[int] = mapped_column(BigInteger)
    wall_time: Mapped[datetime] = mapped_column(UtcDateTime)
    type: Mapped[str] = mapped_column(String(EVENT_TYPE_LENGTH))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


class CheckReportRow(Base):
    """One run of the pre-live checklist, kept with its session (core.checks.CheckReport as JSON)."""

    __tablename__ = "check_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    verdict: Mapped[str] = mapped_column(String(8))  # core Verdict values
    devices: Mapped[dict[str, str]] = mapped_column(JSON)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # CheckItem.to_dict() each


class ScriptRow(Base):
    """A session's script (整场脚本); its segments and single-product scripts hang off it."""

    __tablename__ = "scripts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    start_time_s: Mapped[int | None] = mapped_column(Integer)  # seconds after midnight
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class ScriptSegmentRow(Base):
    """One segment of a script, in `position` order."""

    __tablename__ = "script_segments"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("scripts.session_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))  # core SegmentType values
    planned_start_s: Mapped[int | None] = mapped_column(Integer)
    planned_duration_s: Mapped[int] = mapped_column(Integer)
    link_nos: Mapped[list[int]] = mapped_column(JSON, default=list)
    talking_points: Mapped[list[str]] = mapped_column(JSON, default=list)
    scene_cue: Mapped[str | None] = mapped_column(Text)
    interaction: Mapped[str | None] = mapped_column(String(16))  # core InteractionKind values
    notes: Mapped[str] = mapped_column(Text, default="")


class ProductScriptRow(Base):
    """One single-product script (单品脚本) of a session's script; each field holds its lines."""

    __tablename__ = "product_scripts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("scripts.session_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_no: Mapped[int | None] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    brand_intro: Mapped[list[str]] = mapped_column(JSON, default=list)
    selling_points: Mapped[list[str]] = mapped_column(JSON, default=list)
    benefits: Mapped[list[str]] = mapped_column(JSON, default=list)
    price_anchor: Mapped[list[str]] = mapped_column(JSON, default=list)
    call_to_action: Mapped[list[str]] = mapped_column(JSON, default=list)


class MetricSampleRow(Base):
    """One live-metric sample as a source delivered it (core.metrics.Sample); NULL is "not known".

    Rows are only ever added: samples at the same time are merged when read, later rows winning."""

    __tablename__ = "metric_samples"
    __table_args__ = (Index("ix_metric_samples_session_id_t", "session_id", "t"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    t: Mapped[datetime] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String(32), default="")
    online: Mapped[int | None] = mapped_column(BigInteger)
    uv: Mapped[int | None] = mapped_column(BigInteger)
    pv: Mapped[int | None] = mapped_column(BigInteger)
    new_followers: Mapped[int | None] = mapped_column(BigInteger)
    likes: Mapped[int | None] = mapped_column(BigInteger)
    comments: Mapped[int | None] = mapped_column(BigInteger)
    shares: Mapped[int | None] = mapped_column(BigInteger)
    product_exposures: Mapped[int | None] = mapped_column(BigInteger)
    product_clicks: Mapped[int | None] = mapped_column(BigInteger)
    orders: Mapped[int | None] = mapped_column(BigInteger)
    items: Mapped[int | None] = mapped_column(BigInteger)
    buyers: Mapped[int | None] = mapped_column(BigInteger)
    gmv: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    avg_watch_s: Mapped[float | None] = mapped_column(Float)


metadata = Base.metadata
