"""Video files that stand in for cameras: a textured room scene with motion, and the faults the checks must catch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np


@dataclass(frozen=True)
class VideoCase:
    name: str
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    seconds: float = 1.0  # files loop, so a second of motion is enough
    gain: float = 1.0  # multiplies the picture: < 1 darkens
    lift: int = 0  # added to every pixel: over-exposes
    blur_sigma: float = 0.0  # Gaussian blur, in pixels of a 1280-wide frame
    frozen: bool = False  # one frame repeated


CASES = {
    case.name: case
    for case in (
        VideoCase("normal"),
        VideoCase("dark", gain=0.15),
        VideoCase("over_exposed", lift=170),
        VideoCase("blurred", blur_sigma=6.0),
        VideoCase("frozen", frozen=True),
        VideoCase("low_fps", fps=10.0),
        VideoCase("small", width=640, height=360),
    )
}


def _background(width: int, height: int) -> np.ndarray:
    """A lit wall with boxes and price tags: enough edges for a focused camera to look sharp."""
    scale = width / 1280
    y, x = np.mgrid[0:height, 0:width]
    image = np.empty((height, width, 3), np.uint8)
    image[..., 0] = (60 + 60 * x / width).astype(np.uint8)
    image[..., 1] = (90 + 50 * y / height).astype(np.uint8)
    image[..., 2] = 120
    rng = np.random.default_rng(7)
    for _ in range(12):
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        size = rng.integers(40, 200, 2) * scale
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.rectangle(image, (x0, y0), (x0 + int(size[0]), y0 + int(size[1])), colour, -1)
    for row in range(6):
        cv2.putText(image, "LIVE 2026 SALE 99.9", (int(60 * scale), int((100 + 100 * row) * scale)),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.2 * scale, (20, 20, 20), max(1, int(2 * scale)), cv2.LINE_AA)
    return image


def frames(case: VideoCase):
    """The case's frames: the scene with a dark ball moving across and a little sensor noise."""
    background = _background(case.width, case.height)
    rng = np.random.default_rng(11)
    # A few noise patterns cycled: real sensors are never perfectly still, and fresh noise per frame is slow.
    noise = [tuple(rng.integers(0, 4, background.shape, dtype=np.uint8) for _ in range(2)) for _ in range(4)]
    count = max(1, round(case.fps * case.seconds))
    first = None
    for number in range(count):
        if case.frozen and first is not None:
            yield first
            continue
        image = background.copy()
        cx = int((200 + 25 * number) % case.width)
        cv2.circle(image, (cx, case.height // 2), int(60 * case.width / 1280), (30, 30, 30), -1)
        up, down = noise[number % 4]
        image = cv2.subtract(cv2.add(image, up), down)
        if case.gain != 1.0 or case.lift:
            image = cv2.convertScaleAbs(image, alpha=case.gain, beta=case.lift)
        if case.blur_sigma:
            image = cv2.GaussianBlur(image, (0, 0), case.blur_sigma * case.width / 1280)
        first = image if first is None else first
        yield image


def write_video(path: Path, case: VideoCase) -> Path:
    """An MJPG .avi (decodes at hundreds of fps, so reading it costs a test little)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), case.fps, (case.width, case.height))
    if not writer.isOpened():
        raise RuntimeError(f"OpenCV cannot write {path}")
    try:
        for image in frames(case):
            writer.write(image)
    finally:
        writer.release()
    return path
