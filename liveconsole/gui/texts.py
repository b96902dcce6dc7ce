"""Every user-facing word for core and adapter codes, translated in one place (context "Texts")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveconsole.core.products import Category

CTX = "Texts"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


_CATEGORIES = {
    Category.TRAFFIC: QT_TRANSLATE_NOOP("Texts", "Traffic driver"),
    Category.WELFARE: QT_TRANSLATE_NOOP("Texts", "Fan welfare"),
    Category.PROFIT: QT_TRANSLATE_NOOP("Texts", "Profit maker"),
    Category.IMAGE: QT_TRANSLATE_NOOP("Texts", "Image builder"),
    Category.REGULAR: QT_TRANSLATE_NOOP("Texts", "Regular"),
}

_FIELDS = {
    "link_no": QT_TRANSLATE_NOOP("Texts", "Link"),
    "title": QT_TRANSLATE_NOOP("Texts", "Title"),
    "sku": QT_TRANSLATE_NOOP("Texts", "SKU"),
    "list_price": QT_TRANSLATE_NOOP("Texts", "List price"),
    "live_price": QT_TRANSLATE_NOOP("Texts", "Live price"),
    "stock": QT_TRANSLATE_NOOP("Texts", "Stock"),
    "category": QT_TRANSLATE_NOOP("Texts", "Category"),
    "selling_points": QT_TRANSLATE_NOOP("Texts", "Selling points"),
    "image_path": QT_TRANSLATE_NOOP("Texts", "Image"),
    "notes": QT_TRANSLATE_NOOP("Texts", "Notes"),
}


def fill(template: str, *values: object) -> str:
    """Put values in for %1, %2, … (from the highest number down, so %1 never eats the start of %10)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def category_name(category: Category) -> str:
    return tr(_CATEGORIES[category])


def field_name(field: str) -> str:
    return tr(_FIELDS.get(field, field))


def missing() -> str:
    """What a value nobody has given shows as: never a made-up zero."""
    return "—"
