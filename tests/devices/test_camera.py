"""Cameras through OpenCV, with generated video files and a local network camera standing in for devices."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest

try:
    import cv2  # noqa: F401
except ImportError as exc:  # the same rule as the fixtures: a broken set-up on CI, a skip elsewhere
    if os.environ.get("CI") == "true":
        pytest.fail(f"OpenCV is not installed: {exc}", pytrace=False)
    pytest.skip(f"OpenCV is not installed (pip install 'opencv-python-headless<5'): {exc}", allow_module_level=True)

from liveconsole.core.checks import Verdict, judge_camera  # noqa: E402
from liveconsole.devices.camera import (  # noqa: E402
    DEVICE,
    FILE,
    URL,
    CameraError,
    list_sources,
    open_camera,
    parse_source,
)
from liveconsole.devices.runner import check_camera  # noqa: E402
from tests.helpers.waiting import wait_until  # noqa: E402

# The row each case must turn amber or red; every other row passes.
CASES = {
    "normal": {},
    "dark": {"camera.brightness": (Verdict.FAIL, "camera.too_dark"),
             "camera.sharpness": (Verdict.WARN, "camera.sharpness_unknown")},
    "over_exposed": {"camera.brightness": (Verdict.FAIL, "camera.over_exposed"),
                     "camera.sharpness": (Verdict.WARN, "camera.sharpness_unknown")},
    "blurred": {"camera.sharpness": (Verdict.WARN, "camera.blurry")},
    "frozen": {"camera.frozen": (Verdict.FAIL, "camera.frozen")},
    "low_fps": {"camera.fps": (Verdict.FAIL, "camera.low_fps")},
    "small": {"camera.resolution": (Verdict.WARN, "camera.low_resolution")},
}


# What the reader measures for the frame rate of a case, where it matters.
FPS = {"normal": 30.0, "low_fps": 10.0, "small": 30.0}


@pytest.mark.parametrize("case", list(CASES))
def test_each_video_case_gets_its_verdict(video, case):
    # A frozen picture only counts after 2 s without change; the other faults show at once.
    watch = 2.8 if case == "frozen" else 1.2
    measured = check_camera(str(video(case)), watch)
    got = {item.id: (item.verdict, item.message_code) for item in judge_camera(measured)}
    assert len(got) == 6, got
    expected = CASES[case]
    for item_id, outcome in got.items():
        if item_id in expected:
            assert outcome == expected[item_id], (item_id, got)
        else:
            assert outcome[0] is Verdict.PASS, (item_id, got)
    if case in FPS:
        assert measured.fps == pytest.approx(FPS[case], rel=0.1)


def test_opening_reports_its_stages_in_order(video):
    stages: list[str] = []
    camera = open_camera(str(video("normal")), on_progress=lambda p: stages.append(p.stage)).result(10)
    try:
        assert wait_until(lambda: "opened" in stages, 5)
        distinct = [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s]
        assert distinct == ["opening", "first_frame", "opened"]
    finally:
        camera.close()


def test_frames_come_as_bgr_arrays_with_a_display_sized_copy(video):
    camera = open_camera(str(video("normal")), preview_size=(640, 360)).result(10)
    try:
        assert wait_until(lambda: camera.latest().number >= 2, 5)
        frame = camera.latest()
        assert frame.image.shape == (720, 1280, 3) and frame.image.dtype.name == "uint8"
        assert frame.image.flags["C_CONTIGUOUS"]
        assert frame.preview.shape == (360, 640, 3) and frame.preview.flags["C_CONTIGUOUS"]
    finally:
        camera.close()


def test_a_video_file_loops_like_a_camera_that_never_stops(video):
    camera = open_camera(str(video("low_fps"))).result(10)  # 10 frames: one second
    try:
        assert wait_until(lambda: camera.latest().number > 15, 5)
        assert not camera.lost
    finally:
        camera.close()


def test_a_missing_file_fails_to_open():
    with pytest.raises(CameraError) as failure:
        open_camera("/nonexistent/rehearsal.avi").result(5)
    assert failure.value.code == "camera.open_failed"


def test_a_device_index_without_a_camera_is_not_found():
    measured = check_camera("9", 0.5)
    assert measured.error == "camera.not_found"
    assert judge_camera(measured)[0].verdict is Verdict.FAIL


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A network camera address that accepts the connection and never says anything."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/video.mjpg"
    finally:
        stop.set()
        thread.join(5)
        for conn in accepted:
            conn.close()  # the blocked open sees the end of the stream and gives up
        listener.close()


def test_a_camera_that_does_not_answer_in_time_fails_with_open_timeout(silent_server):
    stages: list[str] = []
    started = time.monotonic()
    with pytest.raises(CameraError) as failure:
        open_camera(silent_server, timeout=0.6, on_progress=lambda p: stages.append(p.stage)).result(5)
    assert failure.value.code == "camera.open_timeout"
    assert time.monotonic() - started < 3
    assert stages.count("opening") >= 2 and stages[-1] == "failed"  # progress ticks while it waits


def test_a_network_camera_that_stops_sending_is_reported_lost(mjpeg_camera):
    url, stop_sending = mjpeg_camera
    lost_codes: list[str] = []
    camera = open_camera(url).result(10)
    camera.events.lost.connect(lost_codes.append)
    try:
        assert wait_until(lambda: camera.latest().number >= 5, 5)
        assert not camera.lost
        stop_sending()
        assert wait_until(lambda: camera.lost, 5)
        assert wait_until(lambda: lost_codes == ["camera.lost"], 5)
        items = {item.id: item for item in judge_camera(camera.measurement())}
        assert (items["camera.open"].verdict, items["camera.open"].message_code) == (Verdict.FAIL, "camera.lost")
    finally:
        camera.close()


@pytest.fixture
def mjpeg_camera(video) -> Iterator[tuple[str, object]]:
    """An IP camera's MJPEG stream over HTTP, 25 pictures a second until told to stop."""
    import http.server

    import cv2

    capture = cv2.VideoCapture(str(video("small")))
    pictures = []
    while True:
        ok, image = capture.read()
        if not ok:
            break
        pictures.append(cv2.imencode(".jpg", image)[1].tobytes())
    capture.release()
    stop = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
            self.end_headers()
            number = 0
            while not stop.is_set():
                picture = pictures[number % len(pictures)]
                self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n%s\r\n"
                                 % (len(picture), picture))
                number += 1
                stop.wait(0.04)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/video.mjpg", stop.set
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_sources_are_parsed_as_devices_urls_or_files():
    assert parse_source("0").kind == DEVICE and parse_source(2).index == 2
    assert parse_source("rtsp://10.0.0.5:554/live").kind == URL
    assert parse_source("C:\\rehearsal\\day1.mp4").kind == FILE
    assert parse_source("/tmp/排练.avi").name == "排练.avi"
    with pytest.raises(ValueError):
        parse_source("  ")


def test_listing_sources_adds_rehearsal_files_and_urls_after_the_devices(video):
    path = str(video("normal"))
    sources = list_sources(max_index=2, extra=[path, "http://10.0.0.5/video.mjpg"])
    assert [s.kind for s in sources[-2:]] == [FILE, URL]
    assert sources[-2].spec == path
    assert all(s.kind == DEVICE for s in sources[:-2])
