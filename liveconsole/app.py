"""The composition root: builds the store, the core and the windows, and wires them together."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Launch:
    db: str | None = None
    demo: bool = False
    language: str | None = None  # overrides the setting for this run
    obs_url: str | None = None  # ws://HOST:PORT, overrides the setting for this run
    settings_path: Path | None = None


def _prepare_environment(offscreen: bool) -> None:
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Qt's own fonts dir is empty in the wheel; point it at the system's so CJK glyphs resolve.
    if Path("/usr/share/fonts").is_dir():
        os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")


def _open_store(launch: Launch, demo_dir: str | None, session_name: str):
    """Runs on a worker thread: opens (and migrates) the store, fills the demo, reads a snapshot."""
    from liveconsole.workspace import Workspace

    url = f"sqlite:///{Path(demo_dir) / 'demo.db'}" if demo_dir else launch.db
    workspace = Workspace.open(url)
    if launch.demo:
        session_name = workspace.fill_demo().name
    return workspace, workspace.snapshot(session_name or None)


def build(launch: Launch, offscreen: bool = False):
    """Create the application and the main window; the store opens after the first paint."""
    _prepare_environment(offscreen)
    from PySide6.QtCore import QTimer

    from liveconsole.core.preparation import Preparation
    from liveconsole.gui.application import create_application
    from liveconsole.gui.i18n import Translators, resolve_language
    from liveconsole.gui.mainwindow import MainWindow
    from liveconsole.gui.taskman import TaskManager
    from liveconsole.store.settings import Settings, default_path

    app = create_application(sys.argv[:1])
    demo_dir = tempfile.mkdtemp(prefix="liveconsole-demo-") if launch.demo else None
    settings_path = launch.settings_path
    if settings_path is None:
        settings_path = Path(demo_dir) / "settings.json" if demo_dir else default_path()
    settings = Settings(settings_path)
    translators = Translators()
    # The sample session is a Chinese room's: the demo speaks Chinese unless told otherwise.
    language = launch.language or ("zh_CN" if launch.demo else settings["language"])
    translators.install(resolve_language(language))
    tasks = TaskManager()
    prep = Preparation()
    window = MainWindow(prep, tasks, settings, translators)
    window.state = {"demo_dir": demo_dir, "tasks": tasks, "obs": None, "card": None, "obs_url": launch.obs_url,
                    "ingest": None}
    room = _build_live_room(window, prep, settings)

    def opened(result) -> None:
        from liveconsole.core.dashboard import ObservedLog

        workspace, snapshot = result
        room.log = ObservedLog(workspace.events)
        room.log.appended.connect(window.metrics_panel.logged)
        window.open_workspace(workspace, snapshot)

    def failed(exc: BaseException) -> None:
        window.store_failed(exc, show_dialog=not offscreen)

    QTimer.singleShot(0, lambda: tasks.run(
        lambda: _open_store(launch, demo_dir, settings["last_session"]), opened, failed))
    QTimer.singleShot(0, lambda: _start_obs(window, launch, settings, tasks))
    QTimer.singleShot(0, lambda: start_ingest(window, settings))
    return app, window


def _build_live_room(window, prep, settings):
    """The live room follows the session the window shows and the lineup as it is edited."""
    from liveconsole.core.live import LiveRoom
    from liveconsole.gui.queue_panel import QueuePanel
    from liveconsole.store.clock import SystemClock

    from liveconsole.core.prompter import AlertKind
    from liveconsole.gui.prompter import PrompterControl

    from liveconsole.gui.keymap import Keymap

    keymap = Keymap(settings)
    window.keymap = keymap
    room = LiveRoom(SystemClock())
    panel = QueuePanel(room, settings, keymap)
    window.set_panel("queue", panel)
    window.queue_panel = panel
    window.room = room
    from liveconsole.gui.script_panel import ScriptPanel, segment_view

    script_panel = ScriptPanel(room, settings, keymap)
    window.set_panel("script", script_panel)
    window.script_panel = script_panel
    script_panel.script_edited.connect(lambda script: _save_script(window, script))
    script_panel.import_requested.connect(lambda: window.ask_script_file(export=False))
    script_panel.export_requested.connect(lambda: window.ask_script_file(export=True))
    window.prompter_control = PrompterControl(window, room, settings, keymap, lambda: segment_view(room))
    _add_metrics_panel(window, settings, keymap, room)
    _add_settings_page(window, settings, keymap)
    _add_devices_panel(window, settings)
    _apply_cue_policy(room, settings)
    room.events.timeline_replaced.connect(lambda timeline: _run_cues(window, room, timeline))
    _run_cues(window, room, room.timeline)
    panel.reminder_due.connect(lambda text: room.alerts.send(AlertKind.REMINDER, text))

    def show(snapshot) -> None:
        session_id = snapshot.session.id if snapshot.session is not None else None
        room.open_session(session_id, snapshot.lineup, snapshot.events, snapshot.script)

    window.snapshot_shown.connect(show)
    for signal in (prep.lineup.events.inserted, prep.lineup.events.removed, prep.lineup.events.moved,
                   prep.lineup.events.reset):
        signal.connect(lambda _event: room.preview_lineup(list(prep.lineup)))
    return room


def _add_metrics_panel(window, settings, keymap, room) -> None:
    """The dashboard follows the shown session; its alerts go to the prompter; sources feed its inbox."""
    from liveconsole.core.dashboard import Dashboard
    from liveconsole.core.prompter import AlertKind
    from liveconsole.gui.metrics_panel import MetricsPanel

    panel = MetricsPanel(Dashboard(), settings, keymap, window.state["tasks"])
    window.set_panel("metrics", panel)
    window.metrics_panel = panel
    panel.alert_to_prompter.connect(lambda text: room.alerts.send(AlertKind.TEXT, text))
    panel.health = lambda: window.obs_panel.verdict if window.obs_panel is not None else None

    def import_trend() -> None:
        session = window.prep.session
        if window.workspace is not None and session is not None:
            window.transfer.ask_import_trend(session.name, settings["last_import_dir"])

    panel.trend_import_requested.connect(import_trend)

    def show(snapshot) -> None:
        from liveconsole.core.metrics import PacePlan
        from liveconsole.sources.inbox import SampleRecorder
        from liveconsole.sources.simulator import lineup_prices

        session = snapshot.session
        if session is None or session.id is None or window.workspace is None:
            panel.open_session(None, [], None, [], None)
            return
        panel.open_session(session.id, snapshot.samples, PacePlan.from_session(session), snapshot.events,
                           SampleRecorder(window.workspace.metrics, session.id), lineup_prices(snapshot.lineup))

    window.snapshot_shown.connect(show)


def start_ingest(window, settings) -> None:
    """The loopback ingest API for browser extensions and scripts, when switched on in the settings."""
    from liveconsole.sources.ingest import SOURCE, IngestServer, new_token

    panel = window.metrics_panel
    if not settings["ingest_enabled"]:
        return
    if len(settings["ingest_token"]) < 16:
        settings["ingest_token"] = new_token()
        settings.save()
    def offer(samples) -> bool:
        return panel.inbox.offer(SOURCE, samples)

    try:
        server = IngestServer(offer, port=settings["ingest_port"], token=settings["ingest_token"])
    except OSError as exc:
        try:  # the port is taken (another window?): any free one, shown in the panel, beats none
            server = IngestServer(offer, port=0, token=settings["ingest_token"])
        except OSError:
            panel.ingest_error = exc.strerror or str(exc)
            return
    server.start()
    window.state["ingest"] = server
    panel.ingest_url = server.url


def _add_devices_panel(window, settings) -> None:
    """The checklist checks the OBS the app uses and the scenes the session's script switches to."""
    from liveconsole.gui.check_texts import check_message
    from liveconsole.gui.devices_panel import DevicesPanel

    def options(camera, audio_in):
        from liveconsole.devices.runner import CheckOptions

        host, port = obs_address(window.state.get("obs_url"), settings)
        scenes = tuple(dict.fromkeys(s.scene_cue for s in window.room.timeline.script if s.scene_cue))
        return CheckOptions(camera=camera, audio_in=audio_in if audio_in is not None else "default",
                            obs_url=f"ws://{host}:{port}", required_scenes=scenes)

    panel = DevicesPanel(window.state["tasks"], options, check_message)
    window.set_panel("devices", panel)
    window.devices_panel = panel

    def save(report) -> None:
        workspace, session = window.workspace, window.prep.session
        if workspace is None or session is None or session.id is None:
            return
        from liveconsole.store.check_reports import CheckReportStore

        store = CheckReportStore(workspace.db)
        window.state["tasks"].run(lambda: store.save_report(session.id, report), lambda _id: None,
                                  lambda exc: window.form.statusbar.showMessage(str(exc)))

    panel.report_ready.connect(save)


