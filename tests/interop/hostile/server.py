#!/usr/bin/env python3
"""A hostile SFTP server for Ferry's tests (AsyncSSH 2.24, Python 3.11).

It serves a small *virtual* tree under /hostile whose listings and sizes are lies. Nothing on the
local disk is read or written through SFTP: every write-like request is refused, and paths outside
the virtual tree do not exist.

    python server.py --port 0 --host-key-pub HOSTKEY.pub --authorized-keys AUTH_KEYS \
                     --user test --mode evil-names

  --port 0          pick a free port; once listening, prints "PORT <n>" on stdout (flushed).
  --host-key-pub F  a fresh ed25519 host key is generated at start; its public key is written to F
                    in OpenSSH format, for a known_hosts line "[127.0.0.1]:PORT <key>".
  --authorized-keys F   OpenSSH authorized_keys for the one accepted user (public-key auth only).
  --user NAME       the only login accepted (default "test").
  --max-seconds N   exit on its own after N seconds (default 600), in case the test is killed.

The server listens on 127.0.0.1 only, logs to stderr, exits cleanly (status 0) on SIGTERM/SIGINT,
and also exits when the process that started it goes away.

Modes (--mode):

  evil-names   READDIR of /hostile/dir returns, besides "." and "..", the names
                   ../escape.txt   /tmp/ferry-abs.txt   a/b.txt   sub\\back.txt   nul<NUL>byte.txt
                   ok.txt   nested/
               and /hostile/dir/nested returns  ../../up.txt  and  fine.txt.
               The evil names are files (in READDIR attrs and STAT/LSTAT alike); opening one, by
               the joined path the client builds (/hostile/dir/../escape.txt) or by its normalised
               form (/hostile/escape.txt, /tmp/ferry-abs.txt), gives "EVIL <name>". ok.txt and
               nested/fine.txt give "good". "sub\\back.txt" is a legal name on POSIX but a path on
               Windows. AsyncSSH sends the names exactly as given (it checks nothing), including
               '/' and NUL bytes.

  endless      READDIR of /hostile/dir never returns EOF: every READDIR returns a batch of 1024 new,
               unique file names (endless-000000001.txt, ...), with ready-made long names so the
               server keeps up with a client reading a million of them. /hostile/also.txt is an
               ordinary file ("also") beside it. Only a counter is kept, so the
               server's memory stays bounded; the listing is bounded only by the client.

  endless-dots     as endless, but every name is "." (a listing that never ends and never names a
                   file).

  endless-escapes  as endless, but every name is "../escape_<n>.txt" (unsafe, so a client drops
                   them; the listing still never ends).

  dup-types    /hostile/dir lists "twice" first as a file ("first"), then again as a folder, and
               "same.txt" twice as a file ("same"), plus ok.txt ("good"). STAT/OPEN of "twice"
               give the file.

  lying-size   /hostile/dir/big.bin claims size 1000 (READDIR, STAT, LSTAT, FSTAT) but READs
               return 5000 bytes before EOF; small.bin claims 5000 but has only 1000 bytes;
               honest.bin is 3000 bytes and says so.

  odd-names    /hostile/dir holds names that are legal single components but nasty to show or to
               store: "esc<ESC>[31mred.txt", "line<LF>break.txt", "cr<CR>return.txt" (files, content
               "ctl"), "bad-<FF><FE>-utf8.txt" (not UTF-8), a 4,096-byte name "LLLL…" (content
               "long"), and ok.txt ("good").

  links        symbolic links: /hostile/dir/loop -> . , up -> .. , self -> /hostile/dir ,
               outside -> /etc (a folder outside the tree, holding secret.txt), secret.txt ->
               /etc/secret.txt (a file outside the tree, content "OUTSIDE"), dangling -> /nowhere,
               red -> "/etc/<ESC>[31mred" (an empty folder: the target's text must not reach
               a terminal raw), and sub/back -> ../.. ; plus ok.txt and sub/fine.txt ("good"). LSTAT and READDIR
               report links as links; STAT, OPEN and REALPATH follow them (40 hops at most).

  bad-data     /hostile/dir/huge.bin claims 2^64-1 bytes and has 2000; overlong.bin (3000 bytes)
               answers every READ with 16 bytes more than asked ("X" padding); grows.bin claims
               4000 and grows by 4000 bytes on every READ (up to 40,000; the bytes already there
               never change); shrinks.bin claims 300,000 and is cut to 1000 bytes by the first
               READ; honest.bin is 3000 bytes and says so.

  forever      /hostile/dir/forever.bin claims 1000 bytes but READ never reaches EOF (any offset
               gives data); honest.bin is 3000 bytes.

  slow         every name in a listing takes 0.3 s to send; stall.bin (300,000 bytes): the first READ of it on
               the first connection that reads it is never answered (that SFTP session stalls; the
               SSH connection stays up); later connections are served normally. slow.txt answers
               every READ after 0.8 s (slow, but within a 3 s request timeout). fast.txt is served at once.

  drop         drop.bin (3 MiB): the first connection that reads past 1 MiB of it is dropped (TCP
               closed mid-file); later ones are served normally. always.bin (1 MiB): any read past
               256 KiB drops the connection, every time. ok.txt is served at once.
"""

