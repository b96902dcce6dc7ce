"""Where the OBS password comes from: the environment first, then the OS keyring, never elsewhere."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from liveconsole.obs.secrets import ENV_PASSWORD, SERVICE, forget_password, load_password, save_password


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in that keeps passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.stored.pop((service, username), None) is None:
            from keyring.errors import PasswordDeleteError

            raise PasswordDeleteError(username)


@pytest.fixture
def use_keyring(monkeypatch):
    """Swap the process's keyring for the duration of a test."""
    previous = keyring.get_keyring()
    monkeypatch.delenv(ENV_PASSWORD, raising=False)

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    try:
        yield use
    finally:
        keyring.set_keyring(previous)


def test_a_saved_password_is_kept_per_obs_host_and_port(use_keyring):
    memory = use_keyring(MemoryKeyring())
    assert save_password("127.0.0.1", 4455, "s3cret")
    assert load_password("127.0.0.1", 4455) == "s3cret"
    assert load_password("127.0.0.1", 4456) is None
    assert memory.stored == {(SERVICE, "127.0.0.1:4455"): "s3cret"}
    forget_password("127.0.0.1", 4455)
    forget_password("127.0.0.1", 4455)  # forgetting twice is fine
    assert load_password("127.0.0.1", 4455) is None


def test_the_environment_overrides_the_keyring(use_keyring, monkeypatch):
    use_keyring(MemoryKeyring())
    save_password("127.0.0.1", 4455, "from-keyring")
    monkeypatch.setenv(ENV_PASSWORD, "from-env")
    assert load_password("127.0.0.1", 4455) == "from-env"


def test_a_machine_without_a_keyring_has_no_stored_password(use_keyring):
    use_keyring(fail.Keyring())
    assert load_password("127.0.0.1", 4455) is None
    assert not save_password("127.0.0.1", 4455, "s3cret")
    forget_password("127.0.0.1", 4455)


def test_the_password_is_not_logged_when_the_keyring_fails(use_keyring, caplog):
    use_keyring(fail.Keyring())
    caplog.set_level("DEBUG")
    save_password("127.0.0.1", 4455, "do-not-log-me")
    assert "do-not-log-me" not in caplog.text
