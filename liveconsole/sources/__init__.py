"""Live-metric sources: manual entry, file import, loopback ingest API, simulator."""
