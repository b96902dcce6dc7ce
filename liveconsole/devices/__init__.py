"""Camera (OpenCV) and audio (sounddevice) probes, meters and preview frames."""