def _save_script(window, script) -> None:
    """An edit before live is stored with the session at once, off the UI thread."""
    workspace, session = window.workspace, window.prep.session
    if workspace is None or session is None or session.id is None:
        return
    window.state["tasks"].run(lambda: workspace.scripts.save_script(session.id, script), lambda _r: None,
                              lambda exc: window.form.statusbar.showMessage(str(exc)))


def _apply_cue_policy(room, settings) -> None:
    from liveconsole.core.script import CueMode, CuePolicy

    room.set_cue_policy(CuePolicy(scene=CueMode(settings["cue_scene_mode"]), push=CueMode(settings["cue_push_mode"]),
                                  interaction=CueMode.CONFIRM))


def _run_cues(window, room, timeline) -> None:
    """Carry out the script's cues: a scene switch in OBS (off the UI thread), a push, an interaction."""
    from liveconsole.core.prompter import AlertKind
    from liveconsole.core.queue import QueueError
    from liveconsole.core.script import InteractionCue, InteractionKind, PushCue, SceneCue
    from liveconsole.core.timers import TimerError

    def run(cue) -> None:
        if timeline is not room.timeline:
            return
        if isinstance(cue, SceneCue):
            if window.obs_panel is not None:
                window.obs_panel.switch_scene(cue.scene)
            else:
                window.form.statusbar.showMessage(cue.scene, 5000)
        elif isinstance(cue, PushCue):
            try:
                room.go_live().push_link(cue.link_no)
            except QueueError as exc:
                window.queue_panel.message.emit(str(exc))
        elif isinstance(cue, InteractionCue):
            if cue.kind is InteractionKind.FLASH_SALE:
                try:
                    room.go_live()
                    room.timers.start_flash_sale(window.queue_panel.form.flashSeconds.value())
                except TimerError:
                    pass  # one is running already
            elif cue.kind is InteractionKind.LUCKY_BAG:
                room.alerts.send(AlertKind.LUCKY_BAG)
            else:
                from liveconsole.gui.script_panel import cue_text

                room.alerts.send(AlertKind.REMINDER, cue_text(cue))

    timeline.events.cue.connect(run)


