"""Killing a writer at any moment loses no event it reported as committed, and corrupts nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from liveconsole.core.session import Session
from liveconsole.store.database import Database
from liveconsole.store.models import EventRow
from liveconsole.store.repositories import SessionStore

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30


def _kill_writers_at_random_moments(
    url: str, session_id: int, rng: random.Random, at_once: int
) -> list[int]:
    """Rounds of `at_once` writers on one session, each SIGKILLed 20–300 ms after its first event.

    Returns every seq a writer reported as committed."""
    launcher = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.eventlog_writer", url, str(session_id)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    reported: list[int] = []
    try:
        assert launcher.stdout.readline() == "ready\n"
        for _ in range(KILLS // at_once):
            launcher.stdin.write(f"start {at_once}\n")
            launcher.stdin.flush()
            deadlines: dict[int, float] = {}
            while len(deadlines) < at_once:
                pid, seq = map(int, launcher.stdout.readline().split())
                reported.append(seq)
                deadlines.setdefault(pid, time.monotonic() + rng.uniform(0.020, 0.300))
            for pid, deadline in sorted(deadlines.items(), key=lambda item: item[1]):
                time.sleep(max(0.0, deadline - time.monotonic()))
                os.kill(pid, signal.SIGKILL)
            launcher.stdin.write("reap\n")
            launcher.stdin.flush()
            # The launcher prints `reaped` only after every writer is dead: their lines came first.
            for line in iter(launcher.stdout.readline, "reaped\n"):
                words = line.split()
                if words[0] == "exit":
                    assert os.WIFSIGNALED(int(words[2])), f"writer {words[1]} died on its own"
                else:
                    reported.append(int(words[1]))
    finally:
        launcher.stdin.close()
        launcher.wait(timeout=10)
        launcher.stdout.close()
    return reported


def _check_log_survived(url: str, session_id: int, reported: list[int]) -> None:
    assert len(reported) > KILLS, "writers were killed before appending much"
    assert len(set(reported)) == len(reported), "two writers were told they committed the same seq"
    with Database(url) as db:
        with db.session(readonly=True) as orm:
            stored = list(
                orm.scalars(
                    select(EventRow.seq)
                    .where(EventRow.session_id == session_id)
                    .order_by(EventRow.seq)
                )
            )
        assert set(reported) <= set(stored)
        # Unreported rows are allowed (committed, then killed before printing), gaps are not.
        assert stored == list(range(1, len(stored) + 1))
        assert db.integrity_ok()


@pytest.mark.slow
def test_sqlite_keeps_every_reported_event_when_writers_are_killed(tmp_path):
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    with Database.open(url) as db:
        session_id = SessionStore(db).create_session(Session("抗崩溃测试")).id
    # One writer at a time: SQLite's busy wait is unfair, so a second writer process can starve
    # for a second or more and the rounds would take most of the time budget.
    reported = _kill_writers_at_random_moments(url, session_id, random.Random(), at_once=1)
    _check_log_survived(url, session_id, reported)


@pytest.mark.slow
@pytest.mark.postgres
def test_postgresql_keeps_every_reported_event_when_writers_are_killed(postgres_server):
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    try:
        with Database.open(url) as db:
            session_id = SessionStore(db).create_session(Session("抗崩溃测试")).id
        # Two at a time: the session row lock must hand seqs out one by one even as holders die.
        reported = _kill_writers_at_random_moments(url, session_id, random.Random(), at_once=2)
        _check_log_survived(url, session_id, reported)
    finally:
        postgres_server.drop_database(name)
