"""A private PulseAudio server (its own HOME and runtime dir) with virtual sinks, sine tones and
"microphones" that are the sinks' monitors. PortAudio reaches it through ALSA's pulse device.

`start_private_pulse()` returns a `PulseServer`; `env` holds what a client needs (PULSE_SERVER).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

_POLL = 0.02
_names = itertools.count(1)


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            raise RuntimeError(f"PulseAudio: {what} within {timeout:g} s")
        time.sleep(_POLL)


@dataclass
class Tone:
    module: int
    sink_input: int


@dataclass
class VirtualSink:
    """A null sink: what is played into it comes out of its monitor, the test's microphone."""

    name: str
    module: int
    keeper: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def monitor(self) -> str:
        return f"{self.name}.monitor"


@dataclass
class PulseServer:
    home: Path
    socket: Path
    process: subprocess.Popen | None = field(default=None, repr=False)
    sinks: list[VirtualSink] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {"PULSE_SERVER": f"unix:{self.socket}"}

    def pactl(self, *args: str) -> str:
        result = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10,
                                env={**os.environ, **self.env})
        if result.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def answers(self) -> bool:
        try:
            self.pactl("info")
        except (RuntimeError, subprocess.TimeoutExpired):
            return False
        return True

    def sink_inputs(self) -> list[dict]:
        return json.loads(self.pactl("-f", "json", "list", "sink-inputs") or "[]")

    def _sink_latency_us(self, name: str) -> float:
        for sink in json.loads(self.pactl("-f", "json", "list", "sinks") or "[]"):
            if sink["name"] == name and sink.get("state") == "RUNNING":
                return float(sink["latency"]["actual"])
        return float("inf")

    def null_sink(self, make_default: bool = True) -> VirtualSink:
        """A fresh null sink kept running by a silent low-latency stream, so its monitor delivers at once
        (an idle null sink's monitor gives nothing for 1–2 s and renders in big chunks)."""
        name = f"vspeaker{next(_names)}"
        module = int(self.pactl("load-module", "module-null-sink", f"sink_name={name}", "rate=48000").strip())
        sink = VirtualSink(name, module)
        self.sinks.append(sink)
        with open("/dev/zero", "rb") as zeros:  # endless silence
            sink.keeper = subprocess.Popen(
                ["pacat", "--playback", "--raw", f"--device={name}", "--format=s16le",
                 "--rate=48000", "--channels=1", "--latency-msec=10"],
                stdin=zeros, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **self.env})
        # A new null sink first renders in 2 s blocks; once the silent stream's 10 ms request takes hold
        # (about 2 s on), its monitor delivers as a microphone would.
        _wait(lambda: self._sink_latency_us(name) < 50_000, 10, "the sink did not settle to low latency")
        if make_default:
            self.use(sink)
        return sink

    def use(self, sink: VirtualSink) -> None:
        """Make the sink the default output and its monitor the default input (PortAudio's "pulse")."""
        self.pactl("set-default-sink", sink.name)
        self.pactl("set-default-source", sink.monitor)

    def sine(self, sink: VirtualSink, frequency: float = 1000.0, volume: float = 1.0) -> Tone:
        """A steady 0.5-amplitude sine into the sink; `volume` scales it (2.0 reaches full scale)."""
        module = int(self.pactl("load-module", "module-sine", f"sink={sink.name}",
                                f"frequency={frequency:g}").strip())
        found: list[int] = []

        def attached() -> bool:
            found[:] = [int(i["index"]) for i in self.sink_inputs() if str(i.get("owner_module")) == str(module)]
            return bool(found)

        _wait(attached, 10, "the sine did not start")
        tone = Tone(module, found[0])
        if volume != 1.0:
            # In dB: pactl reads a bare "2" as a raw volume step, not as a factor.
            gain = f"{20 * math.log10(volume):.3f}dB" if volume > 0 else "0"
            self.pactl("set-sink-input-volume", str(tone.sink_input), gain)
        return tone

    def unload(self, module: int) -> None:
        self.pactl("unload-module", str(module))

    def remove_sink(self, sink: VirtualSink) -> None:
        """Unplug: the sink and its monitor vanish, with every stream on them."""
        if sink.keeper is not None and sink.keeper.poll() is None:
            sink.keeper.terminate()
            sink.keeper.wait(5)
        if sink in self.sinks:
            self.sinks.remove(sink)
            try:
                self.unload(sink.module)
            except RuntimeError:
                pass  # already gone

    def stop(self) -> None:
        for sink in list(self.sinks):
            if sink.keeper is not None and sink.keeper.poll() is None:
                sink.keeper.terminate()
                sink.keeper.wait(5)
        self.sinks.clear()
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


def start_private_pulse(timeout: float = 15.0) -> PulseServer:
    """pulseaudio with no default modules: only the native socket (no cookie needed) and what tests load."""
    home = Path(tempfile.mkdtemp(prefix="liveconsole-pulse-"))
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    server = PulseServer(home, runtime / "native")
    log = open(home / "pulseaudio.log", "wb")
    server.process = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--use-pid-file=no", "-n", f"--load=module-native-protocol-unix auth-anonymous=1 socket={server.socket}"],
        env={**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)},
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    try:
        _wait(lambda: server.process.poll() is not None or server.answers(), timeout, "the server did not answer")
        if server.process.poll() is not None:
            raise RuntimeError(f"pulseaudio exited: {(home / 'pulseaudio.log').read_text(errors='replace')[-2000:]}")
    except BaseException:
        server.stop()
        raise
    return server
