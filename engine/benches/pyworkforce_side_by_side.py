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
    cargo build --profile bench -p ccplan-engine --example timed_day
    pip install pyworkforce          # if it is not installed yet
    python3 engine/benches/pyworkforce_side_by_side.py

ccplan is timed four ways:

- the goal of issue 26: one `ccplan eval --timing` process per day, given
  the day's 96 `required_agents` lines; `--timing` prints on stderr the time
  from the first byte read to the last byte written (JSON reading, the
  searches, JSON writing and the write to the pipe; process start and exit
  left out). The median of TIMED_RUNS processes;
- the same process timed from outside (wall clock, process start included);
- 200 different days in one `ccplan eval --timing` process, per day (day k's
  loads scaled by 1 + k/10^7, so no day repeats another's loads bit for bit
  and none is answered from an earlier day's searches);
- `ccplan plan --csv -` planning the day as one forecast CSV (`plan_day`,
  process start included).

And the engine alone, timed inside its process as pyworkforce is timed
inside Python (`engine/examples/timed_day.rs`; the median of 11 samples of
200 days each), two ways: `plan_day`, the engine's day plan (what the app
and `ccplan plan` run; it shares work between intervals), and one
`required_agents` call per interval, nothing shared.
"""

import json
import math
import os
import re
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
TIMED_DAY = os.path.join(ROOT, "target", "release", "examples", "timed_day")
AHT_S, TARGET_S, SL, INTERVAL_S = 300.0, 20.0, 0.8, 900.0
REPEATS = 7
TIMED_RUNS = 21
DAYS_IN_ONE_PROCESS = 200
TIMING = re.compile(r"ccplan eval: (\d+) requests in ([0-9.]+) ms, from the first byte read")


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


def different_days(traffic, days):
    """`days` days of the day's shape, day k's loads scaled by 1 + k/10^7."""
    return "".join(requests([a * (1 + k * 1e-7) for a in traffic]) for k in range(days))


def ccplan(text, args=("eval",)):
    start = time.perf_counter()
    out = subprocess.run([CCPLAN, *args], input=text, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, out.stdout


def ccplan_inside(text):
    """`ccplan eval --timing`: seconds from the first byte read to the last
    byte written, as the process reports them, the requests and the replies."""
    out = subprocess.run([CCPLAN, "eval", "--timing"], input=text, capture_output=True,
                         text=True, check=True)
    found = TIMING.search(out.stderr)
    if not found:
        sys.exit("ccplan eval --timing printed no timing (build the CLI again): %r" % out.stderr)
    return float(found.group(2)) / 1e3, int(found.group(1)), out.stdout


PLAN_ARGS = ("plan", "--csv", "-", "--interval-min", "15", "--aht", "300", "--shrinkage", "0",
             "--sl", "0.8", "--target-s", "20")


def forecast_csv(traffic):
    """The day as `ccplan plan` reads it: interval start, calls."""
    rows = ["interval_start,volume"]
    for i, a in enumerate(traffic):
        rows.append("%02d:%02d,%r" % (i // 4, 15 * (i % 4), calls(a)))
    return "\n".join(rows) + "\n"


def plan_agents(out):
    """The agents column of `ccplan plan`'s CSV, interval rows only."""
    lines = out.splitlines()
    column = lines[0].split(",").index("agents")
    return [int(float(line.split(",")[column])) for line in lines[1:]
            if line and line[0].isdigit()]


