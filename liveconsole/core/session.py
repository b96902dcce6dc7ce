"""A selling session (场次): its name, platform and plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from liveconsole.core.money import to_money


@dataclass(frozen=True)
class Session:
    name: str
    platform: str = ""
    planned_start: datetime | None = None
    planned_minutes: int | None = None
    gmv_target: Decimal | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a session needs a name")
        if self.planned_minutes is not None and self.planned_minutes <= 0:
            raise ValueError("planned length must be positive")
        target = to_money(self.gmv_target)
        if target is not None and target < 0:
            raise ValueError("GMV target must not be negative")
        object.__setattr__(self, "gmv_target", target)

    @property
    def planned_end(self) -> datetime | None:
        if self.planned_start is None or self.planned_minutes is None:
            return None
        return self.planned_start + timedelta(minutes=self.planned_minutes)

    def with_changes(self, **changes: object) -> Session:
        return replace(self, **changes)  # type: ignore[arg-type]
