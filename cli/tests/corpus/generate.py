#!/usr/bin/env python3
"""Writes hostile.jsonl: 200 `ccplan eval` requests meant to break it —
bad JSON, wrong types, extreme and non-finite numbers, tiny and huge caps,
deep nesting, long lines, and valid requests at the edges of every limit.
Deterministic (seeded); run again to regenerate: python3 generate.py."""
import json
import random
from pathlib import Path

random.seed(20261123)
OPS = ["erlang_b", "erlang_c", "erlang_a", "required_agents"]
EXTREMES = [0, -1, 1e-300, 1e-9, 0.5, 1, 10, 99999.9, 100000, 100001, 1e6, 1e12, 1e308, -1e308,
            "10", None, True, [], {}, "NaN", "Infinity"]

lines = [
    "not json", "", "{", "}", "[]", "null", "42", '"text"', "{}", '{"op":null}',
    '{"op":"erlang_b"}', '{"op":"ERLANG_B","traffic":1,"servers":1}', '{"op":"erlang_b","traffic":NaN,"servers":1}',
    '{"op":"erlang_b","traffic":Infinity,"servers":1}', '{"op":"erlang_b","traffic":1e999,"servers":1}',
    "[" * 10_000 + "]" * 10_000, '{"a":' * 200 + "1" + "}" * 200,
    json.dumps({"op": "erlang_b", "traffic": 1, "servers": 1, "pad": "x" * 1_000_000}),
    json.dumps({"op": "erlang_b", "traffic": 1, "servers": 1, "traffic2": 2}),
    # A key given twice is refused by name (it was once answered with the last).
    '{"op":"erlang_b","traffic":1,"traffic":2,"servers":1}',
    # The longest horizon at the widest interval, from the shortest history ETS(A,N,A) takes.
    json.dumps({"op": "forecast", "history": [100 + 10 * (t % 2) + t for t in range(9)], "season": 2,
                "horizon": 1000, "level": 0.999, "model": "ana"}),
    "\ufeff" + json.dumps({"op": "erlang_b", "traffic": 10, "servers": 15}),
    json.dumps({"op": "required_agents", "model": "erlang_a", "traffic": 10, "aht_s": 180, "target_sl": 0.8,
                "target_s": 20, "patience_s": 120, "max_occupancy": 1e-9}),
    json.dumps({"op": "required_agents", "model": "erlang_a", "traffic": 10, "aht_s": 180, "target_sl": 0.8,
                "target_s": 20, "patience_s": 120, "max_occupancy": 1e-7}),
    json.dumps({"op": "required_agents", "model": "erlang_c", "traffic": 100000, "aht_s": 1, "target_sl": 0.999,
                "target_s": 0}),
    json.dumps({"op": "required_agents", "model": "erlang_a", "traffic": 100000, "aht_s": 1e6, "target_sl": 0.99,
                "target_s": 0, "patience_s": 1e18}),
    json.dumps({"op": "erlang_a", "traffic": 100000, "agents": 1, "aht_s": 1, "patience_s": 1e12, "target_s": 1e9}),
    json.dumps({"op": "erlang_a", "traffic": 1e-9, "agents": 200000, "aht_s": 1e6, "patience_s": 1e-6, "target_s": 0}),
    json.dumps({"op": "erlang_c", "traffic": 99999, "agents": 100000, "aht_s": 1e6, "target_s": 1e300}),
    json.dumps({"op": "erlang_b", "traffic": 100000, "servers": 200000}),
    json.dumps({"op": "erlang_b", "traffic": 100000, "servers": 1e9}),
]
fields = {
    "erlang_b": ["traffic", "servers"],
    "erlang_c": ["traffic", "agents", "aht_s", "target_s"],
    "erlang_a": ["traffic", "agents", "aht_s", "patience_s", "target_s"],
    "required_agents": ["traffic", "aht_s", "target_sl", "target_s", "patience_s", "max_occupancy", "max_asa_s",
                        "max_abandon", "shrinkage"],
}
while len(lines) < 200:
    op = random.choice(OPS)
    request = {"op": op}
    if op == "required_agents":
        request["model"] = random.choice(["erlang_c", "erlang_a", "erlang_x", 3])
    for name in fields[op]:
        if random.random() < 0.9:
            request[name] = random.choice(EXTREMES + [random.uniform(0, 200)] * 6)
    lines.append(json.dumps(request, allow_nan=False) if all(
        not (isinstance(v, float) and v != v) for v in request.values()) else "{}")

Path(__file__).with_name("hostile.jsonl").write_text("\n".join(lines[:200]) + "\n", encoding="utf-8")
