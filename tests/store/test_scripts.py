"""Session scripts survive a trip through the database unchanged, and are replaced whole."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveconsole.core.products import MAX_COUNT
from liveconsole.core.script import InteractionKind, ProductScript, Script, Segment, SegmentType
from liveconsole.core.session import Session
from liveconsole.store import scripts as store_scripts
from liveconsole.store.models import ProductScriptRow, ScriptSegmentRow, SessionRow
from liveconsole.store.repositories import SessionStore
from liveconsole.store.scripts import ScriptStore

SCRIPT = Script(
    (
        Segment("开场", 300, SegmentType.OPENING, scene_cue="全景", talking_points=("问好", "预告福袋")),
        Segment("链接2-3", 690, link_nos=(2, 3), scene_cue="商品台", notes="主推\n第二行"),
        Segment("整点福袋", 300, SegmentType.INTERACTION, planned_start_s=3600, interaction=InteractionKind.LUCKY_BAG),
        Segment("收尾", 600, SegmentType.CLOSING),
    ),
    (
        ProductScript(3, "CG-JH30", "澄光 377美白精华液", ("澄光美白线",), ("377", "烟酰胺"), ("送小样",),
                      ("日常299",), ("快拍",)),
        ProductScript(link_no=7, selling_points=("两大瓶",)),
    ),
    time(20, 0),
)

# PostgreSQL text cannot hold NUL, and lone surrogates are not UTF-8.
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20)
title = text.filter(str.strip)
lines = st.lists(text, max_size=3).map(tuple)
segments = st.builds(
    Segment,
    title=title,
    planned_duration_s=st.integers(1, 12 * 3600),
    type=st.sampled_from(SegmentType),
    planned_start_s=st.none() | st.integers(0, MAX_COUNT),
    link_nos=st.lists(st.integers(0, MAX_COUNT), max_size=4).map(tuple),
    talking_points=lines,
    scene_cue=st.none() | title,
    interaction=st.none() | st.sampled_from(InteractionKind),
    notes=text,
)
product_scripts = st.builds(
    ProductScript, link_no=st.none() | st.integers(0, MAX_COUNT), sku=text, title=text, brand_intro=lines,
    selling_points=lines, benefits=lines, price_anchor=lines, call_to_action=lines,
)
scripts = st.builds(
    Script,
    segments=st.lists(segments, max_size=5).map(tuple),
    product_scripts=st.lists(product_scripts, max_size=3).map(tuple),
    start_time=st.none() | st.times().map(lambda t: t.replace(microsecond=0)),
)
per_database = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def script_store(db) -> ScriptStore:
    return ScriptStore(db)


@pytest.fixture
def session_id(db) -> int:
    return SessionStore(db).create_session(Session("6月18日 美妆专场")).id


def test_a_session_without_a_saved_script_has_none(script_store, session_id):
    assert script_store.script(session_id) is None


def test_a_saved_script_reads_back_equal(script_store, session_id):
    script_store.save_script(session_id, SCRIPT)
    assert script_store.script(session_id) == SCRIPT


def test_an_empty_script_is_a_script_not_none(script_store, session_id):
    script_store.save_script(session_id, Script())
    assert script_store.script(session_id) == Script()


@per_database
@given(script=scripts)
def test_any_script_reads_back_with_every_field_equal(script_store, session_id, script):
    script_store.save_script(session_id, script)
    assert script_store.script(session_id) == script


def test_saving_again_replaces_the_whole_script(script_store, session_id, db):
    script_store.save_script(session_id, SCRIPT)
    shorter = Script((Segment("只有一段", 60),))
    script_store.save_script(session_id, shorter)
    assert script_store.script(session_id) == shorter
    with db.session(readonly=True) as orm:
        assert orm.query(ScriptSegmentRow).count() == 1
        assert orm.query(ProductScriptRow).count() == 0


def test_a_save_that_fails_halfway_leaves_the_script_before_it(script_store, session_id, monkeypatch):
    script_store.save_script(session_id, SCRIPT)
    calls = []

    def failing_row(*args):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return store_scripts.ScriptSegmentRow(**{
            "session_id": args[0], "position": args[1], "title": args[2].title, "type": args[2].type.value,
            "planned_duration_s": args[2].planned_duration_s, "link_nos": [], "talking_points": [], "notes": "",
        })

    monkeypatch.setattr(store_scripts, "_segment_row", failing_row)
    with pytest.raises(RuntimeError):
        script_store.save_script(session_id, Script((Segment("a", 60), Segment("b", 60))))
    assert script_store.script(session_id) == SCRIPT


def test_saving_for_an_unknown_session_raises_key_error(script_store):
    with pytest.raises(KeyError):
        script_store.save_script(404, SCRIPT)


def test_each_session_keeps_its_own_script(script_store, session_id, db):
    other = SessionStore(db).create_session(Session("6月20日 护肤专场")).id
    script_store.save_script(session_id, SCRIPT)
    script_store.save_script(other, Script((Segment("开场", 60),)))
    assert script_store.script(session_id) == SCRIPT
    assert len(script_store.script(other)) == 1


def test_deleting_the_script_or_the_session_removes_every_row(script_store, session_id, db):
    script_store.save_script(session_id, SCRIPT)
    script_store.delete_script(session_id)
    assert script_store.script(session_id) is None
    script_store.delete_script(session_id)  # nothing to delete is fine
    script_store.save_script(session_id, SCRIPT)
    with db.session() as orm:
        orm.delete(orm.get(SessionRow, session_id))
    with db.session(readonly=True) as orm:
        assert orm.query(ScriptSegmentRow).count() == orm.query(ProductScriptRow).count() == 0
    assert script_store.script(session_id) is None
