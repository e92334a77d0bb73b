"""Reads one run directory of bench/run.sh into plain numbers: no formatting here.

Each run directory holds measure.env (written by lib/common.sh: counters, CPU ticks and wall-clock times at
launch, at the window's start A and end B, and after exit), time.txt (GNU time: user s, sys s, max RSS KiB,
wall s) and the tool's own output. Units are in the names: _s seconds, _kib KiB, _ms milliseconds.
"""
import csv
import json
import math
import re
import statistics
from pathlib import Path

NAN = float("nan")


def read_env(path):
    values = {}
    for line in Path(path).read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def number(values, key):
    try:
        return float(values[key])
    except (KeyError, ValueError):
        return NAN


def gnu_time(path):
    """(cpu_s, max_rss_kib, wall_s) from `time -f '%U %S %M %e'`; the last matching line wins."""
    result = (NAN, NAN, NAN)
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) == 4 and all(re.fullmatch(r"[0-9.]+", p) for p in parts):
                result = (float(parts[0]) + float(parts[1]), float(parts[2]), float(parts[3]))
    return result


def window(env):
    """The steady window between snapshots A and B: seconds, requests nginx served (minus the harness's own
    status probes), and CPU seconds of the generator, the nginx worker and everything else on the machine."""
    tck = number(env, "clk_tck")
    seconds = number(env, "t_B") - number(env, "t_A")
    requests = (number(env, "requests_B") - number(env, "requests_A")
                - (number(env, "probes_B") - number(env, "probes_A")))
    gen = (number(env, "gen_ticks_B") - number(env, "gen_ticks_A")) / tck
    user = (number(env, "gen_user_ticks_B") - number(env, "gen_user_ticks_A")) / tck
    system = (number(env, "gen_sys_ticks_B") - number(env, "gen_sys_ticks_A")) / tck
    srv = (number(env, "srv_ticks_B") - number(env, "srv_ticks_A")) / tck
    machine = (number(env, "all_ticks_B") - number(env, "all_ticks_A")) / tck
    softirq = (number(env, "softirq_ticks_B") - number(env, "softirq_ticks_A")) / tck
    steal = (number(env, "steal_ticks_B") - number(env, "steal_ticks_A")) / tck
    return {
        "window_s": seconds,
        "window_requests": requests,
        "rps_steady": requests / seconds if seconds > 0 else NAN,
        "gen_cpu_window_s": gen,
        "gen_cores": gen / seconds if seconds > 0 else NAN,
        "srv_cores": srv / seconds if seconds > 0 else NAN,
        "softirq_cores": softirq / seconds if seconds > 0 else NAN,
        "steal_cores": steal / seconds if seconds > 0 else NAN,
        # Everything else that ran: other people's processes. Ticks in softirq are also charged to the process
        # they interrupted (ours included), so softirq is shown as a share of the busy time, never subtracted.
        "other_cores": (machine - gen - srv - steal) / seconds if seconds > 0 else NAN,
        "rps_per_cpu_steady": requests / gen if gen > 0 else NAN,
        "user_us_per_request": 1e6 * user / requests if requests > 0 else NAN,
        "sys_us_per_request": 1e6 * system / requests if requests > 0 else NAN,
    }