def _add_settings_page(window, settings, keymap) -> None:
    from liveconsole.gui.settings_page import CheatSheet, SettingsPage

    window.cheat_sheet = CheatSheet(settings, keymap, window)
    keymap.bind("key_cheat_sheet", window, window.cheat_sheet.toggle)

    def open_page() -> None:
        window.settings_page = SettingsPage(settings, keymap, window)
        window.settings_page.saved.connect(window.cheat_sheet.refresh)
        window.settings_page.saved.connect(window.queue_panel.retranslate)
        window.settings_page.saved.connect(lambda: _apply_cue_policy(window.room, settings))
        window.settings_page.saved.connect(window.script_panel.refresh)
        window.settings_page.saved.connect(window.metrics_panel.apply_settings)
        window.settings_page.show()

    window.form.actionKeysAndPrompter.triggered.connect(open_page)
    window.open_settings_page = open_page


def _start_card(window, client, bridge, settings, snapshot) -> None:
    """The product card goes into the chosen scene, else the program scene OBS shows first."""
    from liveconsole.obs.card import CardPublisher
    from liveconsole.obs.overlay import ProductOverlay

    if window.state["card"] is not None or window.queue_panel is None:
        return
    scene = settings["obs_overlay_scene"] or snapshot.current_program_scene
    if not scene:
        return
    publisher = CardPublisher(client, ProductOverlay(client, scene))
    window.state["card"] = publisher
    window.queue_panel.set_card(publisher)


def obs_address(url: str | None, settings) -> tuple[str, int]:
    if url:
        from liveconsole.obs.status import parse_obs_url

        return parse_obs_url(url)
    return settings["obs_host"], settings["obs_port"]


def _start_obs(window, launch: Launch, settings, tasks) -> None:
    """The OBS client starts after the first paint; the keyring is read off the UI thread."""
    from liveconsole.obs.secrets import load_password, save_password

    host, port = obs_address(launch.obs_url, settings)

    def start(password: str | None) -> None:
        from liveconsole.gui.bridge import ObsBridge
        from liveconsole.gui.obs_panel import ObsPanel
        from liveconsole.obs.client import ObsClient

        client = ObsClient(host, port, password)
        bridge = ObsBridge(client.events, window)
        panel = ObsPanel(client, bridge, tasks, settings,
                         save_password=lambda secret: tasks.run(lambda: save_password(host, port, secret),
                                                                lambda _ok: None, lambda _exc: None))
        window.set_panel("obs", panel)
        window.obs_panel = panel
        window.state["obs"] = (client, bridge)
        bridge.snapshot_changed.connect(lambda snap: _start_card(window, client, bridge, settings, snap))
        bridge.scene_changed.connect(lambda change: _scene_changed(window, change))
        client.start()

    tasks.run(lambda: load_password(host, port), start, lambda _exc: start(None))


