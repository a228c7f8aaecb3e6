#!/usr/bin/env python3
"""Prints the benchmark table from the per-run results that tests/bench/run.sh records.

Input: a tab-separated file, one run a line:
    link  scenario  tool  pair  exit_status  verdict  seconds  peak_rss_kib
where tool is "ferry" or "openssh" and verdict is "ok" or a reason the run failed.
Standard library only.
"""

from __future__ import annotations

import argparse
import statistics
import sys

SCENARIOS = ["big-up", "big-down", "small-up", "small-down"]
# Throughput targets for Ferry relative to OpenSSH's sftp (at 40 ms for the "rtt" link).
TARGETS = {
    ("loopback", "big"): 1.0,
    ("rtt", "big"): 2.0,
    ("loopback", "small"): 3.0,
    ("rtt", "small"): 20.0,
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--big-bytes", type=int, required=True)
    ap.add_argument("--small-bytes", type=int, required=True)
    ap.add_argument("--rtt-ms", type=float, required=True)
    args = ap.parse_args()

    runs: dict[tuple[str, str, str], list[tuple[bool, float, int]]] = {}
    order: list[tuple[str, str]] = []
    with open(args.results) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 8:
                continue
            link, scenario, tool, _pair, _rc, verdict, secs, rss = parts
            if (link, scenario) not in order:
                order.append((link, scenario))
            try:
                rss_kib = int(rss)
            except ValueError:
                rss_kib = -1
            runs.setdefault((link, scenario, tool), []).append((verdict == "ok", float(secs), rss_kib))

    rtt = f"{args.rtt_ms:g} ms"
    header = (
        f"{'link':<10} {'scenario':<11} {'Ferry s':>9} {'MB/s':>8} {'OpenSSH s':>10} {'MB/s':>8}"
        f" {'ratio':>8} {'target':>7} {'':<4} {'fails F/O':>9} {'Ferry RSS':>10}"
    )
    print(header)
    print("-" * len(header))
    for link, scenario in sorted(order, key=lambda k: (k[0] != "loopback", SCENARIOS.index(k[1]))):
        nbytes = args.big_bytes if scenario.startswith("big") else args.small_bytes
        cells = {}
        fails = {}
        for tool in ("ferry", "openssh"):
            rs = runs.get((link, scenario, tool), [])
            good = [s for ok, s, _ in rs if ok]
            fails[tool] = f"{sum(1 for ok, _, _ in rs if not ok)}"
            if good:
                med = statistics.median(good)
                cells[tool] = (med, nbytes / 1e6 / med if med > 0 else float("inf"))
        rss = [r for ok, _, r in runs.get((link, scenario, "ferry"), []) if r >= 0]

        def fmt(tool: str) -> str:
            if tool not in cells:
                return f"{'-':>9} {'-':>8}" if tool == "ferry" else f"{'-':>10} {'-':>8}"
            s, mbs = cells[tool]
            w = 9 if tool == "ferry" else 10
            prec = 1 if mbs >= 10 else 2
            return f"{s:>{w}.2f} {mbs:>8.{prec}f}"

        ratio = "-"
        verdict = ""
        target = TARGETS[(link, scenario.split("-")[0])]
        if "ferry" in cells and "openssh" in cells:
            r = cells["ferry"][1] / cells["openssh"][1]
            ratio = f"{r:.2f}x"
            verdict = "ok" if r >= target else "MISS"
        label = "loopback" if link == "loopback" else rtt
        rss_s = f"{max(rss) / 1024:.1f} MiB" if rss else "-"
        print(
            f"{label:<10} {scenario:<11} {fmt('ferry')} {fmt('openssh')} {ratio:>8} "
            f"{'>=' + format(target, 'g') + 'x':>7} {verdict:<4} {fails['ferry'] + '/' + fails['openssh']:>9} {rss_s:>10}"
        )
    print()
    print("Seconds are medians of the successful runs; MB/s = 10^6 bytes per second; ratio = Ferry MB/s /")
    print("OpenSSH MB/s; fails = runs that exited non-zero, timed out or copied wrong data (Ferry/OpenSSH);")
    print("Ferry RSS = largest peak resident set of any Ferry run in that row.")
    if args.rtt_ms != 40 and any(link == "rtt" for link, _ in order):
        print(f"(The rtt targets are set for 40 ms; this run used {rtt}.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