def wrk_output(text):
    out = {}
    m = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", text)
    if m:
        out["tool_requests"] = float(m.group(1))
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if m:
        out["tool_rps"] = float(m.group(1))
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(r"^\s+" + pct + r"%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        if m:
            out[key] = float(m.group(1)) * scale[m.group(2)]
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(g) for g in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors += int(m.group(1))
    out["failures"] = float(errors)
    return out


def stampede_output(run_dir):
    path = run_dir / "summary.json"
    if not path.exists():
        return {}
    total = json.loads(path.read_text())["summary"]["total"]
    return {"tool_requests": float(total["requests"]), "tool_rps": float(total["rps"]),
            "p50_ms": float(total["p50Ms"]), "p99_ms": float(total["p99Ms"]),
            "failures": float(total["failures"])}


def locust_output(run_dir):
    path = run_dir / "locust_stats.csv"
    if not path.exists():
        return {}
    with path.open() as f:
        for row in csv.DictReader(f):
            if row.get("Name") == "Aggregated":
                return {"tool_requests": float(row["Request Count"]), "tool_rps": float(row["Requests/s"]),
                        "p50_ms": float(row["50%"]), "p99_ms": float(row["99%"]),
                        "failures": float(row["Failure Count"])}
    return {}


def first_request_delay_s(run_dir, launch):
    """Seconds from launch to the first request nginx logged ($msec minus $request_time), or NaN."""
    path = run_dir / "first_requests.log"
    arrivals = []
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2:
                arrivals.append(float(parts[0]) - float(parts[1]))
    return min(arrivals) - launch if arrivals else NAN


def number_rows(path, columns):
    """The lines of a whitespace-separated file that have exactly `columns` numbers, as float lists; [] if absent."""
    if not path.exists():
        return []
    return [[float(p) for p in line.split()] for line in path.read_text().splitlines() if len(line.split()) == columns]


def tick_trace(run_dir):
    """[(epoch_s, cpu_ticks)] from ticks.txt (written every ~20 ms while the generator ran), or []."""
    return [(t, ticks) for t, ticks in number_rows(run_dir / "ticks.txt", 2)]


def request_trace(run_dir):
    """[(epoch_s, requests)] from requests.txt: nginx's counter every ~0.25 s, minus the tracer's own probes."""
    return [(t, count - probes) for t, count, probes in number_rows(run_dir / "requests.txt", 3)]


def ticks_at(trace, when):
    """A trace's value (CPU ticks, requests) at an instant, interpolated between its samples."""
    if not trace or when <= trace[0][0]:
        return trace[0][1] if trace else NAN
    for (t0, v0), (t1, v1) in zip(trace, trace[1:]):
        if t0 <= when <= t1:
            return v0 + (v1 - v0) * (when - t0) / (t1 - t0) if t1 > t0 else v1
    return trace[-1][1]


def cpu_phases(out, trace, tck, requests=(), window=(NAN, NAN)):
    """Splits the whole run's CPU-s: before the first request, after the load period (first request +
    duration) until exit, and what the run used beyond its requests' steady-state cost.

    Two estimates of the last. `beyond_steady_cpu_s`: the whole run's CPU minus its requests at the steady
    window's rate; every second's swing of the steady rate counts in it. `outside_steady_cpu_s`: start-up +
    shut-down + the warm-up's excess, which is, for each whole second of load before the window (window[0]
    seconds after launch), its CPU minus its requests at the median per-request cost of the window's seconds
    (needs the request trace)."""
    first = out["launch"] + out["first_request_s"]
    load_end = first + out["duration_s"]
    startup = ticks_at(trace, first) / tck
    shutdown = out["cpu_s"] - ticks_at(trace, load_end) / tck
    beyond = out["cpu_s"] - out["nginx_requests"] / out["rps_per_cpu_steady"]
    phases = {"startup_cpu_s": startup, "shutdown_cpu_s": shutdown, "outside_load_cpu_s": startup + shutdown,
              "beyond_steady_cpu_s": beyond,
              "warmup_excess_cpu_s": beyond - startup - shutdown,
              "outside_rate_cpu_s": out["cpu_s"] - out["gen_cores"] * out["duration_s"]}
    if requests and is_number(window[0]):
        seconds = []  # (start offset from the first request, CPU-s, requests) per whole second of load
        for k in range(int(out["duration_s"])):
            t0, t1 = first + k, first + k + 1
            seconds.append((k, (ticks_at(trace, t1) - ticks_at(trace, t0)) / tck,
                            ticks_at(requests, t1) - ticks_at(requests, t0)))
        start, end = out["launch"] + window[0], out["launch"] + window[1]
        steady = [cpu / n for k, cpu, n in seconds if first + k >= start and first + k + 1 <= end and n > 0]
        warmup = [(cpu, n) for k, cpu, n in seconds if first + k + 1 <= start]
        if steady:
            cost = statistics.median(steady)
            excess = sum(cpu - n * cost for cpu, n in warmup)
            phases.update({"steady_cost_us": 1e6 * cost, "warmup_excess_median_cpu_s": excess,
                           "warmup_seconds": float(len(warmup)),
                           "outside_steady_cpu_s": startup + excess + shutdown})
    return phases


def run(run_dir, tool):
    """Everything measured in one run of one tool ("wrk", "stampede", "locust", or one of those followed by
    "-" and a configuration), as a dict of numbers."""
    run_dir = Path(run_dir)
    env = read_env(run_dir / "measure.env")
    cpu_s, rss_kib, wall_s = gnu_time(run_dir / "time.txt")
    total = (number(env, "requests_after") - number(env, "requests_before")
             - (number(env, "probes_after") - number(env, "probes_before")))
    out = {"run": run_dir.name, "users": number(env, "users"), "exit_status": number(env, "exit_status"),
           "launch": number(env, "launch"), "cpu_s": cpu_s, "rss_kib": rss_kib, "wall_s": wall_s,
           "nginx_requests": total, "hwm_at_b_kib": number(env, "gen_hwm_kib_B"),
           # CPU-s of the JIT's compiler threads from launch to the end of the steady window (HotSpot only).
           "jit_cpu_s": number(env, "jit_ticks_B") / number(env, "clk_tck"),
           "rps_per_cpu_whole": total / cpu_s if cpu_s > 0 else NAN,
           "duration_s": number(env, "duration_s"), "gen_comm": env.get("gen_comm", "")}
    out.update(window(env))
    kind = tool.split("-")[0]
    if kind == "wrk":
        out.update(wrk_output((run_dir / "out.txt").read_text(errors="replace")))
    elif kind == "stampede":
        out.update(stampede_output(run_dir))
    elif kind == "locust":
        out.update(locust_output(run_dir))
    out["first_request_s"] = first_request_delay_s(run_dir, out["launch"])
    trace = tick_trace(run_dir)
    if trace and is_number(out["first_request_s"]):
        out.update(cpu_phases(out, trace, number(env, "clk_tck"), request_trace(run_dir),
                              (number(env, "window_start_s"), number(env, "window_end_s"))))
    return out


def runs(phase_dir, tool):
    """All runs of a tool in a phase directory, in run order."""
    base = Path(phase_dir) / tool
    if not base.is_dir():
        return []
    dirs = sorted((d for d in base.iterdir() if d.is_dir() and d.name.startswith("run")),
                  key=lambda d: int(d.name[3:]))
    return [run(d, tool) for d in dirs]


def is_number(x):
    return isinstance(x, float) and not math.isnan(x)
