from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from liveconsole.gui.product_model import COLUMNS
from liveconsole.workspace import Workspace


def _stored(window):
    workspace = Workspace.open(window.workspace.db.url.render_as_string(hide_password=False))
    try:
        session = workspace.session_named(window.prep.session.name)
        return workspace.products.all_products(), workspace.sessions.lineup(session.id)
    finally:
        workspace.close()


def _cell(panel, row, field):
    return panel.proxy.mapFromSource(panel.model.index(row, COLUMNS.index(field)))


def test_typing_a_live_price_saves_it_and_undo_puts_it_back(demo_window, qtbot):
    panel = demo_window.library_panel
    table = panel.form.table
    old = demo_window.prep.library[0].live_price
    table.setCurrentIndex(_cell(panel, 0, "live_price"))
    table.edit(_cell(panel, 0, "live_price"))
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    editor.insert("¥８８.５")  # full-width text arrives committed from the input method, not as keys
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_window.prep.library[0].live_price == Decimal("88.50"))
    assert _cell(panel, 0, "live_price").data() == "¥88.50"
    products, lineup = _stored(demo_window)
    assert products[0].live_price == Decimal("88.50")
    assert lineup[[p.id for p in lineup].index(products[0].id)].live_price == Decimal("88.50")
    demo_window.undo_action.trigger()
    assert demo_window.prep.library[0].live_price == old
    assert _stored(demo_window)[0][0].live_price == old


def test_a_price_that_is_not_a_number_is_refused_with_a_message(demo_window, qtbot):
    panel = demo_window.library_panel
    old = demo_window.prep.library[1].live_price
    with qtbot.waitSignal(panel.message) as said:
        assert not panel.model.setData(panel.model.index(1, COLUMNS.index("live_price")), "便宜")
    assert "便宜" in said.args[0]
    assert demo_window.prep.library[1].live_price == old


def test_added_product_is_saved_and_undo_removes_it(demo_window):
    panel = demo_window.library_panel
    count = len(demo_window.prep.library)
    panel.add_product()
    assert len(demo_window.prep.library) == count + 1
    assert len(_stored(demo_window)[0]) == count + 1
    QApplication.focusWidget() and QApplication.focusWidget().clearFocus()
    demo_window.undo.undo()
    assert len(demo_window.prep.library) == count
    assert len(_stored(demo_window)[0]) == count


def test_removing_a_product_takes_it_out_of_the_lineup_and_undo_restores_both(demo_window):
    panel = demo_window.library_panel
    product = demo_window.prep.library[2]
    lineup_position = demo_window.prep.lineup_index(product)
    panel.select_row(2)
    panel.remove_selected()
    assert product not in demo_window.prep.lineup
    demo_window.undo.undo()
    assert demo_window.prep.library[2].title == product.title
    assert demo_window.prep.lineup_index(product) == lineup_position
    products, lineup = _stored(demo_window)
    assert [p.title for p in lineup] == [p.title for p in demo_window.prep.lineup]


def test_dragging_a_lineup_row_reorders_and_saves(demo_window):
    panel = demo_window.lineup_panel
    titles = [p.title for p in demo_window.prep.lineup]
    model = panel.model
    mime = model.mimeData([model.index(0, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    expected = titles[1:3] + titles[:1] + titles[3:]
    assert [p.title for p in demo_window.prep.lineup] == expected
    assert [model.index(r, 1).data() for r in range(4)] == expected[:4]
    assert [p.title for p in _stored(demo_window)[1]] == expected


def test_ctrl_down_moves_the_selected_lineup_item_and_undo_moves_it_back(demo_window, qtbot):
    panel = demo_window.lineup_panel
    titles = [p.title for p in demo_window.prep.lineup]
    panel.select_row(0)
    panel.form.table.setFocus()
    qtbot.keyClick(panel.form.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [p.title for p in demo_window.prep.lineup][:2] == [titles[1], titles[0]]
    demo_window.undo.undo()
    assert [p.title for p in demo_window.prep.lineup] == titles
    assert [p.title for p in _stored(demo_window)[1]] == titles


def test_library_edits_show_in_the_lineup(demo_window):
    library = demo_window.library_panel
    library.model.setData(library.model.index(0, COLUMNS.index("title")), "改名后的精华")
    position = demo_window.prep.lineup_index(demo_window.prep.library[0])
    assert demo_window.lineup_panel.model.index(position, COLUMNS.index("title")).data() == "改名后的精华"


def test_new_session_has_an_empty_lineup_that_products_can_join(demo_window, qtbot):
    from liveconsole.core.session import Session

    demo_window.workspace.create_session(Session("加场"))
    with qtbot.waitSignal(demo_window.session_loaded, timeout=10000):
        demo_window.load_session("加场")
    assert len(demo_window.prep.lineup) == 0
    demo_window.library_panel.select_row(0)
    demo_window.library_panel.add_selected_to_lineup()
    assert [p.title for p in _stored(demo_window)[1]] == [demo_window.prep.library[0].title]