def _save_figures(window) -> None:
    """The last second's figures, before the store closes."""
    panel = window.metrics_panel
    panel.drain()
    window.state["tasks"].wait()
    if panel.recorder is not None and window.workspace is not None:
        try:
            panel.recorder.flush()
        except Exception as exc:  # noqa: BLE001 - the database is away: say so, then close
            print(f"figures not saved: {exc}", file=sys.stderr)


def _scene_changed(window, change) -> None:
    from liveconsole.core.obs import SceneRole

    if change.role is SceneRole.PROGRAM:
        window.room.scene_switched(change.scene)


def _close(window) -> None:
    if window.state["card"] is not None:
        window.state["card"].close()
    if window.queue_panel is not None:
        window.queue_panel.ticker.stop()
        window.script_panel.ticker.stop()
        window.devices_panel.close()
        window.metrics_panel.stop()
        window.prompter_control.close()
    if window.state["ingest"] is not None:
        window.state["ingest"].close()  # returns once every acknowledged sample is in the inbox
    _save_figures(window)
    if window.state["obs"] is not None:
        client, bridge = window.state["obs"]
        bridge.detach()
        client.close()
    window.state["tasks"].wait()
    window.translators.uninstall()
    if window.workspace is not None:
        window.workspace.close()
    if window.state["demo_dir"]:
        import shutil

        shutil.rmtree(window.state["demo_dir"], ignore_errors=True)


def _destroy(window) -> None:
    """Delete the widgets now, while Python can still answer their model calls."""
    import shiboken6

    shiboken6.delete(window)


def _freeze_start_up() -> None:
    """What start-up made lives as long as the window: keep it out of the collector's way, so that a
    full collection during the live walks only what the live made."""
    gc.collect()
    gc.freeze()


def run(launch: Launch) -> int:
    app, window = build(launch)
    frozen: list[bool] = []
    window.session_loaded.connect(lambda: frozen or (frozen.append(True), _freeze_start_up()))
    window.show()
    code = app.exec()
    _close(window)
    _destroy(window)
    return code


