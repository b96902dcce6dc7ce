"""Money is Decimal yuan with two places; floats never hold a price."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_money(value: Decimal | int | str | None) -> Decimal | None:
    """Normalise to a two-place Decimal; `None` stays `None`. Floats are refused."""
    if value is None:
        return None
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    if isinstance(value, bool):
        raise TypeError("money must not be a bool")
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not amount.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(value: Decimal | None) -> str:
    """`¥1,299.00`-style text without the symbol; '—' for a missing amount."""
    if value is None:
        return "—"
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text
