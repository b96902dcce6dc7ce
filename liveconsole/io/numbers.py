"""Amounts and counts as operators type them (¥1,299 / １２．５ / 1.2万 / 3w / 500件), read exactly."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from liveconsole.core.money import to_money
from liveconsole.io.problems import ImportCode


class NumberError(ValueError):
    """The text is not the kind of number asked for; `code` says which way it is wrong."""

    def __init__(self, code: ImportCode, value: object) -> None:
        super().__init__(f"{code.value}: {value!r}")
        self.code = code
        self.value = value


# What operators write in a cell that has no value. NFKC has already turned "－" into "-".
_EMPTY = frozenset({"", "-", "--", "—", "——", "–", "/", "\\"})

# Thousands separators are only accepted in groups of three: "12,5" is refused rather than read
# as 125, because in a semicolon-separated European file it means 12.5.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+"
_SCALE = r"万|w|千|k"
_SCALES = {"万": 10_000, "w": 10_000, "千": 1_000, "k": 1_000}

_MONEY = re.compile(
    rf"(?P<sign>-)?\s*(?:¥|rmb|cny)?\s*(?P<sign2>-)?\s*(?P<number>{_NUMBER})\s*"
    rf"(?P<scale>{_SCALE})?\s*(?:元|块|rmb|cny)?",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?P<sign>-)?\s*(?P<number>{_NUMBER})\s*(?P<scale>{_SCALE})?\s*"
    r"(?:件|个|份|套|盒|瓶|支|只|单|张|片|pcs)?",
    re.IGNORECASE,
)
_LINK = re.compile(r"(?:#|no\.?|链接)?\s*(?P<rest>.*?)\s*(?:号链接|号)?", re.IGNORECASE)


def _clean(text: str) -> str:
    # NFKC folds full-width digits, punctuation, "￥" and "Ｗ" to their ASCII forms.
    return unicodedata.normalize("NFKC", text).strip()


def _from_text(pattern: re.Pattern[str], text: str, value: object) -> Decimal | None:
    cleaned = _clean(text)
    if cleaned in _EMPTY:
        return None
    match = pattern.fullmatch(cleaned)
    if match is None:
        raise NumberError(ImportCode.NOT_A_NUMBER, value)
    groups = match.groupdict()
    if groups.get("sign") and groups.get("sign2"):
        raise NumberError(ImportCode.NOT_A_NUMBER, value)
    amount = Decimal(match["number"].replace(",", ""))
    if match["scale"]:
        amount *= _SCALES[match["scale"].lower()]
    if groups.get("sign") or groups.get("sign2"):
        amount = -amount
    return amount


def _from_cell(value: object, pattern: re.Pattern[str]) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):  # a TRUE/FALSE cell; bool is an int, so test it first
        raise NumberError(ImportCode.NOT_A_NUMBER, value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberError(ImportCode.NOT_A_NUMBER, value)
        # repr is the shortest text that reads back as the same float: 99.9, not 99.90000000000000568.
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError(ImportCode.NOT_A_NUMBER, value)
        return value
    if isinstance(value, str):
        try:
            return _from_text(pattern, value, value)
        except InvalidOperation as exc:
            raise NumberError(ImportCode.NOT_A_NUMBER, value) from exc
    raise NumberError(ImportCode.NOT_A_NUMBER, value)  # dates, times, anything else


def parse_money(value: object) -> Decimal | None:
    """A two-place Decimal from a cell; None for an empty cell. Raises NumberError.

    Negative amounts are returned as they are: the product rules decide they are wrong.
    """
    try:
        return to_money(_from_cell(value, _MONEY))
    except InvalidOperation as exc:  # more digits than a Decimal context holds
        raise NumberError(ImportCode.NOT_A_NUMBER, value) from exc


def parse_count(value: object) -> int | None:
    """A whole number from a cell; None for an empty cell. Raises NumberError."""
    amount = _from_cell(value, _COUNT)
    if amount is None:
        return None
    whole = amount.to_integral_value()
    if amount != whole:
        # A formula like =B2*0.3 gives 30.000000000000004; Excel shows 30, so do we.
        if isinstance(value, float) and abs(amount - whole) < Decimal("1e-9"):
            return int(whole)
        raise NumberError(ImportCode.NOT_AN_INTEGER, value)
    return int(whole)


def parse_link_no(value: object) -> int | None:
    """A link number: 3, "3", "3号", "#3", "链接3", "3号链接"; None for an empty cell."""
    if not isinstance(value, str):
        return parse_count(value)
    cleaned = _clean(value)
    rest = _LINK.fullmatch(cleaned)["rest"]  # type: ignore[index]  # every text matches
    if not rest and cleaned not in _EMPTY:  # "#" or "链接" with no number
        raise NumberError(ImportCode.NOT_A_NUMBER, value)
    try:
        return parse_count(rest)
    except NumberError as exc:
        raise NumberError(exc.code, value) from None
