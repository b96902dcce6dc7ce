"""A rehearsal video: a lit product table with a moving shape, to use as a camera source without a camera."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np


def write_rehearsal_video(path: Path, seconds: float = 2.0, size: tuple[int, int] = (1280, 720),
                          fps: float = 30.0) -> Path:
    """MJPG .avi that OpenCV reads back as a camera would deliver it (it loops when played as a source)."""
    width, height = size
    y, x = np.mgrid[0:height, 0:width]
    scene = np.empty((height, width, 3), np.uint8)
    scene[..., 0] = (70 + 50 * x / width).astype(np.uint8)
    scene[..., 1] = (100 + 60 * y / height).astype(np.uint8)
    scene[..., 2] = 150
    for index, colour in enumerate(((40, 40, 200), (60, 170, 60), (200, 120, 40), (30, 200, 220))):
        left = int(width * (0.08 + 0.22 * index))
        cv2.rectangle(scene, (left, int(height * 0.55)), (left + int(width * 0.15), int(height * 0.9)), colour, -1)
        cv2.putText(scene, f"#{index + 1}  99.9", (left, int(height * 0.52)), cv2.FONT_HERSHEY_SIMPLEX,
                    width / 1280, (20, 20, 20), 2, cv2.LINE_AA)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    try:
        count = max(2, int(seconds * fps))
        for number in range(count):
            frame = scene.copy()
            cx = int(width * (0.1 + 0.8 * number / count))
            cv2.circle(frame, (cx, int(height * 0.3)), int(height * 0.08), (30, 30, 30), -1)
            writer.write(frame)
    finally:
        writer.release()
    return path