def _wait_until(app, condition, timeout_s: float) -> bool:
    """Run the event loop until `condition()` holds or the time is up."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: condition() and loop.quit())
    poll.start(20)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    poll.stop()
    return condition()


def _stage_live_session(window) -> None:
    """A mid-session queue for the screenshot: products explained, one sold out, a flash sale running."""
    from liveconsole.core.incidents import IncidentType
    from liveconsole.core.timers import ReminderKind

    panel, room = window.queue_panel, window.room
    queue = room.go_live()
    for _ in range(4):
        queue.push_next()
    queue.mark_sold_out(queue.items[1].key)
    queue.push_next()
    room.timers.start_flash_sale(90)
    room.timers.add_reminder(ReminderKind.LUCKY_BAG, 15 * 60)
    room.timers.add_reminder(ReminderKind.COUPON, 10 * 60, first_in_s=0)
    room.incidents.record(IncidentType.LINK_BROKEN, "3号链接打不开，已重新上架")
    panel._queue_replaced(room.queue)
    panel.tick()
    timeline = room.timeline
    if len(timeline.script) > 3:
        timeline.start()
        timeline.next()
        timeline.next()
        timeline.dismiss()
        window.script_panel.refresh()


def _stage_device_check(app, window, timeout_s: float) -> None:
    """A rehearsal video as the camera, the microphone meter running, and a finished checklist."""
    from liveconsole.devices.rehearsal import write_rehearsal_video

    panel = window.devices_panel
    dock = window.docks["devices"]
    dock.setFloating(True)  # the left dock is narrow; the picture wants room
    dock.resize(1100, 760)
    video = write_rehearsal_video(Path(window.state["demo_dir"] or tempfile.mkdtemp()) / "rehearsal.avi")
    panel.form.cameraSource.setEditText(str(video))
    panel.toggle_camera()
    _wait_until(app, lambda: panel._last_frame >= 0, min(timeout_s, 15.0))
    if panel.form.micSource.count():
        panel.toggle_meter()
    reports = []
    panel.report_ready.connect(reports.append)
    panel.run_check()
    _wait_until(app, lambda: bool(reports), 30.0)
    if panel.form.micSource.count():
        # Mid-check: the last results listed, the check asking the host to speak, its meter moving.
        from liveconsole.gui.check_texts import phase_prompt

        speak = phase_prompt("audio.speak")
        panel.run_check()
        _wait_until(app, lambda: panel.check_meter is not None and panel.form.phaseLabel.text() == speak, 15.0)
    _wait_until(app, lambda: False, 0.5)  # a few more preview frames and meter readings


def _stage_metrics(app, window) -> None:
    """Six simulated hours of the demo session: traffic waves, pushes, flash sales, a few scene switches
    and an incident on the time axis, the alerts that hold at the end."""
    from datetime import timedelta

    from liveconsole.core.dashboard import Marker, MarkerKind
    from liveconsole.core.metrics import PacePlan
    from liveconsole.sources.simulator import AudienceModel, SimEventKind, demo_events, simulate

    panel, session = window.metrics_panel, window.prep.session
    dock = window.docks["metrics"]
    dock.setFloating(True)
    dock.resize(1400, 900)
    seconds = 6 * 3600
    start = session.planned_start
    events = demo_events(seconds, seed=7)
    # A room that sells a little slower than its plan: the question of the night is how far behind.
    samples = simulate(7, start, seconds, events, AudienceModel(buy_rate=0.024))
    lineup = list(window.prep.lineup)
    markers, pushed = [], 0
    for event in events:
        at = start + timedelta(seconds=event.at_s)
        if event.kind is SimEventKind.PUSH and lineup:
            product = lineup[pushed % len(lineup)]
            pushed += 1
            markers.append(Marker(at, MarkerKind.PUSH, (("link_no", str(product.link_no or "")),
                                                          ("title", product.title))))
        elif event.kind is SimEventKind.FLASH_SALE:
            markers.append(Marker(at, MarkerKind.FLASH_SALE, (("seconds", str(int(event.duration_s))),)))
    scenes = (("开场", 0), ("主推特写", 1_800), ("福袋", 5_400), ("主推特写", 9_000), ("稍后回来", 13_500),
              ("主推特写", 13_800), ("收尾", 20_700))
    markers += [Marker(start + timedelta(seconds=s), MarkerKind.SCENE, (("scene", name),)) for name, s in scenes]
    markers.append(Marker(start + timedelta(seconds=13_440), MarkerKind.INCIDENT,
                          (("type", "stream_down"), ("note", "推流中断 40 秒"))))
    panel.open_session(session.id, samples, PacePlan.from_session(session), [], None)
    panel.dashboard.markers = sorted(markers, key=lambda marker: marker.t)
    panel.dashboard.events.reset.emit(None)
    panel.now = lambda: samples[-1].t
    panel.tick()
    panel.form.quickEntry.setText("gmv 62.7w 在线 3500 订单 1280")
    dock.raise_()
    app.processEvents()
    panel.refresh_chart()
    _wait_until(app, lambda: False, 0.3)


def _obs_ready(window) -> bool:
    from liveconsole.core.obs import ConnectionState

    panel = window.obs_panel
    return panel is not None and panel.state is ConnectionState.CONNECTED and panel.verdict is not None


def screenshot(name: str, out: Path, launch: Launch, timeout_s: float = 30.0) -> int:
    """Render a window (or a panel) offscreen once its data is shown, save it as PNG."""
    app, window = build(launch, offscreen=True)
    window.resize(1400, 860)
    loaded = []
    window.session_loaded.connect(lambda: loaded.append(True))
    window.show()
    _wait_until(app, lambda: bool(loaded) or window.store_error is not None, timeout_s)
    if name == "obs":
        window.docks["obs"].raise_()
        _wait_until(app, lambda: _obs_ready(window), min(timeout_s, 15.0))
    if name == "queue":
        window.docks["queue"].raise_()
        if window.store_error is None:
            _stage_live_session(window)
    app.processEvents()
    if name == "devices":
        window.docks["devices"].raise_()
        _stage_device_check(app, window, timeout_s)
    if name == "script":
        window.docks["script"].raise_()
        if window.store_error is None:
            _stage_live_session(window)
    if name == "metrics" and window.store_error is None:
        _stage_metrics(app, window)
    if name == "prompter":
        if window.store_error is None:
            _stage_live_session(window)
        prompter = window.prompter_control.window_for()
        prompter.resize(1920, 1080)
        from liveconsole.core.prompter import AlertKind

        window.room.alerts.send(AlertKind.LUCKY_BAG)
        app.processEvents()
    targets = {"main": window, "obs": window.docks["obs"], "queue": window, "script": window,
               "devices": window.docks["devices"], "metrics": window.docks["metrics"],
               "prompter": window.prompter_control.prompter}
    if name not in targets:
        print(f"unknown window: {name} (known: {', '.join(targets)})", file=sys.stderr)
        _close(window)
        _destroy(window)
        return 2
    ok = targets[name].grab().save(str(out))
    _close(window)
    error = window.store_error
    _destroy(window)
    if error is not None:
        print(str(error), file=sys.stderr)
        return 1
    return 0 if ok else 1
