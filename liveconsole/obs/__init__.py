"""OBS Studio over obs-websocket v5: the connection owner that implements core.ports.ObsPort."""
