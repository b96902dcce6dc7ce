"""LiveConsole 直播中控台: a live-stream e-commerce room assistant's console."""

__version__ = "0.1.0"
