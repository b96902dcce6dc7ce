"""Fixtures shared across the test tree: the PostgreSQL server, a fresh database per test, OBS, cameras as
generated video files and a sound card as a private PulseAudio with virtual devices."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from liveconsole.store.database import Database
    from tests.helpers.obs import ObsServer
    from tests.helpers.postgres import PostgresServer
    from tests.helpers.pulse import PulseServer, Tone, VirtualSink

# SQLAlchemy and psycopg are imported inside the fixtures: tests without a database start fast.


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    from tests.helpers import postgres

    url = os.environ.get(postgres.ENV_URL)
    if url:
        yield postgres.external_server(url)
        return
    bindir = postgres.find_bindir()
    if bindir is None:
        message = (
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
            f"(apt-get install postgresql, or set {postgres.ENV_URL})"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = postgres.start_private_server(bindir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'liveconsole.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """The database at `db_url`, migrated to the newest schema."""
    from liveconsole.store.database import Database

    database = Database.open(db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def obs_server() -> Iterator[ObsServer]:
    """One real OBS Studio under Xvfb for the session (tests/obs and tests/gui share it)."""
    from tests.helpers import obs

    missing = [name for name, path in (("obs", obs.obs_binary()), ("Xvfb", obs.xvfb_binary())) if path is None]
    if missing:
        _unavailable(f"{' and '.join(missing)} not installed (apt-get install obs-studio xvfb)")
    server = obs.start_private_obs()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def obs(obs_server: ObsServer) -> ObsServer:
    """The session's OBS, running again if a test before killed it."""
    if obs_server.obs_pid is None:
        obs_server.start()
    return obs_server


def _unavailable(message: str) -> None:
    """On CI a missing real component is a broken set-up; on a developer's machine, a skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def video(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """`video(case)`: the path of that case's generated file (tests/helpers/videos.py), made once a session."""
    try:
        import cv2  # noqa: F401
    except ImportError as exc:
        _unavailable(f"OpenCV is not installed (pip install 'opencv-python-headless<5'): {exc}")
    from tests.helpers.videos import CASES, write_video

    folder = tmp_path_factory.mktemp("videos")
    made: dict[str, Path] = {}

    def get(case: str) -> Path:
        if case not in made:
            made[case] = write_video(folder / f"{case}.avi", CASES[case])
        return made[case]

    return get


@pytest.fixture(scope="session")
def pulse() -> Iterator[PulseServer]:
    """A private PulseAudio for the session; PortAudio in this process talks to it (PULSE_SERVER)."""
    from tests.helpers import pulse as helper

    missing = [name for name in ("pulseaudio", "pactl", "pacat") if shutil.which(name) is None]
    if missing:
        _unavailable(f"{' and '.join(missing)} not installed (apt-get install pulseaudio pulseaudio-utils)")
    from liveconsole.devices.audio import AudioError, refresh_devices

    server = helper.start_private_pulse()
    saved = os.environ.get("PULSE_SERVER")
    os.environ.update(server.env)
    try:
        try:
            refresh_devices()  # PortAudio lists devices once; let it find the pulse device now
        except AudioError as exc:
            _unavailable(f"PortAudio is not usable (apt-get install libportaudio2): {exc}")
        yield server
    finally:
        server.stop()
        if saved is None:
            os.environ.pop("PULSE_SERVER", None)
        else:
            os.environ["PULSE_SERVER"] = saved


class Speaker:
    """The virtual speaker whose monitor is the default microphone; tones stop when the test ends."""

    def __init__(self, server: PulseServer, sink: VirtualSink) -> None:
        self.server = server
        self.sink = sink
        self._tones: list[Tone] = []

    def tone(self, volume: float = 1.0, frequency: float = 1000.0) -> Tone:
        """A steady sine of amplitude 0.5 × volume (volume 2.0: full scale)."""
        tone = self.server.sine(self.sink, frequency, volume)
        self._tones.append(tone)
        return tone

    def stop(self, tone: Tone) -> None:
        self._tones.remove(tone)
        self.server.unload(tone.module)

    def stop_all(self) -> None:
        for tone in list(self._tones):
            self.stop(tone)


@pytest.fixture(scope="session")
def main_sink(pulse: PulseServer) -> VirtualSink:
    return pulse.null_sink()


@pytest.fixture
def speaker(pulse: PulseServer, main_sink: VirtualSink) -> Iterator[Speaker]:
    pulse.use(main_sink)
    speaker = Speaker(pulse, main_sink)
    try:
        yield speaker
    finally:
        speaker.stop_all()
