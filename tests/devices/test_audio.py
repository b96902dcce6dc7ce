"""Microphone meter, guided check and speaker tone against PulseAudio's virtual devices."""

from __future__ import annotations

import os
import threading

import numpy as np
import pytest

from liveconsole.core.checks import DBFS_FLOOR, Verdict, judge_audio_in
from liveconsole.devices.audio import (
    PHASE_QUIET,
    PHASE_SPEAK,
    AudioError,
    Meter,
    check_microphone,
    find_device,
    input_devices,
    measure_microphone,
    output_devices,
    play_test_tone,
)
from tests.helpers.waiting import wait_until


@pytest.fixture
def meter(speaker) -> Meter:
    meter = Meter()
    meter.start()
    try:
        assert wait_until(lambda: meter.cursor > 0, 5), "the virtual microphone delivered nothing"
        yield meter
    finally:
        meter.stop()


def _level_after(meter: Meter, seconds: float) -> tuple[float, float]:
    """RMS and peak (dBFS) of `seconds` of audio arriving from now on."""
    from liveconsole.core.checks import amplitude_dbfs, mean_square_dbfs
    from liveconsole.devices.audio import block_levels

    cursor = meter.cursor
    want = int(meter.samplerate * seconds)
    assert wait_until(lambda: meter.cursor - cursor >= want, seconds + 5)
    samples, _ = meter.read(cursor)
    mean_square, peak = block_levels(samples[:want])
    return mean_square_dbfs(mean_square), amplitude_dbfs(peak)


def _wait_for_level(meter: Meter, above: float) -> bool:
    return wait_until(lambda: meter.reading().rms_dbfs > above, 5)


def _by_id(items):
    return {item.id: (item.verdict, item.message_code, item.value) for item in items}


def test_the_virtual_devices_are_listed_and_found_by_default_index_or_name(pulse):
    inputs, outputs = input_devices(), output_devices()
    assert any(d.name == "pulse" for d in inputs) and any(d.name == "pulse" for d in outputs)
    default = find_device(None, "input")
    assert default.is_default_input
    by_index = find_device(str(default.index), "input")
    assert by_index == default
    assert find_device("PULS", "output").name == "pulse"
    with pytest.raises(AudioError) as failure:
        find_device("no such microphone", "input")
    assert failure.value.code == "audio.in.not_found"


def test_a_steady_half_amplitude_tone_reads_minus_9_03_dbfs_rms(speaker, meter):
    speaker.tone()
    assert _wait_for_level(meter, -20)
    rms, peak = _level_after(meter, 0.5)
    assert rms == pytest.approx(-9.03, abs=0.5)
    assert peak == pytest.approx(-6.02, abs=0.5)
    reading = meter.reading()
    assert reading.rms_dbfs == pytest.approx(-9.03, abs=0.5) and not reading.clipping


def test_silence_reads_the_floor(meter):
    rms, peak = _level_after(meter, 0.3)
    assert rms == DBFS_FLOOR and peak == DBFS_FLOOR


def test_a_full_scale_tone_is_flagged_as_clipping(speaker, meter):
    speaker.tone(volume=2.0)
    assert wait_until(lambda: meter.reading().clipping, 5)
    assert meter.reading().held_peak_dbfs >= -1.0


def test_the_peak_marker_falls_after_the_tone_stops(speaker, meter):
    tone = speaker.tone()
    assert _wait_for_level(meter, -20)
    loud = meter.reading().held_peak_dbfs
    speaker.stop(tone)
    assert wait_until(lambda: meter.reading().rms_dbfs == DBFS_FLOOR, 5)
    assert wait_until(lambda: meter.reading().held_peak_dbfs < loud - 5, 5)


def test_a_clear_voice_after_a_quiet_room_passes_the_guided_check(speaker, meter):
    phases: list[str] = []

    def on_phase(phase: str) -> None:
        phases.append(phase)
        if phase == PHASE_SPEAK:
            speaker.tone(volume=0.5)  # "speech" at −15 dBFS

    measured = check_microphone(meter, 0.4, 1.0, on_phase=on_phase)
    assert phases == [PHASE_QUIET, PHASE_SPEAK]
    got = _by_id(judge_audio_in(measured))
    assert got["audio.in.level"][:2] == (Verdict.PASS, "audio.in.good")
    assert got["audio.in.level"][2] == pytest.approx(-15.05, abs=0.5)
    assert got["audio.in.clipping"][:2] == (Verdict.PASS, "audio.in.no_clipping")
    assert got["audio.in.noise_floor"][:2] == (Verdict.PASS, "audio.in.quiet_background")


