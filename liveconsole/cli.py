"""The `liveconsole` command: runs the app, or a headless subcommand on the same core."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from liveconsole import __version__

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="liveconsole", description="LiveConsole 直播中控台")
    parser.add_argument("--version", action="version", version=f"liveconsole {__version__}")
    parser.add_argument("--db", help="database URL or SQLite file (default: LIVECONSOLE_DB, else the user data dir)")
    parser.add_argument("--demo", action="store_true", help="run on a temporary database with the sample session")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="UI language for this run")
    parser.add_argument("--obs", help="OBS websocket, ws://HOST:PORT (default: the setting, ws://127.0.0.1:4455)")
    commands = parser.add_subparsers(dest="command")

    session = commands.add_parser("session", help="sessions (场次)").add_subparsers(dest="action", required=True)
    create = session.add_parser("create", help="create a session")
    create.add_argument("name")
    create.add_argument("--platform", default="")
    create.add_argument("--start", help="planned start, ISO 8601 (e.g. 2026-06-18T20:00+08:00)")
    create.add_argument("--minutes", type=int, help="planned length in minutes")
    create.add_argument("--gmv-target", help="GMV target in yuan (100万 and 1000000 both work)")
    create.add_argument("--db", dest="sub_db")
    events = session.add_parser("events", help="print a session's event log, one JSON object per line")
    events.add_argument("--session", required=True)
    events.add_argument("--json", action="store_true", help="JSON lines (the only format)")
    events.add_argument("--db", dest="sub_db")

    products = commands.add_parser("products", help="product library and lineups").add_subparsers(
        dest="action", required=True)
    for action in ("import", "export"):
        sub = products.add_parser(action, help=f"{action} .xlsx or .csv")
        sub.add_argument("file", type=Path)
        sub.add_argument("--session", help="the session whose lineup this is")
        sub.add_argument("--db", dest="sub_db")

    script = commands.add_parser("script", help="a session's script (整场脚本)").add_subparsers(
        dest="action", required=True)
    for action in ("import", "export"):
        sub = script.add_parser(action, help=f"{action} .xlsx or .csv")
        sub.add_argument("file", type=Path)
        sub.add_argument("--session", required=True)
        sub.add_argument("--db", dest="sub_db")

    obs = commands.add_parser("obs", help="OBS Studio over obs-websocket").add_subparsers(dest="action", required=True)
    obs_status = obs.add_parser("status", help="print OBS's version, scenes and output state")
    obs_status.add_argument("--json", action="store_true", help="print one JSON object (the only format)")
    obs_status.add_argument("--obs", dest="sub_obs")
    obs_switch = obs.add_parser("switch", help="make SCENE the program scene")
    obs_switch.add_argument("scene")
    obs_switch.add_argument("--obs", dest="sub_obs")

    check = commands.add_parser("check", help="run the pre-live device checklist without a window")
    check.add_argument("--json", action="store_true", help="print one JSON object (the only format)")
    check.add_argument("--camera", help="camera index, video file or URL; 'none' skips it (default: camera 0)")
    check.add_argument("--audio-in", help="microphone: PortAudio index or part of its name; 'none' skips it")
    check.add_argument("--audio-out", help="speaker: PortAudio index or part of its name; 'none' skips it")
    check_obs = check.add_mutually_exclusive_group()
    check_obs.add_argument("--obs", dest="sub_obs", help="OBS websocket, ws://HOST:PORT (default: ws://127.0.0.1:4455)")
    check_obs.add_argument("--no-obs", action="store_true", help="leave OBS out of the check")
    check.add_argument("--scene", action="append", default=[], help="a scene OBS must have (repeatable)")
    check.add_argument("--server", help="the stream server, HOST:PORT or rtmp://HOST/..., for a TCP connect test")
    check.add_argument("--seconds", type=float, default=7.0,
                       help="about how long the check takes: 2/7 quiet, 5/7 speaking, camera throughout")
    check.add_argument("--db", dest="sub_db")
    check.add_argument("--session", help="save the report with this session")

    serve = commands.add_parser("serve", help="run the loopback ingest API for a session without a window")
    serve.add_argument("--session", required=True)
    serve.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--db", dest="sub_db")
    metrics = commands.add_parser("metrics", help="live metrics").add_subparsers(dest="action", required=True)
    summary = metrics.add_parser("summary", help="derived metrics and pace of a session")
    summary.add_argument("--session", required=True)
    summary.add_argument("--json", action="store_true", help="print one JSON object (the only format)")
    summary.add_argument("--db", dest="sub_db")

    shot = commands.add_parser("screenshot", help="render a window offscreen to a PNG")
    shot.add_argument("window", choices=("main", "obs", "queue", "prompter", "script", "devices", "metrics"))
    shot.add_argument("--obs", dest="sub_obs")
    shot.add_argument("out", type=Path)
    shot.add_argument("--demo", action="store_true", dest="sub_demo")
    shot.add_argument("--db", dest="sub_db")
    return parser


def _db(args: argparse.Namespace) -> str | None:
    return getattr(args, "sub_db", None) or args.db


def _emit(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=str))


def _language(args: argparse.Namespace) -> str:
    if args.lang:
        return args.lang
    from liveconsole.gui.i18n import resolve_language
    from liveconsole.store.settings import Settings, default_path

    return resolve_language(Settings(default_path())["language"])


def _install_texts(args: argparse.Namespace):
    from PySide6.QtCore import QCoreApplication

    from liveconsole.gui.i18n import Translators

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    translators = Translators()
    translators.install(_language(args))
    return app, translators


def _session_create(args: argparse.Namespace) -> int:
    from liveconsole.core.session import Session
    from liveconsole.io.numbers import parse_money
    from liveconsole.store.repositories import SessionExists
    from liveconsole.workspace import Workspace

    try:
        start = datetime.fromisoformat(args.start) if args.start else None
        if start is not None and start.tzinfo is None:
            start = start.astimezone()
        target = parse_money(args.gmv_target) if args.gmv_target else None
        session = Session(args.name, platform=args.platform, planned_start=start,
                          planned_minutes=args.minutes, gmv_target=target)
    except ValueError as exc:
        print(f"liveconsole: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    workspace = Workspace.open(_db(args))
    try:
        created = workspace.create_session(session)
    except SessionExists:
        print(f"liveconsole: session exists: {args.name}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        workspace.close()
    _emit({"id": created.id, "name": created.name, "platform": created.platform,
           "planned_start": created.planned_start.isoformat() if created.planned_start else None,
           "planned_minutes": created.planned_minutes,
           "gmv_target": str(created.gmv_target) if created.gmv_target is not None else None})
    return EXIT_OK


def _session_events(args: argparse.Namespace) -> int:
    workspace, session = _session_or_exit(args)
    if workspace is None:
        return EXIT_BAD_INPUT
    try:
        for event in workspace.events.events(session.id):
            _emit({"seq": event.seq, "type": event.type, "wall_time": event.wall_time.isoformat(),
                   "mono_ns": event.mono_ns, "payload": event.payload})
    finally:
        workspace.close()
    return EXIT_OK


def _transfer(args: argparse.Namespace, do_export, do_import, summary) -> int:
    """Shared by products and scripts: export, or an all-or-nothing import with the problems on stderr."""
    from liveconsole.io.problems import ImportFailed
    from liveconsole.workspace import ScriptStarted, UnknownSession, Workspace

    workspace = Workspace.open(_db(args))
    try:
        if args.action == "export":
            count = do_export(workspace)
            _emit({"exported": count, "file": str(args.file), "session": args.session})
            return EXIT_OK
        outcome = do_import(workspace)
    except UnknownSession as exc:
        _app, _tr = _install_texts(args)
        from liveconsole.gui.problem_texts import unknown_session_text

        print(unknown_session_text(str(exc.args[0])), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ScriptStarted:
        print(f"liveconsole: the script of {args.session} has started and is kept", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ImportFailed as exc:
        _app, _tr = _install_texts(args)
        from liveconsole.gui.problem_texts import problem_line

        for problem in exc.problems:
            print(problem_line(problem), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        workspace.close()
    _app, _tr = _install_texts(args)
    from liveconsole.gui.problem_texts import problem_json

    result = outcome.result
    _emit({"imported": outcome.imported, "file": str(args.file), "encoding": result.encoding,
           "sheet": result.sheet, "header_row": result.header_row, "session": args.session,
           "warnings": [problem_json(w) for w in outcome.warnings], **summary(outcome)})
    return EXIT_OK


def _script(args: argparse.Namespace) -> int:
    return _transfer(args, lambda w: w.export_script(args.file, args.session),
                     lambda w: w.import_script(args.file, args.session),
                     lambda outcome: {"segments": outcome.imported,
                                      "product_scripts": len(outcome.result.script.product_scripts)})


def _products(args: argparse.Namespace) -> int:
    return _transfer(args, lambda w: w.export_products(args.file, args.session),
                     lambda w: w.import_products(args.file, args.session), lambda _outcome: {})


def _obs_url(args: argparse.Namespace) -> str | None:
    return getattr(args, "sub_obs", None) or args.obs


def _obs(args: argparse.Namespace) -> int:
    from liveconsole.core.obs import ObsError
    from liveconsole.obs.status import ObsUnavailable, status, switch

    try:
        if args.action == "status":
            _emit(status(_obs_url(args)))
        else:
            switch(_obs_url(args), None, args.scene)
            _emit({"switched": args.scene})
    except ObsUnavailable as exc:
        _emit({"connected": False, "reason": exc.reason, "detail": str(exc)})
        print(f"liveconsole: OBS unavailable ({exc.reason}): {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ObsError as exc:
        print(f"liveconsole: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ValueError as exc:
        print(f"liveconsole: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from liveconsole.core.checks import Verdict
    from liveconsole.devices.runner import CheckOptions, parse_server
    from liveconsole.obs.status import DEFAULT_URL, parse_obs_url

    def device(value: str | None) -> str | None:
        return None if value is not None and value.strip().lower() == "none" else (value or "default")

    try:
        if not 0 < args.seconds <= 600:
            raise ValueError("--seconds must be more than 0 and at most 600")
        obs_url = None if args.no_obs else (_obs_url(args) or DEFAULT_URL)
        if obs_url is not None:
            parse_obs_url(obs_url)
        if args.server:
            parse_server(args.server)
    except ValueError as exc:
        print(f"liveconsole: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    workspace = session = None
    if args.session:  # looked up before the check, so a typo costs no seven seconds
        workspace, session = _session_or_exit(args)
        if workspace is None:
            return EXIT_BAD_INPUT
    try:
        _app, _tr = _install_texts(args)
        from liveconsole.devices.runner import run_checks
        from liveconsole.gui.check_texts import item_json, phase_prompt

        options = CheckOptions(camera=device(args.camera), audio_in=device(args.audio_in),
                               audio_out=device(args.audio_out), obs_url=obs_url, required_scenes=tuple(args.scene),
                               server=args.server, seconds=args.seconds)
        report = run_checks(options, on_phase=lambda phase: print(phase_prompt(phase), file=sys.stderr, flush=True))
        if workspace is not None and session is not None:
            from liveconsole.store.check_reports import CheckReportStore

            CheckReportStore(workspace.db).save_report(session.id, report)  # type: ignore[arg-type]
    finally:
        if workspace is not None:
            workspace.close()
    _emit({"verdict": report.verdict.value, "items": [item_json(item) for item in report.items]})
    return EXIT_FAILED if report.verdict is Verdict.FAIL else EXIT_OK


def _session_or_exit(args: argparse.Namespace):
    from liveconsole.workspace import UnknownSession, Workspace

    workspace = Workspace.open(_db(args))
    try:
        return workspace, workspace.session_named(args.session)
    except UnknownSession:
        workspace.close()
        print(f"liveconsole: no session named {args.session}", file=sys.stderr)
        return None, None


def _serve(args: argparse.Namespace) -> int:
    """A collector PC: the ingest API until SIGINT/SIGTERM; the first stdout line says where and with what token."""
    import signal
    import threading

    from liveconsole.sources.serve import serve
    from liveconsole.store.metrics import MetricStore

    workspace, session = _session_or_exit(args)
    if workspace is None:
        return EXIT_BAD_INPUT
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: stop.set())
    try:
        saved = serve(MetricStore(workspace.db), session.id, stop=stop, announce=lambda info: _emit(info) or
                      sys.stdout.flush(), port=args.port)
    finally:
        workspace.close()
    _emit({"saved": saved})
    return EXIT_OK


def _metrics_summary(args: argparse.Namespace) -> int:
    from liveconsole.core.metrics import PacePlan, summarize
    from liveconsole.store.metrics import MetricStore

    workspace, session = _session_or_exit(args)
    if workspace is None:
        return EXIT_BAD_INPUT
    try:
        samples = MetricStore(workspace.db).samples(session.id)
    finally:
        workspace.close()
    _emit(summarize(samples, PacePlan.from_session(session)).as_json())
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "session":
        return _session_events(args) if args.action == "events" else _session_create(args)
    if args.command == "products":
        return _products(args)
    if args.command == "obs":
        return _obs(args)
    if args.command == "script":
        return _script(args)
    if args.command == "check":
        return _check(args)
    if args.command == "serve":
        return _serve(args)
    if args.command == "metrics":
        return _metrics_summary(args)
    from liveconsole import app

    launch = app.Launch(db=_db(args), demo=args.demo or getattr(args, "sub_demo", False), language=args.lang,
                        obs_url=_obs_url(args))
    if args.command == "screenshot":
        return app.screenshot(args.window, args.out, launch)
    return app.run(launch)
