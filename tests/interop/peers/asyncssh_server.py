#!/usr/bin/env python3
"""AsyncSSH's own SFTP server (asyncssh.SFTPServer over the real file system), for Ferry's interop tests.

    python asyncssh_server.py --port 0 --host-key KEY --authorized-keys AUTH --user NAME \
                              [--password-env VAR] [--exec refuse|silent]

  --port 0            pick a free port; once listening, prints "PORT <n>" on stdout (flushed).
  --host-key F        private host key (OpenSSH format, made by ssh-keygen).
  --authorized-keys F OpenSSH authorized_keys for the one accepted user.
  --user NAME         the only login accepted.
  --password-env VAR  also accept password login with the password in $VAR (not on argv: ps shows it).
  --exec refuse       exec requests are refused (AsyncSSH's behaviour with only an SFTP factory).
  --exec silent       exec requests are never answered, like servers that ignore them.
  --max-seconds N     exit on its own after N seconds (default 600), in case the test is killed.

Listens on 127.0.0.1 only; exits on SIGTERM/SIGINT or when its parent goes away.
"""

import argparse
import asyncio
import os
import signal
import sys

import asyncssh
from asyncssh.stream import SSHServerStreamSession


class Session(SSHServerStreamSession):
    """SFTP only. `exec_requested` returning None leaves the request unanswered (asyncssh then
    sends neither success nor failure)."""

    silent = False

    def __init__(self):
        super().__init__(None, asyncssh.SFTPServer, 3)

    def exec_requested(self, command):
        return None if self.silent else False


class Server(asyncssh.SSHServer):
    def __init__(self, user, password):
        self.user = user
        self.password = password

    def begin_auth(self, username):
        return True

    def password_auth_supported(self):
        return self.password is not None

    def validate_password(self, username, password):
        return username == self.user and password == self.password

    def session_requested(self):
        return Session()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--host-key", required=True)
    ap.add_argument("--authorized-keys", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password-env")
    ap.add_argument("--exec", choices=["refuse", "silent"], default="refuse")
    ap.add_argument("--max-seconds", type=float, default=600)
    args = ap.parse_args()
    password = os.environ.get(args.password_env) if args.password_env else None
    Session.silent = args.exec == "silent"
    parent = os.getppid()

    server = await asyncssh.listen(
        "127.0.0.1",
        args.port,
        server_host_keys=[args.host_key],
        authorized_client_keys=args.authorized_keys,
        server_factory=lambda: Server(args.user, password),
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    deadline = loop.time() + args.max_seconds
    while not stop.is_set() and loop.time() < deadline and os.getppid() == parent:
        try:
            await asyncio.wait_for(stop.wait(), 1.0)
        except asyncio.TimeoutError:
            pass
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
