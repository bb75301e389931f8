#!/usr/bin/env python3
"""The 96-interval Erlang C day side by side: pyworkforce against ccplan.

The day of `engine/benches/engine.rs` (`busy_day`): 15-minute intervals whose
load runs 50 -> 5 000 -> 50 Erlangs (50 + 4 950 sin(pi i / 95)), AHT 300 s,
80 % answered within 20 s, no shrinkage, no occupancy cap. Each interval is
staffed by pyworkforce's `ErlangC(...).required_positions(service_level=0.8,
max_occupancy=1.0)` and by `ccplan eval` (one `required_agents` request per
interval); the agent counts must be equal on every interval.

Run from the repository root:

    cargo build --profile bench -p ccplan-cli
    pip install pyworkforce          # if it is not installed yet
    python3 engine/benches/pyworkforce_side_by_side.py

ccplan is timed twice: one process answering the day's 96 requests (wall
clock, process start and JSON included) and, to take the start-up out, one
process answering the day 200 times over (the time per day). The engine's own
time for the day, without any JSON, is criterion's
`plan_day/erlang_c/96 intervals 50-5000 E` (BENCHMARKS.md).
"""

import json
import math
import os
import statistics
import subprocess
import sys
import time

try:
    from pyworkforce.queuing import ErlangC
except ImportError:
    sys.exit("pyworkforce is not installed: pip install pyworkforce")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CCPLAN = os.path.join(ROOT, "target", "release", "ccplan")
AHT_S, TARGET_S, SL, INTERVAL_S = 300.0, 20.0, 0.8, 900.0
REPEATS = 5
DAYS_IN_ONE_PROCESS = 200


def day_traffic():
    return [50.0 + 4950.0 * math.sin(math.pi * i / 95.0) for i in range(96)]


def calls(a):
    """Calls in the interval, as pyworkforce is given them."""
    return a * INTERVAL_S / AHT_S


def intensity(a):
    """The load pyworkforce computes from them, which ccplan is given."""
    return (calls(a) / INTERVAL_S) * AHT_S


def pyworkforce_day(traffic):
    agents = []
    for a in traffic:
        erlang = ErlangC(transactions=calls(a), asa=TARGET_S, aht=AHT_S,
                         interval=INTERVAL_S, shrinkage=0)
        agents.append(erlang.required_positions(service_level=SL, max_occupancy=1.0)["raw_positions"])
    return agents


def requests(traffic, days=1):
    line = '{"op":"required_agents","model":"erlang_c","traffic":%r,"aht_s":300,"target_sl":0.8,"target_s":20}\n'
    return "".join(line % intensity(a) for a in traffic) * days


def ccplan(text):
    start = time.perf_counter()
    out = subprocess.run([CCPLAN, "eval"], input=text, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, out.stdout


def main():
    if not os.path.exists(CCPLAN):
        sys.exit("build the CLI first: cargo build --profile bench -p ccplan-cli")
    traffic = day_traffic()

    py_times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        py_agents = pyworkforce_day(traffic)
        py_times.append(time.perf_counter() - start)

    one_day = requests(traffic)
    cli_times = []
    for _ in range(REPEATS):
        elapsed, out = ccplan(one_day)
        cli_times.append(elapsed)
    cli_agents = [json.loads(line)["agents"] for line in out.splitlines()]
    many_times = []
    for _ in range(REPEATS):
        elapsed, _ = ccplan(requests(traffic, DAYS_IN_ONE_PROCESS))
        many_times.append(elapsed / DAYS_IN_ONE_PROCESS)

    unequal = [(i, p, c) for i, (p, c) in enumerate(zip(py_agents, cli_agents)) if p != c]
    py, cli, per_day = (statistics.median(t) for t in (py_times, cli_times, many_times))
    print("intervals: %d, agents equal on every interval: %s (total %d agent-intervals)"
          % (len(traffic), "yes" if not unequal and len(cli_agents) == 96 else "NO %s" % unequal,
             sum(cli_agents)))
    print("pyworkforce ErlangC.required_positions, the day: %.1f ms" % (py * 1e3))
    print("ccplan eval, one process for the day (start-up included): %.2f ms  -> %.0fx" % (cli * 1e3, py / cli))
    print("ccplan eval, per day over %d days in one process: %.3f ms  -> %.0fx"
          % (DAYS_IN_ONE_PROCESS, per_day * 1e3, py / per_day))
    print("(medians of %d runs)" % REPEATS)
    if unequal:
        sys.exit(1)


if __name__ == "__main__":
    main()