import argparse
import asyncio
import os
import posixpath
import signal
import stat
import sys
from typing import AsyncIterator, Dict, List, Optional

import asyncssh
from asyncssh import SFTPAttrs, SFTPName

MTIME = 1_700_000_000
ROOT = b"/hostile"
DIR = b"/hostile/dir"
BATCH = 128  # asyncssh's own READDIR batch size (_MAX_READDIR_NAMES)
LONG_NAME = b"L" * 4096
ESC_DIR = b"\x1b[31mred"  # a folder name that colours a terminal red
# Connections (by id) already dropped or stalled once, for the "first time only" behaviours.
ONCE: Dict[str, int] = {}


def pattern(n: int, seed: int) -> bytes:
    """n deterministic, non-repeating-looking bytes."""
    return bytes((i * 31 + seed + i // 251) % 256 for i in range(n))


class Node:
    """A virtual file or folder. `claimed_size` is what attributes say; `data` is what READ gives."""

    def __init__(self, is_dir: bool, data: bytes = b"", claimed_size: Optional[int] = None,
                 children: Optional[List[bytes]] = None, link: Optional[bytes] = None,
                 behaviour: str = ""):
        self.is_dir = is_dir
        self.data = data
        self.claimed_size = len(data) if claimed_size is None else claimed_size
        self.children = children or []
        self.link = link  # a symbolic link to this target
        self.behaviour = behaviour  # how READ lies (see the modes)

    def attrs(self) -> SFTPAttrs:
        if self.link is not None:
            return SFTPAttrs(size=len(self.link), uid=os.getuid(), gid=os.getgid(),
                             permissions=stat.S_IFLNK | 0o777, atime=MTIME, mtime=MTIME)
        if self.is_dir:
            return SFTPAttrs(size=4096, uid=os.getuid(), gid=os.getgid(),
                             permissions=stat.S_IFDIR | 0o755, atime=MTIME, mtime=MTIME)
        return SFTPAttrs(size=self.claimed_size, uid=os.getuid(), gid=os.getgid(),
                         permissions=stat.S_IFREG | 0o644, atime=MTIME, mtime=MTIME)


class Tree:
    """Paths (bytes) to nodes. Lookup tries the exact path the client sent, then its normal form."""

    def __init__(self) -> None:
        self.nodes: Dict[bytes, Node] = {b"/": Node(True, children=[ROOT[1:]])}
        self.endless_dir: Optional[bytes] = None
        self.endless_name = b"endless-%09d.txt"
        # Extra entries a folder lists (path -> [(name, attrs)]), after its own children.
        self.extra: Dict[bytes, List] = {}
        self.slow_listing = False

    def add_dir(self, path: bytes, names: List[bytes]) -> None:
        self.nodes[path] = Node(True, children=[b".", b".."] + names)

    def add_file(self, path: bytes, data: bytes, claimed_size: Optional[int] = None) -> None:
        self.nodes[path] = Node(False, data, claimed_size)

    def alias(self, path: bytes, node: Node) -> None:
        self.nodes.setdefault(path, node)

    def lookup(self, path: bytes) -> Optional[Node]:
        if path in self.nodes:
            return self.nodes[path]
        return self.nodes.get(normalize(path))

    def resolve(self, path: bytes, follow_last: bool) -> Optional[bytes]:
        """The path with every symbolic link in it followed (the last one only if asked); None for
        a dangling link or a loop of more than 40 hops."""
        parts = [p for p in normalize(path).split(b"/") if p]
        done = b""
        hops = 0
        while parts:
            here = done + b"/" + parts.pop(0)
            node = self.nodes.get(here)
            if node is not None and node.link is not None and (parts or follow_last):
                hops += 1
                if hops > 40:
                    return None
                target = node.link if node.link.startswith(b"/") else done + b"/" + node.link
                parts = [p for p in normalize(target).split(b"/") if p] + parts
                done = b""
                continue
            done = here
        return done or b"/"


def normalize(path: bytes) -> bytes:
    if not path.startswith(b"/"):
        path = ROOT + b"/" + path  # the "home folder" is /hostile
    path = posixpath.normpath(path)
    if path.startswith(b"//"):
        path = b"/" + path.lstrip(b"/")
    return path


def build_tree(mode: str) -> Tree:
    t = Tree()
    t.add_dir(ROOT, [b"dir"])
    if mode == "evil-names":
        evil = [b"../escape.txt", b"/tmp/ferry-abs.txt", b"a/b.txt", b"sub\\back.txt",
                b"nul\x00byte.txt"]
        t.add_dir(DIR, evil + [b"ok.txt", b"nested"])
        t.add_file(DIR + b"/ok.txt", b"good")
        nested = DIR + b"/nested"
        t.add_dir(nested, [b"../../up.txt", b"fine.txt"])
        t.add_file(nested + b"/fine.txt", b"good")
        for parent, name in [(DIR, n) for n in evil] + [(nested, b"../../up.txt")]:
            node = Node(False, b"EVIL " + name)
            joined = parent + b"/" + name
            t.nodes[joined] = node  # exactly what a client that joins blindly asks for
            t.alias(normalize(joined), node)
            if name.startswith(b"/"):
                t.alias(name, node)  # the absolute name taken at its word
    elif mode == "endless":
        t.add_dir(ROOT, [b"dir", b"also.txt"])
        t.add_file(ROOT + b"/also.txt", b"also")
        t.add_dir(DIR, [])
        t.endless_dir = DIR
    elif mode in ("endless-dots", "endless-escapes"):
        t.add_dir(ROOT, [b"dir", b"also.txt"])
        t.add_file(ROOT + b"/also.txt", b"also")
        t.add_dir(DIR, [])
        t.endless_dir = DIR
        t.endless_name = b"." if mode == "endless-dots" else b"../escape_%d.txt"
    elif mode == "dup-types":
        t.add_dir(DIR, [b"twice", b"same.txt", b"ok.txt"])
        t.add_file(DIR + b"/twice", b"first")
        t.add_file(DIR + b"/same.txt", b"same")
        t.add_file(DIR + b"/ok.txt", b"good")
        t.extra[DIR] = [(b"twice", Node(True).attrs()), (b"same.txt", t.nodes[DIR + b"/same.txt"].attrs())]
    elif mode == "odd-names":
        names = [b"esc\x1b[31mred.txt", b"line\nbreak.txt", b"cr\rreturn.txt"]
        t.add_dir(DIR, names + [b"bad-\xff\xfe-utf8.txt", LONG_NAME, b"ok.txt"])
        for n in names + [b"bad-\xff\xfe-utf8.txt"]:
            t.add_file(DIR + b"/" + n, b"ctl")
        t.add_file(DIR + b"/" + LONG_NAME, b"long")
        t.add_file(DIR + b"/ok.txt", b"good")
    elif mode == "links":
        t.add_dir(DIR, [b"loop", b"up", b"self", b"outside", b"secret.txt", b"dangling", b"sub",
                        b"ok.txt", b"red"])
        for name, target in [(b"loop", b"."), (b"up", b".."), (b"self", DIR),
                             (b"outside", b"/etc"), (b"secret.txt", b"/etc/secret.txt"),
                             (b"dangling", b"/nowhere"), (b"red", b"/etc/" + ESC_DIR)]:
            t.nodes[DIR + b"/" + name] = Node(False, link=target)
        t.add_file(DIR + b"/ok.txt", b"good")
        t.add_dir(DIR + b"/sub", [b"back", b"fine.txt"])
        t.nodes[DIR + b"/sub/back"] = Node(False, link=b"../..")
        t.add_file(DIR + b"/sub/fine.txt", b"good")
        t.add_dir(b"/etc", [b"secret.txt", ESC_DIR])
        t.add_dir(b"/etc/" + ESC_DIR, [])
        t.nodes[b"/"].children.append(b"etc")
        t.add_file(b"/etc/secret.txt", b"OUTSIDE")
    elif mode == "bad-data":
        t.add_dir(DIR, [b"huge.bin", b"overlong.bin", b"grows.bin", b"shrinks.bin",
                        b"honest.bin"])
        t.add_file(DIR + b"/huge.bin", pattern(2000, 4), claimed_size=2**64 - 1)
        t.nodes[DIR + b"/overlong.bin"] = Node(False, pattern(3000, 5), behaviour="overlong")
        t.nodes[DIR + b"/grows.bin"] = Node(False, pattern(4000, 6), behaviour="grows")
        t.nodes[DIR + b"/shrinks.bin"] = Node(False, pattern(300_000, 7), behaviour="shrinks")
        t.add_file(DIR + b"/honest.bin", pattern(3000, 3))
    elif mode == "forever":
        t.add_dir(DIR, [b"forever.bin", b"honest.bin"])
        t.nodes[DIR + b"/forever.bin"] = Node(False, pattern(1000, 8), behaviour="forever")
        t.add_file(DIR + b"/honest.bin", pattern(3000, 3))
    elif mode == "slow":
        t.add_dir(DIR, [b"fast.txt", b"stall.bin", b"slow.txt"])
        t.add_file(DIR + b"/fast.txt", b"fast")
        t.nodes[DIR + b"/stall.bin"] = Node(False, pattern(300_000, 9), behaviour="stall")
        t.nodes[DIR + b"/slow.txt"] = Node(False, b"slow but steady", behaviour="slow")
        t.slow_listing = True
    elif mode == "drop":
        t.add_dir(DIR, [b"drop.bin", b"always.bin", b"ok.txt"])
        t.nodes[DIR + b"/drop.bin"] = Node(False, pattern(3 << 20, 10), behaviour="drop")
        t.nodes[DIR + b"/always.bin"] = Node(False, pattern(1 << 20, 11), behaviour="always")
        t.add_file(DIR + b"/ok.txt", b"good")
    elif mode == "lying-size":
        t.add_dir(DIR, [b"big.bin", b"small.bin", b"honest.bin"])
        t.add_file(DIR + b"/big.bin", pattern(5000, 1), claimed_size=1000)
        t.add_file(DIR + b"/small.bin", pattern(1000, 2), claimed_size=5000)
        t.add_file(DIR + b"/honest.bin", pattern(3000, 3))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return t


def endless_file() -> Node:
    return Node(False, b"endless\n")


class OpenFile:
    def __init__(self, path: bytes, node: Node):
        self.path = path
        self.node = node


class HostileSFTPServer(asyncssh.SFTPServer):
    tree: Tree  # set on the class before listening

    def _node(self, path: bytes, follow: bool = True) -> Node:
        tree = self.tree
        if tree.endless_dir is not None:
            parent, name = posixpath.split(normalize(path))
            if parent == tree.endless_dir and name.startswith(b"endless-"):
                return endless_file()
        node = tree.lookup(path)
        if node is not None and (node.link is None or not follow):
            return node
        resolved = tree.resolve(path, follow)
        node = None if resolved is None else tree.nodes.get(resolved)
        if node is None:
            raise asyncssh.SFTPNoSuchFile(f"No such file: {path!r}")
        return node

    # ---- reading -------------------------------------------------------------------------------

    def realpath(self, path: bytes) -> bytes:
        if path in (b"", b"."):
            return ROOT
        self._node(path)
        return self.tree.resolve(path, True) or normalize(path)

    def stat(self, path: bytes) -> SFTPAttrs:
        return self._node(path).attrs()

    def lstat(self, path: bytes) -> SFTPAttrs:
        return self._node(path, follow=False).attrs()

    def scandir(self, path: bytes) -> AsyncIterator[SFTPName]:
        # A plain method (not an async generator) so that OPENDIR itself fails on a bad path.
        node = self._node(path)
        if not node.is_dir:
            raise asyncssh.SFTPNoSuchFile(f"Not a folder: {path!r}")
        if self.tree.endless_dir is not None and normalize(path) == self.tree.endless_dir:
            return self._endless()
        return self._names(self.tree.resolve(path, True) or normalize(path), node)

    async def _names(self, parent: bytes, node: Node) -> AsyncIterator[SFTPName]:
        for name in node.children:
            if self.tree.slow_listing:
                await asyncio.sleep(0.3)
            if name in (b".", b".."):
                attrs = Node(True).attrs()
            else:
                attrs = self._node(parent.rstrip(b"/") + b"/" + name, follow=False).attrs()
            yield SFTPName(name, attrs=attrs)
        for name, attrs in self.tree.extra.get(parent, []):
            yield SFTPName(name, attrs=attrs)

    async def _endless(self) -> AsyncIterator[SFTPName]:
        for name in (b".", b".."):
            yield SFTPName(name, attrs=Node(True).attrs())
        n = 0
        attrs = endless_file().attrs()
        pattern = self.tree.endless_name
        while True:
            n += 1
            name = pattern % n if b"%" in pattern else pattern
            yield SFTPName(name, longname=b"-rw-r--r-- 1 test test 8 Nov 14 2023 " + name,
                           attrs=attrs)

    def open(self, path: bytes, pflags: int, attrs: SFTPAttrs) -> OpenFile:
        if pflags & (asyncssh.FXF_WRITE | asyncssh.FXF_CREAT | asyncssh.FXF_TRUNC
                     | asyncssh.FXF_APPEND):
            raise asyncssh.SFTPPermissionDenied("This server is read-only")
        node = self._node(path)
        if node.is_dir:
            raise asyncssh.SFTPFailure("Is a folder")
        return OpenFile(path, node)

    def open56(self, path, desired_access, flags, attrs):
        raise asyncssh.SFTPOpUnsupported("SFTP v5+ open is not supported here")

    async def read(self, file_obj: object, offset: int, size: int) -> bytes:
        assert isinstance(file_obj, OpenFile)
        node = file_obj.node
        how = node.behaviour
        conn = id(self.connection)
        if how == "overlong":
            if offset >= len(node.data):
                return b""
            chunk = node.data[offset:offset + size]
            return chunk + b"X" * (size + 16 - len(chunk))
        if how == "grows":
            node.data = pattern(min(len(node.data) + 4000, 40_000), 6)
        elif how == "shrinks":
            node.data = node.data[:1000]
        elif how == "forever":
            if offset >= len(node.data):
                return b"F" * size
        elif how == "stall":
            if ONCE.setdefault("stall", conn) == conn:
                print("hostile sftp server: stalling a READ of stall.bin", file=sys.stderr,
                      flush=True)
                await asyncio.Event().wait()  # never answered; ends with the connection
        elif how == "slow":
            await asyncio.sleep(0.8)
        elif how in ("drop", "always"):
            past = (1 << 20) if how == "drop" else (256 << 10)
            if offset >= past and (how == "always" or "drop" not in ONCE):
                ONCE[how] = ONCE.get(how, 0) + 1
                print(f"hostile sftp server: dropping the connection mid-{how}.bin "
                      f"(at offset {offset}, time {ONCE[how]})", file=sys.stderr, flush=True)
                self.connection.abort()
                await asyncio.sleep(3600)
        return node.data[offset:offset + size]

    def fstat(self, file_obj: object) -> SFTPAttrs:
        assert isinstance(file_obj, OpenFile)
        return file_obj.node.attrs()

    def close(self, file_obj: object) -> None:
        return None

    def readlink(self, path: bytes) -> bytes:
        node = self._node(path, follow=False)
        if node.link is None:
            raise asyncssh.SFTPInvalidParameter("Not a symbolic link")
        return node.link

    # ---- everything that would change something is refused ---------------------------------------

    def _refuse(self, *_args, **_kwargs):
        raise asyncssh.SFTPPermissionDenied("This server is read-only")

    write = setstat = lsetstat = fsetstat = remove = mkdir = rmdir = _refuse
    rename = posix_rename = symlink = link = lock = unlock = _refuse

    def statvfs(self, path: bytes):
        raise asyncssh.SFTPOpUnsupported("statvfs is not supported here")

    def fstatvfs(self, file_obj: object):
        raise asyncssh.SFTPOpUnsupported("statvfs is not supported here")

    def fsync(self, file_obj: object) -> None:
        return None


class OneUserServer(asyncssh.SSHServer):
    def __init__(self, user: str, authorized_keys: str):
        self.user = user
        self.authorized_keys = authorized_keys
        self.conn: Optional[asyncssh.SSHServerConnection] = None

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn

    def begin_auth(self, username: str) -> bool:
        if username == self.user and self.conn is not None:
            self.conn.set_authorized_keys(self.authorized_keys)
        return True  # other users: no trusted keys, so every attempt fails

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def host_based_auth_supported(self) -> bool:
        return False


async def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--host-key-pub", required=True)
    p.add_argument("--authorized-keys", required=True)
    p.add_argument("--user", default="test")
    p.add_argument("--mode", required=True, choices=["evil-names", "endless", "lying-size", "odd-names", "links",
                                                "bad-data", "forever", "slow", "drop", "endless-dots",
                                                "endless-escapes", "dup-types"])
    p.add_argument("--max-seconds", type=float, default=600.0)
    args = p.parse_args()

    HostileSFTPServer.tree = build_tree(args.mode)
    if args.mode.startswith("endless"):
        asyncssh.sftp._MAX_READDIR_NAMES = 1024  # bigger batches: ~80 KiB replies
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    host_key = asyncssh.generate_private_key("ssh-ed25519")
    with open(args.host_key_pub, "wb") as f:
        f.write(host_key.export_public_key("openssh"))

    server = await asyncssh.listen(
        "127.0.0.1", args.port,
        server_host_keys=[host_key],
        server_factory=lambda: OneUserServer(args.user, args.authorized_keys),
        sftp_factory=HostileSFTPServer,
        allow_scp=False,
        agent_forwarding=False,
        x11_forwarding=False,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    print(f"hostile sftp server: mode {args.mode} on 127.0.0.1:{port}", file=sys.stderr, flush=True)

    parent = os.getppid()
    deadline = loop.time() + args.max_seconds
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        except asyncio.TimeoutError:
            pass
        if os.getppid() != parent:
            print("hostile sftp server: parent exited, stopping", file=sys.stderr, flush=True)
            break
        if loop.time() > deadline:
            print("hostile sftp server: --max-seconds reached, stopping", file=sys.stderr,
                  flush=True)
            break

    server.close()
    await server.wait_closed()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