def main():
    if not os.path.exists(CCPLAN):
        sys.exit("build the CLI first: cargo build --profile bench -p ccplan-cli")
    if not os.path.exists(TIMED_DAY):
        sys.exit("build the engine's timer first: "
                 "cargo build --profile bench -p ccplan-engine --example timed_day")
    traffic = day_traffic()

    py_times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        py_agents = pyworkforce_day(traffic)
        py_times.append(time.perf_counter() - start)

    one_day = requests(traffic)
    inside_times = []
    for _ in range(TIMED_RUNS):
        elapsed, answered, out = ccplan_inside(one_day)
        inside_times.append(elapsed)
    inside_agents = [json.loads(line)["agents"] for line in out.splitlines()]
    if answered != 96:
        inside_agents.append(("requests", answered))
    cli_times = []
    for _ in range(REPEATS):
        elapsed, out = ccplan(one_day)
        cli_times.append(elapsed)
    cli_agents = [json.loads(line)["agents"] for line in out.splitlines()]
    many_times = []
    many_days = different_days(traffic, DAYS_IN_ONE_PROCESS)
    for _ in range(REPEATS):
        elapsed, answered, _ = ccplan_inside(many_days)
        if answered != 96 * DAYS_IN_ONE_PROCESS:
            sys.exit("%d requests answered of %d" % (answered, 96 * DAYS_IN_ONE_PROCESS))
        many_times.append(elapsed / DAYS_IN_ONE_PROCESS)

    plan_times = []
    for _ in range(REPEATS):
        elapsed, out = ccplan(forecast_csv(traffic), PLAN_ARGS)
        plan_times.append(elapsed)
    planned = plan_agents(out)

    engine = json.loads(subprocess.run(
        [TIMED_DAY], input="\n".join(repr(intensity(a)) for a in traffic),
        capture_output=True, text=True, check=True).stdout)
    engine_agents = engine["agents"]
    plan_day_agents = engine["plan_day_agents"]

    unequal = [(i, p, c) for i, (p, c) in enumerate(zip(py_agents, cli_agents)) if p != c]
    unequal += [(i, p, c) for i, (p, c) in enumerate(zip(py_agents, inside_agents)) if p != c]
    if len(inside_agents) != 96:
        unequal.append(("eval --timing rows", 96, len(inside_agents)))
    unequal += [(i, p, c) for i, (p, c) in enumerate(zip(py_agents, engine_agents)) if p != c]
    unequal += [(i, p, c) for i, (p, c) in enumerate(zip(py_agents, plan_day_agents)) if p != c]
    unequal += [(i, p, c) for i, (p, c) in enumerate(zip(py_agents, planned)) if p != c]
    if len(planned) != 96 or len(engine_agents) != 96 or len(plan_day_agents) != 96:
        unequal.append(("plan rows", 96, len(planned)))
    py, cli, per_day, inside = (statistics.median(t)
                                for t in (py_times, cli_times, many_times, inside_times))
    print("intervals: %d, agents equal on every interval: %s (total %d agent-intervals)"
          % (len(traffic), "yes" if not unequal and len(cli_agents) == 96 else "NO %s" % unequal,
             sum(cli_agents)))
    print("pyworkforce ErlangC.required_positions, the day: %.1f ms" % (py * 1e3))
    print("ccplan eval, the day inside its process (first byte read to last byte written, "
          "median of %d processes): %.3f ms  -> %.0fx" % (TIMED_RUNS, inside * 1e3, py / inside))
    print("ccplan eval, one process for the day (start-up included): %.2f ms  -> %.0fx" % (cli * 1e3, py / cli))
    print("ccplan eval, per day over %d different days inside one process: %.3f ms  -> %.0fx"
          % (DAYS_IN_ONE_PROCESS, per_day * 1e3, py / per_day))
    plan = statistics.median(plan_times)
    print("ccplan plan --csv (plan_day), one process for the day (start-up included): %.2f ms  -> %.0fx"
          % (plan * 1e3, py / plan))
    for label, key in (("plan_day", "plan_day_ms"), ("required_agents per interval", "per_day_ms")):
        per_day_engine = engine[key] / 1e3
        print("ccplan engine alone, the day in its process (%s): %.3f ms  -> %.0fx"
              % (label, per_day_engine * 1e3, py / per_day_engine))
    print("(medians of %d runs; the day inside ccplan eval: of %d)" % (REPEATS, TIMED_RUNS))
    if unequal:
        sys.exit(1)


if __name__ == "__main__":
    main()
