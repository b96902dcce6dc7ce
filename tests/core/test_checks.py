"""Check verdicts, thresholds, reports and meter math: pure functions fed with measured numbers."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveconsole.core.checks import (
    DBFS_FLOOR,
    ITEM_IDS,
    MESSAGE_CODES,
    AudioInMeasurement,
    AudioOutMeasurement,
    Block,
    CameraMeasurement,
    CheckItem,
    CheckReport,
    ObsMeasurement,
    PeakHold,
    ServerMeasurement,
    Thresholds,
    Verdict,
    amplitude_dbfs,
    is_clipping,
    judge_audio_in,
    judge_audio_out,
    judge_camera,
    judge_obs,
    judge_server,
    mean_square_dbfs,
    percentile,
    summarize_input,
    worst,
)

BEIJING = timezone(timedelta(hours=8))
GOOD_CAMERA = CameraMeasurement("0", width=1280, height=720, fps=30.0, brightness=120.0, sharpness=800.0,
                                best_sharpness=900.0, still_seconds=0.0)


def _by_id(items):
    return {item.id: item for item in items}


# --- meter math ----------------------------------------------------------------------------


def test_a_half_amplitude_sine_reads_minus_9_03_dbfs_rms_and_minus_6_02_peak():
    mean_square = 0.5 ** 2 / 2
    assert mean_square_dbfs(mean_square) == pytest.approx(-9.03, abs=0.005)
    assert amplitude_dbfs(0.5) == pytest.approx(-6.02, abs=0.005)


def test_digital_silence_reads_the_floor_not_minus_infinity():
    assert mean_square_dbfs(0.0) == DBFS_FLOOR
    assert amplitude_dbfs(0.0) == DBFS_FLOOR
    assert amplitude_dbfs(float("nan")) == DBFS_FLOOR


def test_clipping_starts_at_minus_one_dbfs():
    assert is_clipping(-1.0)
    assert is_clipping(0.0)
    assert not is_clipping(-1.01)


def test_peak_hold_jumps_up_at_once_and_falls_20_db_in_1_7_seconds():
    hold = PeakHold()
    assert hold.update(-6.0, now_s=10.0) == -6.0
    assert hold.update(-60.0, now_s=10.85) == pytest.approx(-16.0)
    assert hold.level(11.7) == pytest.approx(-26.0)
    assert hold.update(-3.0, now_s=11.7) == -3.0


def test_peak_hold_never_falls_below_the_floor():
    hold = PeakHold()
    hold.update(-10.0, now_s=0.0)
    assert hold.level(3600.0) == DBFS_FLOOR


@given(st.lists(st.floats(-1000, 1000), min_size=1, max_size=50), st.floats(0, 1))
def test_a_percentile_lies_between_the_smallest_and_largest_value(values, fraction):
    assert min(values) <= percentile(values, fraction) <= max(values)


def test_percentiles_of_a_known_list():
    assert percentile([4, 1, 3, 2], 0.5) == 2.5
    assert percentile([1, 2, 3, 4, 5], 0.9) == pytest.approx(4.6)
    with pytest.raises(ValueError):
        percentile([], 0.5)


# --- thresholds ----------------------------------------------------------------------------


def test_thresholds_round_trip_through_a_plain_mapping():
    changed = Thresholds(min_fps=20.0, min_width=1920)
    assert Thresholds.from_mapping(json.loads(json.dumps(changed.to_mapping()))) == changed


def test_unknown_or_ill_typed_threshold_values_fall_back_to_defaults():
    loaded = Thresholds.from_mapping({"min_fps": "fast", "min_width": 1280.5, "nonsense": 3, "dark_fail": True,
                                      "silence_dbfs": float("nan"), "clip_dbfs": -2})
    assert loaded == Thresholds(clip_dbfs=-2.0)
    assert isinstance(loaded.clip_dbfs, float)


# --- camera --------------------------------------------------------------------------------


def test_a_good_camera_passes_every_row_in_the_documented_order():
    items = judge_camera(GOOD_CAMERA)
    assert [i.id for i in items] == ["camera.open", "camera.resolution", "camera.fps", "camera.brightness",
                                     "camera.sharpness", "camera.frozen"]
    assert {i.verdict for i in items} == {Verdict.PASS}


def test_a_camera_that_never_opened_gives_one_failed_row_with_its_reason():
    items = judge_camera(CameraMeasurement("3", error="camera.not_found", error_detail="3: cannot be opened"))
    assert [(i.id, i.verdict, i.message_code) for i in items] == [("camera.open", Verdict.FAIL, "camera.not_found")]
    assert items[0].params["detail"] == "3: cannot be opened"


def test_a_camera_lost_during_the_check_fails_the_open_row():
    item = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "lost": True})))["camera.open"]
    assert (item.verdict, item.message_code) == (Verdict.FAIL, "camera.lost")


@pytest.mark.parametrize(("width", "height", "verdict"), [(1280, 720, Verdict.PASS), (1920, 1080, Verdict.PASS),
                                                          (640, 360, Verdict.WARN), (1280, 480, Verdict.WARN)])
def test_resolution_below_the_target_is_a_warning(width, height, verdict):
    measured = CameraMeasurement(**{**GOOD_CAMERA.__dict__, "width": width, "height": height})
    item = _by_id(judge_camera(measured))["camera.resolution"]
    assert item.verdict is verdict and item.value == f"{width}x{height}"


@pytest.mark.parametrize(("fps", "verdict"), [(30.0, Verdict.PASS), (25.0, Verdict.PASS), (24.9, Verdict.WARN),
                                              (15.0, Verdict.WARN), (10.0, Verdict.FAIL)])
def test_frame_rate_warns_below_25_and_fails_below_15(fps, verdict):
    item = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "fps": fps})))["camera.fps"]
    assert item.verdict is verdict
    assert item.message_code == ("camera.fps_ok" if verdict is Verdict.PASS else "camera.low_fps")


@pytest.mark.parametrize(("brightness", "verdict", "code"), [
    (20.0, Verdict.FAIL, "camera.too_dark"), (55.0, Verdict.WARN, "camera.too_dark"),
    (120.0, Verdict.PASS, "camera.brightness_ok"), (200.0, Verdict.WARN, "camera.over_exposed"),
    (240.0, Verdict.FAIL, "camera.over_exposed")])
def test_brightness_bounds(brightness, verdict, code):
    item = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "brightness": brightness})))
    assert (item["camera.brightness"].verdict, item["camera.brightness"].message_code) == (verdict, code)


def test_a_blurred_picture_is_a_warning_to_refocus():
    item = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "sharpness": 10.0,
                                                     "best_sharpness": 10.0})))["camera.sharpness"]
    assert (item.verdict, item.message_code) == (Verdict.WARN, "camera.blurry")


def test_sharpness_far_below_what_this_camera_reached_means_focus_drifted():
    item = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "sharpness": 300.0,
                                                     "best_sharpness": 900.0})))["camera.sharpness"]
    assert (item.verdict, item.message_code, item.params["ratio_pct"]) == (Verdict.WARN, "camera.focus_lost", 33)


def test_focus_is_not_judged_in_a_picture_too_dark_to_show_edges():
    items = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "brightness": 15.0,
                                                      "sharpness": 12.0})))
    assert items["camera.brightness"].verdict is Verdict.FAIL
    assert (items["camera.sharpness"].verdict, items["camera.sharpness"].message_code) == (
        Verdict.WARN, "camera.sharpness_unknown")


def test_a_picture_still_for_the_frozen_time_fails():
    items = _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "still_seconds": 2.0})))
    assert (items["camera.frozen"].verdict, items["camera.frozen"].message_code) == (Verdict.FAIL, "camera.frozen")
    assert _by_id(judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "still_seconds": 1.9})))[
        "camera.frozen"].verdict is Verdict.PASS


def test_thresholds_change_the_camera_verdicts():
    lenient = Thresholds(min_width=640, min_height=360, min_fps=10.0, fail_fps=5.0)
    items = judge_camera(CameraMeasurement(**{**GOOD_CAMERA.__dict__, "width": 640, "height": 360, "fps": 10.0}),
                         lenient)
    assert {i.verdict for i in items} == {Verdict.PASS}


# --- microphone and speakers ---------------------------------------------------------------


def _blocks(amplitude: float, count: int = 20) -> list[Block]:
    return [Block(mean_square=amplitude ** 2 / 2, peak=amplitude)] * count  # sine blocks


def test_a_clear_voice_over_a_quiet_room_passes():
    measured = summarize_input("mic", _blocks(0.001), _blocks(0.2))
    items = _by_id(judge_audio_in(measured))
    assert [i.verdict for i in items.values()] == [Verdict.PASS] * 3
    assert items["audio.in.level"].value == pytest.approx(-17.0, abs=0.1)
    assert items["audio.in.noise_floor"].params["snr_db"] == pytest.approx(46.0, abs=0.1)


def test_a_silent_microphone_fails_as_silence():
    items = _by_id(judge_audio_in(summarize_input("mic", [Block(0.0, 0.0)] * 5, [Block(0.0, 0.0)] * 5)))
    assert (items["audio.in.level"].verdict, items["audio.in.level"].message_code) == (Verdict.FAIL,
                                                                                       "audio.in.silent")
    assert items["audio.in.level"].value == DBFS_FLOOR
    assert items["audio.in.noise_floor"].verdict is Verdict.PASS  # silence says nothing about the room


def test_a_faint_voice_is_too_quiet():
    item = _by_id(judge_audio_in(summarize_input("mic", _blocks(0.0001), _blocks(0.01))))["audio.in.level"]
    assert (item.verdict, item.message_code) == (Verdict.WARN, "audio.in.too_quiet")


def test_speech_reaching_full_scale_fails_as_clipping():
    items = _by_id(judge_audio_in(summarize_input("mic", _blocks(0.001), _blocks(0.3, 18) + _blocks(1.0, 2))))
    assert (items["audio.in.clipping"].verdict, items["audio.in.clipping"].message_code) == (
        Verdict.FAIL, "audio.in.clipping")
    assert items["audio.in.clipping"].params["blocks"] == 2


def test_speech_barely_above_the_background_is_noisy():
    items = _by_id(judge_audio_in(summarize_input("mic", _blocks(0.1), _blocks(0.2))))
    assert (items["audio.in.noise_floor"].verdict, items["audio.in.noise_floor"].message_code) == (
        Verdict.FAIL, "audio.in.noisy")
    items = _by_id(judge_audio_in(summarize_input("mic", _blocks(0.02), _blocks(0.3))))
    assert items["audio.in.noise_floor"].verdict is Verdict.WARN  # 23.5 dB: loud floor, passable distance


def test_speech_level_is_the_loud_part_not_the_pauses():
    speech = _blocks(0.0005, 10) + _blocks(0.2, 10)  # half the time between sentences
    measured = summarize_input("mic", _blocks(0.0005), speech)
    assert measured.speech_dbfs == pytest.approx(mean_square_dbfs(0.2 ** 2 / 2), abs=0.01)


def test_a_microphone_lost_mid_check_gives_one_failed_row():
    items = judge_audio_in(AudioInMeasurement("USB mic", error="audio.in.lost", error_detail="the stream stopped"))
    assert [(i.id, i.verdict, i.message_code) for i in items] == [("audio.in.level", Verdict.FAIL, "audio.in.lost")]


def test_the_speaker_row_passes_when_the_tone_played_and_fails_with_the_reason_otherwise():
    assert judge_audio_out(AudioOutMeasurement("spk", 1.0))[0].verdict is Verdict.PASS
    failed = judge_audio_out(AudioOutMeasurement("spk", 0.2, error="audio.out.lost"))[0]
    assert (failed.id, failed.verdict, failed.message_code) == ("audio.out.tone", Verdict.FAIL, "audio.out.lost")


# --- OBS and network -----------------------------------------------------------------------

OBS_OK = ObsMeasurement("ws://127.0.0.1:4455", obs_version="29.0.2", scenes=("全景", "商品台"),
                        required_scenes=("商品台",), output_width=1920, output_height=1080, output_fps=30.0)


@pytest.mark.parametrize(("reason", "code"), [("refused", "obs.not_running"), ("auth_failed", "obs.wrong_password"),
                                              ("timeout", "obs.no_answer"), ("not_websocket", "obs.not_obs")])
def test_an_unreachable_obs_fails_the_connected_row_with_a_reason_code(reason, code):
    items = judge_obs(ObsMeasurement("ws://x:1", unavailable=reason))
    assert [(i.id, i.verdict, i.message_code) for i in items] == [("obs.connected", Verdict.FAIL, code)]


def test_a_ready_obs_passes_and_says_it_is_not_streaming_yet():
    items = _by_id(judge_obs(OBS_OK))
    assert list(items) == ["obs.connected", "obs.scenes", "obs.output", "obs.stream"]
    assert {i.verdict for i in items.values()} == {Verdict.PASS}
    assert items["obs.stream"].message_code == "obs.not_streaming"
    assert items["obs.output"].value == "1920x1080@30"


def test_a_scene_the_script_needs_but_obs_lacks_fails():
    item = _by_id(judge_obs(ObsMeasurement(**{**OBS_OK.__dict__, "required_scenes": ("商品台", "抽奖")})))["obs.scenes"]
    assert (item.verdict, item.message_code, item.params["missing"]) == (Verdict.FAIL, "obs.scenes_missing", ["抽奖"])


def test_a_small_or_slow_obs_output_is_a_warning():
    item = _by_id(judge_obs(ObsMeasurement(**{**OBS_OK.__dict__, "output_width": 640, "output_height": 360,
                                              "output_fps": 10.0})))["obs.output"]
    assert (item.verdict, item.message_code, item.value) == (Verdict.WARN, "obs.output_low", "640x360@10")


@pytest.mark.parametrize(("skipped", "congestion", "verdict", "code"), [
    (0.0, 0.0, Verdict.PASS, "obs.stream_ok"), (2.0, 0.0, Verdict.WARN, "obs.stream_skipping"),
    (6.0, 0.0, Verdict.FAIL, "obs.stream_skipping"), (0.1, 0.3, Verdict.WARN, "obs.stream_congested"),
    (0.1, 0.6, Verdict.FAIL, "obs.stream_congested")])
def test_while_streaming_dropped_frames_and_congestion_are_judged(skipped, congestion, verdict, code):
    measured = ObsMeasurement(**{**OBS_OK.__dict__, "streaming": True, "stream_skipped_pct": skipped,
                                 "congestion": congestion})
    item = _by_id(judge_obs(measured))["obs.stream"]
    assert (item.verdict, item.message_code) == (verdict, code)


def test_a_stream_reconnecting_fails():
    measured = ObsMeasurement(**{**OBS_OK.__dict__, "streaming": True, "reconnecting": True})
    assert _by_id(judge_obs(measured))["obs.stream"].message_code == "obs.stream_reconnecting"


def test_the_stream_server_row_passes_warns_when_slow_and_fails_with_the_reason():
    assert judge_server(ServerMeasurement("a:1", connect_ms=12.0))[0].verdict is Verdict.PASS
    slow = judge_server(ServerMeasurement("a:1", connect_ms=800.0))[0]
    assert (slow.verdict, slow.message_code) == (Verdict.WARN, "network.server_slow")
    for error in ("refused", "timeout", "unresolved"):
        failed = judge_server(ServerMeasurement("a:1", error=error))[0]
        assert (failed.verdict, failed.message_code) == (Verdict.FAIL, f"network.server_{error}")


# --- reports -------------------------------------------------------------------------------


def test_the_overall_verdict_is_the_worst_row():
    started = datetime(2026, 6, 18, 19, 30, tzinfo=BEIJING)
    rows = [CheckItem("camera.open", Verdict.PASS, "0", "", "camera.opened"),
            CheckItem("camera.fps", Verdict.WARN, 20.0, "fps", "camera.low_fps")]
    assert CheckReport(started, {}, tuple(rows)).verdict is Verdict.WARN
    assert CheckReport(started, {}, ()).verdict is Verdict.PASS
    assert worst([Verdict.WARN, Verdict.FAIL, Verdict.PASS]) is Verdict.FAIL


def test_a_report_needs_an_aware_start_time():
    with pytest.raises(ValueError):
        CheckReport(datetime(2026, 6, 18, 19, 30), {}, ())


def test_a_report_survives_a_trip_through_json():
    report = CheckReport(datetime(2026, 6, 18, 19, 30, 5, tzinfo=BEIJING), {"camera": "0", "audio_in": "USB"},
                         tuple(judge_camera(GOOD_CAMERA) + judge_audio_in(summarize_input("m", _blocks(0.001),
                                                                                          _blocks(0.2)))))
    again = CheckReport.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again == report
    assert report.to_dict()["verdict"] == "pass"


def test_every_judged_row_uses_a_documented_id_and_a_known_message_code():
    measurements = [judge_camera(GOOD_CAMERA), judge_camera(CameraMeasurement("x", error="camera.open_timeout")),
                    judge_audio_in(summarize_input("m", _blocks(0.1), _blocks(1.0))), judge_obs(OBS_OK),
                    judge_obs(ObsMeasurement("u", unavailable="refused")),
                    judge_server(ServerMeasurement("a:1", error="unresolved"))]
    for items in measurements:
        for item in items:
            assert item.id in ITEM_IDS
            assert item.message_code in MESSAGE_CODES
            assert item.value is None or not isinstance(item.value, float) or math.isfinite(item.value)
