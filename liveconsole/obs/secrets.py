"""The OBS websocket password: kept in the OS keyring per host:port, overridden by LIVECONSOLE_OBS_PASSWORD.

It is never written to a file, the database or a log line; a machine without a keyring simply has
no stored password.
"""

from __future__ import annotations

import logging
import os

SERVICE = "LiveConsole OBS"
ENV_PASSWORD = "LIVECONSOLE_OBS_PASSWORD"

log = logging.getLogger(__name__)


def _key(host: str, port: int) -> str:
    return f"{host}:{port}"


def load_password(host: str, port: int) -> str | None:
    """The environment's password if set, else the keyring's for this OBS, else None."""
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env is not None:
        return from_env
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _key(host, port))
    except KeyringError as exc:  # NoKeyringError on a headless box is the common case
        log.info("no stored OBS password for %s: %s", _key(host, port), type(exc).__name__)
        return None


def save_password(host: str, port: int, password: str) -> bool:
    """Store the password for this OBS; False when the machine has no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _key(host, port), password)
    except KeyringError as exc:
        log.warning("cannot store the OBS password for %s: %s", _key(host, port), type(exc).__name__)
        return False
    return True


def forget_password(host: str, port: int) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, _key(host, port))
    except PasswordDeleteError:
        pass  # nothing was stored
    except KeyringError as exc:
        log.info("cannot forget the OBS password for %s: %s", _key(host, port), type(exc).__name__)
