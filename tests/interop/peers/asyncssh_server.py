#!/usr/bin/env python3
"""AsyncSSH's own SFTP server (asyncssh.SFTPServer over the real file system), for Ferry's interop tests.

    python asyncssh_server.py --port 0 --host-key KEY --authorized-keys AUTH --user NAME \
                              [--password-env VAR] [--exec refuse|silent|sums|shell]

  --port 0            pick a free port; once listening, prints "PORT <n>" on stdout (flushed).
  --host-key F        private host key (OpenSSH format, made by ssh-keygen).
  --authorized-keys F OpenSSH authorized_keys for the one accepted user.
  --user NAME         the only login accepted.
  --password-env VAR  also accept password login with the password in $VAR (not on argv: ps shows it).
  --exec refuse       exec requests are refused (AsyncSSH's behaviour with only an SFTP factory).
  --exec silent       exec requests are never answered, like servers that ignore them.
  --exec sums         only `md5sum PATH...` and `sha1sum PATH...` run, as SFTPGo runs its
                      commands: split like a shell's words, no options, no shell (anything else
                      exits 127).
  --exec badsums      as sums, but every digest is of other bytes (a copy that never checks out).
  --exec shell        commands run with /bin/sh -c, and the SFTP server does not offer
                      copy-data (a server whose only way to copy is a command).
  --max-seconds N     exit on its own after N seconds (default 600), in case the test is killed.

Listens on 127.0.0.1 only; exits on SIGTERM/SIGINT or when its parent goes away.
"""

import argparse
import asyncio
import hashlib
import os
import shlex
import signal
import subprocess
import sys

import asyncssh
from asyncssh.stream import SSHServerStreamSession


async def sums(stdin, stdout, stderr):
    """`md5sum`/`sha1sum` of the paths named, as SFTPGo computes them (no shell, no options)."""
    chan = stdout.channel
    print(f"exec {chan.get_command()}", file=sys.stderr, flush=True)
    try:
        words = shlex.split(chan.get_command() or "")
    except ValueError:
        words = []
    name = words[0] if words else ""
    paths = words[1:]
    if name in ("md5sum", "sha1sum") and paths and not any(p.startswith("-") for p in paths):
        try:
            out = ""
            for p in paths:
                with open(p, "rb") as f:
                    data = f.read() + (b"!" if Session.mode == "badsums" else b"")
                    out += f"{hashlib.new(name[:-3], data).hexdigest()}  {p}\n"
            stdout.write(out)
            chan.exit(0)
        except OSError as e:
            stderr.write(f"{name}: {e}\n")
            chan.exit(1)
    else:
        stderr.write(f"{name}: command not found\n")
        chan.exit(127)


async def shell(stdin, stdout, stderr):
    """The command run by /bin/sh -c."""
    chan = stdout.channel
    done = await asyncio.to_thread(
        subprocess.run, ["/bin/sh", "-c", chan.get_command() or "true"], capture_output=True
    )
    stdout.write(done.stdout.decode("utf-8", "replace"))
    stderr.write(done.stderr.decode("utf-8", "replace"))
    chan.exit(done.returncode)


class Session(SSHServerStreamSession):
    """SFTP, and commands as `--exec` says. `exec_requested` returning None leaves the request
    unanswered (asyncssh then sends neither success nor failure)."""

    mode = "refuse"

    def __init__(self):
        handler = {"sums": sums, "badsums": sums, "shell": shell}.get(self.mode)
        super().__init__(handler, asyncssh.SFTPServer, 3)

    def exec_requested(self, command):
        if self.mode == "silent":
            return None
        return self.mode in ("sums", "badsums", "shell")


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
    ap.add_argument("--exec", choices=["refuse", "silent", "sums", "badsums", "shell"], default="refuse")
    ap.add_argument("--max-seconds", type=float, default=600)
    args = ap.parse_args()
    password = os.environ.get(args.password_env) if args.password_env else None
    Session.mode = args.exec
    if args.exec == "shell":
        from asyncssh import sftp as _sftp

        _sftp.SFTPServerHandler._extensions = [
            e for e in _sftp.SFTPServerHandler._extensions if e[0] != b"copy-data"
        ]
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
