"""The metrics dashboard's words: tiles and their formulas, alerts, markers and quick-entry problems."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveconsole.core.dashboard import Marker, MarkerKind, Tile
from liveconsole.core.incidents import IncidentType
from liveconsole.core.metrics import GpmBasis, MetricAlert, MetricAlertCode, Sample
from liveconsole.core.obs import HealthFigure
from liveconsole.gui.texts import fill
from liveconsole.sources.manual import FIELD_NAMES, QuickEntryCode, QuickEntryError, watch_time_text

CTX = "MetricsPanel"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


TILE_TITLE = {
    Tile.GMV: QT_TRANSLATE_NOOP("MetricsPanel", "GMV"),
    Tile.ONLINE: QT_TRANSLATE_NOOP("MetricsPanel", "Online"),
    Tile.ITEMS: QT_TRANSLATE_NOOP("MetricsPanel", "Items sold"),
    Tile.AOV: QT_TRANSLATE_NOOP("MetricsPanel", "Avg order value"),
    Tile.GPM: QT_TRANSLATE_NOOP("MetricsPanel", "GPM"),
    Tile.PACE: QT_TRANSLATE_NOOP("MetricsPanel", "Pace"),
}
TILE_FORMULA = {
    Tile.GMV: QT_TRANSLATE_NOOP("MetricsPanel", "GMV: the paid order amount since the session started, as the "
                                                "platform counts it."),
    Tile.ONLINE: QT_TRANSLATE_NOOP("MetricsPanel", "Online viewers at the last sample.\nACU = time-weighted mean "
                                                   "of online viewers; PCU = the highest count."),
    Tile.ITEMS: QT_TRANSLATE_NOOP("MetricsPanel", "Items sold since the session started."),
    Tile.AOV: QT_TRANSLATE_NOOP("MetricsPanel", "Average order value = GMV ÷ buyers."),
    Tile.PACE: QT_TRANSLATE_NOOP("MetricsPanel", "Pace = GMV ÷ the plan's cumulative GMV at the same moment × 100.\n"
                                                 "The plan runs straight from the planned start over the planned "
                                                 "length to the GMV target.\nProjected finish = GMV + the last 10 "
                                                 "minutes' GMV per minute × the minutes left in the plan."),
}
GPM_FORMULA = {
    GpmBasis.VIEWS: QT_TRANSLATE_NOOP("MetricsPanel", "GPM = GMV × 1000 ÷ views (PV)."),
    GpmBasis.VIEWERS: QT_TRANSLATE_NOOP("MetricsPanel", "GPM = GMV × 1000 ÷ viewers (UV)."),
}
CHANGE_NOTE = QT_TRANSLATE_NOOP("MetricsPanel", "The small line: the change against 5 minutes earlier.")

DETAIL_TITLE = {
    "acu": QT_TRANSLATE_NOOP("MetricsPanel", "ACU"),
    "pcu": QT_TRANSLATE_NOOP("MetricsPanel", "PCU"),
    "uv_value": QT_TRANSLATE_NOOP("MetricsPanel", "UV value"),
    "click_to_order": QT_TRANSLATE_NOOP("MetricsPanel", "Click→order"),
    "view_to_order": QT_TRANSLATE_NOOP("MetricsPanel", "View→order"),
    "engagement_rate": QT_TRANSLATE_NOOP("MetricsPanel", "Engagement"),
    "follow_rate": QT_TRANSLATE_NOOP("MetricsPanel", "Follow rate"),
    "gmv_per_minute": QT_TRANSLATE_NOOP("MetricsPanel", "GMV/min"),
}
DETAIL_FORMULA = {
    "acu": QT_TRANSLATE_NOOP("MetricsPanel", "ACU = time-weighted mean of online viewers; each count holds until "
                                             "the next."),
    "pcu": QT_TRANSLATE_NOOP("MetricsPanel", "PCU = the highest online count."),
    "uv_value": QT_TRANSLATE_NOOP("MetricsPanel", "UV value = GMV ÷ viewers (UV)."),
    "click_to_order": QT_TRANSLATE_NOOP("MetricsPanel", "Click-to-order = buyers ÷ product clicks."),
    "view_to_order": QT_TRANSLATE_NOOP("MetricsPanel", "View-to-order = buyers ÷ viewers (UV)."),
    "engagement_rate": QT_TRANSLATE_NOOP("MetricsPanel", "Engagement = (comments + shares) ÷ viewers (UV). Likes "
                                                         "are left out: one viewer taps hundreds."),
    "follow_rate": QT_TRANSLATE_NOOP("MetricsPanel", "Follow rate = new followers ÷ viewers (UV)."),
    "gmv_per_minute": QT_TRANSLATE_NOOP("MetricsPanel", "GMV per minute over the last 10 minutes."),
}

ALERT_TEXT = {
    MetricAlertCode.ONLINE_DROP: QT_TRANSLATE_NOOP("MetricsPanel", "Online viewers fell %1% in %2 s (%3 → %4)"),
    MetricAlertCode.PACE_BEHIND: QT_TRANSLATE_NOOP("MetricsPanel", "GMV %1% behind plan: ¥%2 of ¥%3 planned "
                                                                   "(¥%4 short)"),
    MetricAlertCode.CONVERSION_FALL: QT_TRANSLATE_NOOP("MetricsPanel", "%1 fell %2% (%3% → %4%, last %5 min)"),
    MetricAlertCode.SOURCE_SILENT: QT_TRANSLATE_NOOP("MetricsPanel", "No figures from “%1” for %2 s"),
    MetricAlertCode.STREAM_RED: QT_TRANSLATE_NOOP("MetricsPanel", "Stream health red: %1"),
}
BASIS_TEXT = {
    "click_to_order": QT_TRANSLATE_NOOP("MetricsPanel", "Click-to-order"),
    "view_to_order": QT_TRANSLATE_NOOP("MetricsPanel", "View-to-order"),
}
SOURCE_TEXT = {
    "manual": QT_TRANSLATE_NOOP("MetricsPanel", "quick entry"),
    "ingest": QT_TRANSLATE_NOOP("MetricsPanel", "ingest API"),
    "simulator": QT_TRANSLATE_NOOP("MetricsPanel", "simulator"),
    "file": QT_TRANSLATE_NOOP("MetricsPanel", "trend file"),
}
FIGURE_TEXT = {
    HealthFigure.FPS: QT_TRANSLATE_NOOP("MetricsPanel", "FPS"),
    HealthFigure.RENDER_SKIPPED: QT_TRANSLATE_NOOP("MetricsPanel", "render lag"),
    HealthFigure.OUTPUT_SKIPPED: QT_TRANSLATE_NOOP("MetricsPanel", "encoder lag"),
    HealthFigure.STREAM_DROPPED: QT_TRANSLATE_NOOP("MetricsPanel", "dropped frames"),
    HealthFigure.CPU: QT_TRANSLATE_NOOP("MetricsPanel", "CPU"),
    HealthFigure.MEMORY: QT_TRANSLATE_NOOP("MetricsPanel", "memory"),
    HealthFigure.BITRATE: QT_TRANSLATE_NOOP("MetricsPanel", "bitrate"),
    HealthFigure.CONGESTION: QT_TRANSLATE_NOOP("MetricsPanel", "congestion"),
}

MARKER_TEXT = {
    MarkerKind.PUSH: QT_TRANSLATE_NOOP("MetricsPanel", "Pushed #%1 %2"),
    MarkerKind.SCENE: QT_TRANSLATE_NOOP("MetricsPanel", "Scene: %1"),
    MarkerKind.FLASH_SALE: QT_TRANSLATE_NOOP("MetricsPanel", "Flash sale, %1 s"),
    MarkerKind.INCIDENT: QT_TRANSLATE_NOOP("MetricsPanel", "Incident: %1 %2"),
}
INCIDENT_TEXT = {
    IncidentType.STREAM_DOWN: QT_TRANSLATE_NOOP("MetricsPanel", "stream down"),
    IncidentType.LINK_BROKEN: QT_TRANSLATE_NOOP("MetricsPanel", "broken link"),
    IncidentType.WRONG_PRICE: QT_TRANSLATE_NOOP("MetricsPanel", "wrong price"),
    IncidentType.WRONG_STOCK: QT_TRANSLATE_NOOP("MetricsPanel", "wrong stock"),
    IncidentType.ABUSE: QT_TRANSLATE_NOOP("MetricsPanel", "abusive comments"),
    IncidentType.DEVICE_FAULT: QT_TRANSLATE_NOOP("MetricsPanel", "device fault"),
    IncidentType.OTHER: QT_TRANSLATE_NOOP("MetricsPanel", "other"),
}

ENTRY_TEXT = {
    QuickEntryCode.EMPTY: QT_TRANSLATE_NOOP("MetricsPanel", "Type a figure's name and its value, e.g. "
                                                            "“gmv 62.7w 在线 3500”"),
    QuickEntryCode.UNKNOWN_FIELD: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” names no figure (known: %2)"),
    QuickEntryCode.MISSING_VALUE: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” has no number after it"),
    QuickEntryCode.BAD_NUMBER: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” is not a number"),
    QuickEntryCode.NOT_WHOLE: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” must be a whole number"),
    QuickEntryCode.BAD_DURATION: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” is not a watch time (90, 90秒, 1分30秒, "
                                                                   "1:30)"),
    QuickEntryCode.VALUE_WITHOUT_FIELD: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” has no figure's name before it"),
    QuickEntryCode.REPEATED_FIELD: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” is given twice"),
    QuickEntryCode.TOO_LARGE: QT_TRANSLATE_NOOP("MetricsPanel", "“%1” is larger than any room: a typo?"),
}


FIELD_TEXT = {
    "online": QT_TRANSLATE_NOOP("MetricsPanel", "online"),
    "uv": QT_TRANSLATE_NOOP("MetricsPanel", "viewers"),
    "pv": QT_TRANSLATE_NOOP("MetricsPanel", "views"),
    "new_followers": QT_TRANSLATE_NOOP("MetricsPanel", "new followers"),
    "likes": QT_TRANSLATE_NOOP("MetricsPanel", "likes"),
    "comments": QT_TRANSLATE_NOOP("MetricsPanel", "comments"),
    "shares": QT_TRANSLATE_NOOP("MetricsPanel", "shares"),
    "product_exposures": QT_TRANSLATE_NOOP("MetricsPanel", "product exposures"),
    "product_clicks": QT_TRANSLATE_NOOP("MetricsPanel", "product clicks"),
    "orders": QT_TRANSLATE_NOOP("MetricsPanel", "orders"),
    "items": QT_TRANSLATE_NOOP("MetricsPanel", "items"),
    "buyers": QT_TRANSLATE_NOOP("MetricsPanel", "buyers"),
    "gmv": QT_TRANSLATE_NOOP("MetricsPanel", "GMV"),
    "avg_watch_s": QT_TRANSLATE_NOOP("MetricsPanel", "avg watch time"),
}


def sample_text(sample: Sample) -> str:
    """What a quick entry took, in words: 成交额 ¥627,000 · 在线 3,500."""
    parts = []
    for name, value in sample.present().items():
        if name == "gmv":
            shown = f"¥{value:,.2f}".removesuffix(".00")
        elif name == "avg_watch_s":
            shown = watch_time_text(value)
        else:
            shown = f"{value:,}"
        parts.append(f"{tr(FIELD_TEXT[name])} {shown}")
    return " · ".join(parts)


def tile_title(tile: Tile) -> str:
    return tr(TILE_TITLE[tile])


def tile_formula(tile: Tile, basis: GpmBasis) -> str:
    formula = tr(GPM_FORMULA[basis]) if tile is Tile.GPM else tr(TILE_FORMULA[tile])
    return formula + "\n" + tr(CHANGE_NOTE)


def _money(text: str) -> str:
    """Whole yuan: an alert is read at a glance."""
    try:
        return f"{Decimal(text):,.0f}"
    except ArithmeticError:
        return text


def alert_text(alert: MetricAlert) -> str:
    code, p = alert.code, alert.param
    template = tr(ALERT_TEXT[code])
    if code is MetricAlertCode.ONLINE_DROP:
        return fill(template, p("drop_pct"), p("window_s"), p("from_online"), p("to_online"))
    if code is MetricAlertCode.PACE_BEHIND:
        return fill(template, p("behind_pct"), _money(p("actual")), _money(p("planned")), _money(p("behind")))
    if code is MetricAlertCode.CONVERSION_FALL:
        window_min = int(p("window_s", "0") or 0) // 60
        return fill(template, tr(BASIS_TEXT.get(p("basis"), p("basis"))), p("fall_pct"), p("earlier_pct"),
                    p("recent_pct"), window_min)
    if code is MetricAlertCode.SOURCE_SILENT:
        return fill(template, source_text(p("source")), p("silent_s"))
    names = []
    for value in filter(None, p("figures").split(",")):
        try:
            names.append(tr(FIGURE_TEXT[HealthFigure(value)]))
        except ValueError:
            names.append(value)
    return fill(template, "、".join(names))


def source_text(source: str) -> str:
    return tr(SOURCE_TEXT[source]) if source in SOURCE_TEXT else source


def marker_text(marker: Marker) -> str:
    p = marker.param
    template = tr(MARKER_TEXT[marker.kind])
    if marker.kind is MarkerKind.PUSH:
        return fill(template, p("link_no"), p("title")).strip()
    if marker.kind is MarkerKind.SCENE:
        return fill(template, p("scene"))
    if marker.kind is MarkerKind.FLASH_SALE:
        return fill(template, p("seconds"))
    try:
        kind = tr(INCIDENT_TEXT[IncidentType(p("type"))])
    except ValueError:
        kind = p("type")
    return fill(template, kind, p("note")).strip()


def entry_error_text(error: QuickEntryError) -> str:
    template = tr(ENTRY_TEXT[error.code])
    if error.code is QuickEntryCode.UNKNOWN_FIELD:
        known = "、".join(names[0] for names in FIELD_NAMES.values())
        return fill(template, error.token, known)
    return fill(template, error.token)
