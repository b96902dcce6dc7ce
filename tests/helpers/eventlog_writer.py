"""Writer processes for the crash tests, forked from one launcher that has already done the imports.

Run `python -m tests.helpers.eventlog_writer <database url> <session id>`; once it prints `ready`,
send per line on stdin:
`start N` forks N writers that append events forever, each printing `<pid> <seq>` right after
`append` returns; `reap` waits for every writer to die, printing `exit <pid> <status>` for each,
then `reaped`.
"""

from __future__ import annotations

import os
import sys

from liveconsole.store.clock import SystemClock
from liveconsole.store.database import Database
from liveconsole.store.eventlog import SqlEventLog


def _say(line: str) -> None:
    # One unbuffered write per line: a pipe write this small is atomic, so lines never interleave
    # and a forked writer never inherits half-written launcher output.
    os.write(1, (line + "\n").encode())


def _write_forever(url: str, session_id: int) -> None:
    db = Database(url)
    log = SqlEventLog(db, SystemClock())
    pid = os.getpid()
    count = 0
    while True:
        count += 1
        record = log.append(session_id, "crash_probe", {"count": count, "note": "讲解中"})
        _say(f"{pid} {record.seq}")


def main(url: str, session_id: int) -> None:
    # Connect once before forking, so that writers find the driver and dialect modules imported.
    with Database(url) as db:
        db.integrity_ok()
    _say("ready")
    children: list[int] = []
    for command in sys.stdin:
        verb, *args = command.split()
        if verb == "start":
            for _ in range(int(args[0])):
                pid = os.fork()
                if pid == 0:
                    try:
                        _write_forever(url, session_id)
                    finally:
                        os._exit(1)
                children.append(pid)
        elif verb == "reap":
            for pid in children:
                _, status = os.waitpid(pid, 0)
                _say(f"exit {pid} {status}")
            children.clear()
            _say("reaped")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
