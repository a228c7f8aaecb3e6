#!/usr/bin/env python3
"""A TCP proxy on loopback that adds latency: every chunk read from one side is written to the
other side DELAY ms after it arrived (DELAY = RTT / 2 in each direction), in order.

Each direction of each connection keeps a queue of (release_time, chunk). Chunks are released at
arrival_time + delay, so many chunks are "in flight" at once and throughput is not limited to one
chunk per delay: the link behaves like a long fat pipe (latency only; no bandwidth cap, no loss).
A per-direction byte cap (--max-buffer) stops the proxy from buffering without bound; when it is
reached, or the receiving side is not keeping up, reading from the sending side pauses (ordinary
TCP back-pressure).

Standard library only (Python 3.11+).

    python3 delay_proxy.py --listen-port 0 --target-port 2222 --rtt-ms 40 --port-file /tmp/p

prints "PORT <n>" on stdout (and writes <n> to --port-file) once it is listening.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import signal
import socket
import sys

LOOPBACK = "127.0.0.1"


def set_nodelay(transport: asyncio.BaseTransport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass


class Direction:
    """One direction of one connection: data read from `src` is written to `dst` `delay` s later."""

    EOF = object()
    CLOSE = object()

    def __init__(self, loop: asyncio.AbstractEventLoop, delay: float, max_buffer: int):
        self.loop = loop
        self.delay = delay
        self.max_buffer = max_buffer
        self.queue: collections.deque = collections.deque()  # (release_time, bytes | EOF | CLOSE)
        self.queued_bytes = 0
        self.timer: asyncio.TimerHandle | None = None
        self.src: asyncio.Transport | None = None
        self.dst: asyncio.Transport | None = None
        self.dst_blocked = False  # dst's write buffer is full (pause_writing)
        self.reading_paused = False
        self.finished = False  # EOF or CLOSE delivered, or dst gone
        self.on_finished = None  # called once when finished

    def push(self, item) -> None:
        if self.finished:
            return
        self.queue.append((self.loop.time() + self.delay, item))
        if item is not Direction.EOF and item is not Direction.CLOSE:
            self.queued_bytes += len(item)
        self.update_reading()
        self.arm()

    def arm(self) -> None:
        """Schedules the release of the oldest queued item (one timer at a time keeps order)."""
        if self.timer is not None or not self.queue or self.dst is None:
            return
        self.timer = self.loop.call_at(self.queue[0][0], self.release)

    def release(self) -> None:
        self.timer = None
        now = self.loop.time()
        while self.queue and self.queue[0][0] <= now and self.dst is not None:
            _, item = self.queue.popleft()
            if item is Direction.EOF or item is Direction.CLOSE:
                self.deliver_end(item is Direction.EOF)
                return
            self.queued_bytes -= len(item)
            if not self.dst.is_closing():
                self.dst.write(item)
        self.update_reading()
        self.arm()

    def deliver_end(self, eof: bool) -> None:
        dst = self.dst
        if dst is not None and not dst.is_closing():
            if eof and dst.can_write_eof():
                try:
                    dst.write_eof()
                except (OSError, RuntimeError):
                    dst.close()
            else:
                dst.close()
        self.finish_without_delivery()

    def finish_without_delivery(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        self.queue.clear()
        self.queued_bytes = 0
        if not self.finished:
            self.finished = True
            if self.on_finished is not None:
                self.on_finished()

    def set_dst_blocked(self, blocked: bool) -> None:
        self.dst_blocked = blocked
        self.update_reading()

    def update_reading(self) -> None:
        """Pauses reading from src while too much is queued or dst is not keeping up."""
        if self.src is None or self.src.is_closing():
            return
        if self.dst_blocked or self.queued_bytes > self.max_buffer:
            if not self.reading_paused:
                self.src.pause_reading()
                self.reading_paused = True
        elif self.reading_paused and self.queued_bytes <= self.max_buffer // 2:
            self.src.resume_reading()
            self.reading_paused = False


class Side(asyncio.Protocol):
    """Protocol for one socket. `inbound` is the Direction it feeds; `outbound` the one feeding it."""

    def __init__(self, inbound: Direction, outbound: Direction, on_made=None):
        self.inbound = inbound
        self.outbound = outbound
        self.on_made = on_made

    def connection_made(self, transport):  # type: ignore[override]
        set_nodelay(transport)
        self.inbound.src = transport
        self.outbound.dst = transport
        if self.on_made is not None:
            self.on_made(transport)

    def data_received(self, data: bytes) -> None:
        self.inbound.push(data)

    def eof_received(self):
        self.inbound.push(Direction.EOF)
        return True  # keep the socket open for the other direction (half close)

    def connection_lost(self, exc):
        self.inbound.push(Direction.CLOSE)
        # Nothing more can be written to this socket: drop what is queued for it.
        self.outbound.queue.clear()
        self.outbound.queued_bytes = 0
        self.outbound.dst = None
        self.outbound.finish_without_delivery()

    def pause_writing(self):
        self.outbound.set_dst_blocked(True)

    def resume_writing(self):
        self.outbound.set_dst_blocked(False)


class Proxy:
    def __init__(self, target_host: str, target_port: int, delay: float, max_buffer: int, verbose: bool):
        self.target_host = target_host
        self.target_port = target_port
        self.delay = delay
        self.max_buffer = max_buffer
        self.verbose = verbose
        self.count = 0

    def log(self, msg: str) -> None:
        if self.verbose:
            print(f"delay_proxy: {msg}", file=sys.stderr, flush=True)

    def client_factory(self) -> asyncio.Protocol:
        loop = asyncio.get_running_loop()
        self.count += 1
        cid = self.count
        up = Direction(loop, self.delay, self.max_buffer)  # client -> server
        down = Direction(loop, self.delay, self.max_buffer)  # server -> client

        def made(transport) -> None:
            self.log(f"connection {cid} from {transport.get_extra_info('peername')}")
            loop.create_task(self.connect_upstream(cid, up, down, transport))

        return Side(inbound=up, outbound=down, on_made=made)

    async def connect_upstream(self, cid: int, up: Direction, down: Direction, client_tr) -> None:
        loop = asyncio.get_running_loop()
        try:
            server_tr, _ = await loop.create_connection(
                lambda: Side(inbound=down, outbound=up), self.target_host, self.target_port
            )
        except OSError as e:
            self.log(f"connection {cid}: upstream connect failed: {e}")
            client_tr.close()
            return
        done = [0]

        def finished() -> None:
            done[0] += 1
            if done[0] == 2:
                self.log(f"connection {cid} closed")
                for tr in (client_tr, server_tr):
                    if not tr.is_closing():
                        tr.close()

        up.on_finished = finished
        down.on_finished = finished
        if up.finished:  # the client went away while we were connecting
            finished()
        up.arm()  # release what the client sent while the upstream connection was being made


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--listen-port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    ap.add_argument("--target-port", type=int, required=True, help="port of the server on 127.0.0.1")
    ap.add_argument("--rtt-ms", type=float, required=True, help="round-trip time to add (half each way)")
    ap.add_argument("--max-buffer", type=int, default=64 * 1024 * 1024,
                    help="bytes queued per direction per connection before reading pauses")
    ap.add_argument("--port-file", help="write the listening port to this file")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    delay = max(args.rtt_ms, 0.0) / 2000.0
    proxy = Proxy(LOOPBACK, args.target_port, delay, args.max_buffer, args.verbose)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(proxy.client_factory, LOOPBACK, args.listen_port)
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    print(f"PORT {port}", flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
