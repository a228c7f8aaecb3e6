#!/usr/bin/env python3
"""A paramiko (5.x) SFTP server over the real file system, for Ferry's interop tests.

Written the way paramiko's documentation and its own test stub suggest: an `SFTPServerInterface`
backend on `os` calls, attributes set with paramiko's `SFTPServer.set_file_attr` helper, errors
mapped with `SFTPServer.convert_errno`. Exec requests are refused (paramiko's default).

    python paramiko_server.py --port 0 --host-key KEY --authorized-keys AUTH --user NAME \
                              [--password-env VAR] [--home DIR]

  --port 0            pick a free port; once listening, prints "PORT <n>" on stdout (flushed).
  --host-key F        private ed25519 host key (OpenSSH format, made by ssh-keygen).
  --authorized-keys F OpenSSH authorized_keys for the one accepted user.
  --user NAME         the only login accepted.
  --password-env VAR  also accept password login with the password in $VAR.
  --home DIR          what REALPATH(".") answers (default: /).
  --max-seconds N     exit on its own after N seconds (default 600).

Listens on 127.0.0.1 only; exits on SIGTERM/SIGINT or when its parent goes away.
"""

import argparse
import base64
import os
import signal
import socket
import sys
import threading
import time

import paramiko
from paramiko import (
    AUTH_FAILED,
    AUTH_SUCCESSFUL,
    OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED,
    OPEN_SUCCEEDED,
    SFTP_FAILURE,
    SFTP_OK,
    SFTPAttributes,
    SFTPHandle,
    SFTPServer,
    SFTPServerInterface,
)

HOME = "/"


def errno_of(e):
    return SFTPServer.convert_errno(e.errno)


class Auth(paramiko.ServerInterface):
    def __init__(self, user, password, keys):
        self.user, self.password, self.keys = user, password, keys

    def check_channel_request(self, kind, chanid):
        return OPEN_SUCCEEDED if kind == "session" else OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def get_allowed_auths(self, username):
        return "publickey,password" if self.password is not None else "publickey"

    def check_auth_password(self, username, password):
        ok = self.password is not None and username == self.user and password == self.password
        return AUTH_SUCCESSFUL if ok else AUTH_FAILED

    def check_auth_publickey(self, username, key):
        ok = username == self.user and key.asbytes() in self.keys
        return AUTH_SUCCESSFUL if ok else AUTH_FAILED


class Handle(SFTPHandle):
    def stat(self):
        try:
            return SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))
        except OSError as e:
            return errno_of(e)

    def chattr(self, attr):
        try:
            SFTPServer.set_file_attr(self.filename, attr)
            return SFTP_OK
        except OSError as e:
            return errno_of(e)


class Backend(SFTPServerInterface):
    def _path(self, path):
        return path if path.startswith("/") else os.path.join(HOME, path)

    def canonicalize(self, path):
        return os.path.normpath(self._path(path))

    def list_folder(self, path):
        path = self._path(path)
        try:
            out = []
            for name in os.listdir(path):
                attr = SFTPAttributes.from_stat(os.lstat(os.path.join(path, name)))
                attr.filename = name
                out.append(attr)
            return out
        except OSError as e:
            return errno_of(e)

    def stat(self, path):
        try:
            return SFTPAttributes.from_stat(os.stat(self._path(path)))
        except OSError as e:
            return errno_of(e)

    def lstat(self, path):
        try:
            return SFTPAttributes.from_stat(os.lstat(self._path(path)))
        except OSError as e:
            return errno_of(e)

    def open(self, path, flags, attr):
        path = self._path(path)
        try:
            mode = attr.st_mode if attr is not None and attr.st_mode is not None else 0o666
            fd = os.open(path, flags, mode & 0o7777)
        except OSError as e:
            return errno_of(e)
        if flags & os.O_CREAT and attr is not None:
            attr._flags &= ~attr.FLAG_PERMISSIONS
            SFTPServer.set_file_attr(path, attr)
        if flags & os.O_WRONLY:
            fstr = "ab" if flags & os.O_APPEND else "wb"
        elif flags & os.O_RDWR:
            fstr = "a+b" if flags & os.O_APPEND else "r+b"
        else:
            fstr = "rb"
        try:
            f = os.fdopen(fd, fstr)
        except OSError as e:
            return errno_of(e)
        h = Handle(flags)
        h.filename = path
        h.readfile = f
        h.writefile = f
        return h

    def remove(self, path):
        try:
            os.remove(self._path(path))
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def rename(self, oldpath, newpath):
        # SFTP v3 RENAME does not replace an existing target (OpenSSH's doesn't either).
        oldpath, newpath = self._path(oldpath), self._path(newpath)
        if os.path.lexists(newpath):
            return SFTP_FAILURE
        try:
            os.rename(oldpath, newpath)
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def posix_rename(self, oldpath, newpath):
        try:
            os.rename(self._path(oldpath), self._path(newpath))
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def mkdir(self, path, attr):
        path = self._path(path)
        try:
            os.mkdir(path)
            if attr is not None:
                SFTPServer.set_file_attr(path, attr)
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def rmdir(self, path):
        try:
            os.rmdir(self._path(path))
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def chattr(self, path, attr):
        try:
            SFTPServer.set_file_attr(self._path(path), attr)
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def symlink(self, target_path, path):
        try:
            os.symlink(target_path, self._path(path))
        except OSError as e:
            return errno_of(e)
        return SFTP_OK

    def readlink(self, path):
        try:
            return os.readlink(self._path(path))
        except OSError as e:
            return errno_of(e)


def serve(sock, host_key, auth):
    t = paramiko.Transport(sock)
    t.add_server_key(host_key)
    t.set_subsystem_handler("sftp", SFTPServer, Backend)
    try:
        t.start_server(server=auth)
        while t.is_active():
            time.sleep(0.5)
    except Exception as e:  # one client's failure must not stop the server
        print(f"session ended: {e!r}", file=sys.stderr, flush=True)


def main():
    global HOME
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--host-key", required=True)
    ap.add_argument("--authorized-keys", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password-env")
    ap.add_argument("--home", default="/")
    ap.add_argument("--max-seconds", type=float, default=600)
    args = ap.parse_args()
    HOME = args.home
    password = os.environ.get(args.password_env) if args.password_env else None
    keys = set()
    with open(args.authorized_keys) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                keys.add(base64.b64decode(parts[1]))
    host_key = paramiko.Ed25519Key.from_private_key_file(args.host_key)
    auth = Auth(args.user, password, keys)

    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", args.port))
    lsock.listen(64)
    lsock.settimeout(1.0)
    print(f"PORT {lsock.getsockname()[1]}", flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    parent = os.getppid()
    deadline = time.monotonic() + args.max_seconds
    while not stop.is_set() and time.monotonic() < deadline and os.getppid() == parent:
        try:
            conn, _ = lsock.accept()
        except socket.timeout:
            continue
        conn.settimeout(None)
        threading.Thread(target=serve, args=(conn, host_key, auth), daemon=True).start()
    lsock.close()


if __name__ == "__main__":
    main()
    sys.exit(0)