def test_a_silent_microphone_fails_the_guided_check_as_silence(speaker, meter):
    got = _by_id(judge_audio_in(check_microphone(meter, 0.2, 0.5)))
    assert got["audio.in.level"] == (Verdict.FAIL, "audio.in.silent", DBFS_FLOOR)


def test_a_full_scale_voice_fails_the_guided_check_as_clipping(speaker, meter):
    measured = check_microphone(meter, 0.2, 0.8,
                                on_phase=lambda phase: phase == PHASE_SPEAK and speaker.tone(volume=2.0))
    got = _by_id(judge_audio_in(measured))
    assert got["audio.in.clipping"][:2] == (Verdict.FAIL, "audio.in.clipping")
    assert measured.clipped_blocks > 0


def test_a_hum_as_loud_as_the_voice_is_noisy(speaker, meter):
    speaker.tone()
    assert _wait_for_level(meter, -20)
    got = _by_id(judge_audio_in(check_microphone(meter, 0.4, 0.6)))
    assert got["audio.in.noise_floor"][:2] == (Verdict.FAIL, "audio.in.noisy")


@pytest.fixture
def lone_microphone(pulse):
    """A meter on a second PulseAudio that has a single device, and that server.

    PulseAudio moves a stream whose device vanishes to another device when there is one (the session's
    server always has the main sink): only a machine with nothing left to fall back on shows an unplugged
    microphone to PortAudio, as Windows and bare ALSA devices do.
    """
    from tests.helpers.pulse import start_private_pulse

    server = start_private_pulse()
    try:
        sink = server.null_sink()
        os.environ.update(server.env)  # the ALSA pulse plugin connects when the stream opens
        try:
            meter = Meter()
            meter.start()
        finally:
            os.environ.update(pulse.env)
        try:
            yield meter, server, sink
        finally:
            meter.stop()
    finally:
        server.stop()


def test_unplugging_the_microphone_mid_check_is_reported_not_raised(lone_microphone):
    meter, server, sink = lone_microphone
    phases: list[str] = []
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(check_microphone(meter, 0.3, 5.0, on_phase=phases.append)))
    worker.start()
    assert wait_until(lambda: PHASE_SPEAK in phases, 5)
    server.remove_sink(sink)
    worker.join(5)
    assert not worker.is_alive()
    measured = result[0]
    assert measured.error == "audio.in.lost"
    assert _by_id(judge_audio_in(measured)) == {"audio.in.level": (Verdict.FAIL, "audio.in.lost", None)}


def test_a_microphone_that_cannot_be_found_is_a_failed_measurement_not_an_error(pulse):
    measured = measure_microphone("no such microphone", 0.1, 0.1)
    assert (measured.error, measured.device) == ("audio.in.not_found", "no such microphone")


def test_the_speaker_test_plays_its_tone_on_the_chosen_output(speaker, meter):
    heard: list[float] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.wait(0.02):
            heard.append(meter.reading().rms_dbfs)

    listener = threading.Thread(target=listen)
    listener.start()
    try:
        played = play_test_tone("pulse", seconds=0.6, amplitude=0.25)
    finally:
        stop.set()
        listener.join(5)
    assert played.error is None and played.played_seconds == pytest.approx(0.6, abs=0.01)
    assert max(heard) == pytest.approx(-15.05, abs=1.0)  # 0.25 amplitude, heard through the monitor


def test_a_speaker_that_cannot_be_found_fails_the_tone_row(pulse):
    played = play_test_tone("no such speaker", seconds=0.1)
    assert played.error == "audio.out.not_found"


def test_reading_from_far_behind_returns_only_what_the_ring_still_holds(speaker):
    meter = Meter(ring_seconds=0.5)
    meter.start()
    try:
        assert wait_until(lambda: meter.cursor > meter.samplerate, 5)
        samples, cursor = meter.read(0)
        assert cursor >= meter.samplerate
        assert 0 < samples.size <= int(meter.samplerate * 0.5)
        assert samples.dtype == np.float32
    finally:
        meter.stop()
