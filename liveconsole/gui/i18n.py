"""Choosing the UI language and installing its Qt translators (ours and Qt's own)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def resolve_language(setting: str) -> str:
    """'auto' becomes zh_CN on a Chinese system and en elsewhere."""
    if setting in LANGUAGES:
        return setting
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translators:
    """Owns the installed translators so the language can change while the app runs."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def uninstall(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()

    def install(self, language: str) -> bool:
        """Install `language`; returns False when its .qm file is missing (English is shown)."""
        self.uninstall()
        self.language = language
        if language == "en":
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            return True
        ours = QTranslator()
        found = ours.load(str(TRANSLATIONS_DIR / f"liveconsole_{language}.qm"))
        if found:
            QCoreApplication.installTranslator(ours)
            self._installed.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        if qtbase.load(f"qtbase_{language}", qt_dir):
            QCoreApplication.installTranslator(qtbase)
            self._installed.append(qtbase)
        # Retranslate every open widget now rather than on a later event-loop turn.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return found
