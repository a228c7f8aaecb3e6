#!/usr/bin/env python3
"""An HTTP CONNECT proxy on loopback for the proxy tests (standard library only).

    python3 http_proxy.py [--login USER:PASSWORD]

Listens on 127.0.0.1 at a free port and prints "PORT <n>" on stdout once it is. Each CONNECT
host:port is answered "200 Connection established" and the bytes are relayed both ways. With
--login, a request without that Basic login is answered "407 Proxy Authentication Required".
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import sys


async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def serve(login: str | None, reader, writer) -> None:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    _method, authority, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if login is not None:
        wanted = "Basic " + base64.b64encode(login.encode()).decode()
        if headers.get("proxy-authorization") != wanted:
            writer.write(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="ferry-test"\r\n'
                b"Content-Length: 0\r\n\r\n"
            )
            await writer.drain()
            writer.close()
            return
    host, port = authority.rsplit(":", 1)
    try:
        up_reader, up_writer = await asyncio.open_connection(host.strip("[]"), int(port))
    except OSError as e:
        writer.write(f"HTTP/1.1 502 Bad Gateway ({e.strerror})\r\n\r\n".encode())
        await writer.drain()
        writer.close()
        return
    writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
    await writer.drain()
    await asyncio.gather(relay(reader, up_writer), relay(up_reader, writer))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--login", help="USER:PASSWORD the proxy demands (Basic)")
    args = parser.parse_args()
    server = await asyncio.start_server(
        lambda r, w: serve(args.login, r, w), "127.0.0.1", 0
    )
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
