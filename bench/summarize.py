"""Prints the markdown report of one bench/run.sh run: python3 summarize.py RESULTS/runs/<id>/raw

Every figure is the median across runs, with the range in brackets; the targets come from the issue.
"""
import statistics
import sys
from pathlib import Path

import measurements as m

RATIO_TARGET = 1.0          # Stampede's steady requests per CPU-second, as a fraction of wrk's (plain HTTP)
HTTPS_RATIO_TARGET = 0.8    # the same over TLS 1.3, quiet and with another core busy
KIB_PER_USER_TARGET = 8.0   # marginal memory per idle user
RATE_TOLERANCE = 0.05       # delivered vs scheduled request rate at 10,000 users
FIRST_REQUEST_TARGET_S = 1.0
OVERHEAD_TARGET_CPU_S = 1.5
THINK_MEAN_S = 1.5          # between: [1s, 2s]


def finite(values):
    return [v for v in values if m.is_number(v)]


def median(values):
    values = finite(values)
    return statistics.median(values) if values else m.NAN


def fmt(value, digits=0):
    if not m.is_number(value):
        return "–"
    return f"{value:,.{digits}f}"


def cell(values, digits=0, bold=False):
    values = finite(values)
    if not values:
        return "–"
    mid = fmt(statistics.median(values), digits)
    if bold:
        mid = f"**{mid}**"
    if len(values) == 1:
        return mid
    return f"{mid} [{fmt(min(values), digits)}–{fmt(max(values), digits)}]"


def col(runs, key):
    return [r.get(key, m.NAN) for r in runs]


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "**missed**"


def header(meta):
    dirty = meta.get("uncommitted_runner_files", "0")
    dirty_note = f" plus {dirty} uncommitted file(s) under runner/ in the working tree" if dirty not in ("", "0") else ""
    locust = f"Locust {meta['locust']} (Python {meta['python']})" if meta.get("locust") else meta.get("locust_note", "")
    return "\n".join([
        f"# Stampede benchmark, {meta.get('date', '?')}",
        "",
        f"* **Machine:** {meta.get('nproc')} CPUs ({meta.get('cpu_model')}), {meta.get('mem_total')}, "
        f"{meta.get('os')}, kernel {meta.get('kernel')}; load average at start {meta.get('load_average')}",
        f"* **Runner:** commit `{meta.get('commit')}`{dirty_note}; jar `{meta.get('jar')}` built "
        f"{meta.get('jar_mtime')}; {meta.get('jdk')}",
        f"* **Runner JVM options (STAMPEDE_JAVA_OPTS):** `{meta.get('java_opts') or '(none)'}`; started through "
        f"`./stampede` with its start-up archive `{meta.get('archive') or meta.get('cds_archive') or '(none: not made)'}`",
        f"* **Others:** nginx {meta.get('nginx')} (1 worker, CPU 1), wrk {meta.get('wrk')}, {locust}",
        f"* **Machine load:** {float(meta.get('busy_cores_before', 'nan')):.2f} cores busy in the 3 s before the "
        "first run (other people's work; see the \"other busy cores\" column)",
        f"* **Method:** {meta.get('runs')} interleaved runs per row; medians [min–max]. Generators on CPU 0, "
        "nginx on CPU 1, all on 127.0.0.1. Steady window = nginx's stub_status counter and the generator's "
        "utime+stime (/proc/PID/stat) between two instants in mid-run.",
        "",
    ])


def throughput(raw, meta, phase_name="throughput", title="1. Throughput", label="", goal=RATIO_TARGET):
    phase = raw / phase_name
    data = {tool: m.runs(phase, tool) for tool in ("wrk", "stampede", "stampede-jdk", "locust")}
    if not data["stampede"]:
        return [], None
    start = float(meta.get("window_start", "4"))
    end = start + float(meta.get("window_seconds", "6"))
    lines = [f"## {title}: 50 connections/users, no think time, {meta.get('throughput_seconds')} s runs, "
             f"steady window {start:g}–{end:g} s after launch", "",
             "| tool | RPS steady (nginx) | RPS tool-reported | p50 ms | p99 ms | CPU-s whole run | RPS/CPU-s whole "
             "| RPS/CPU-s steady | user / sys µs per request | generator cores steady | nginx cores steady "
             "| softirq / steal / other cores (machine) | peak RSS MB | failures |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    names = {"wrk": "wrk `-t1 -c50`", "stampede": "Stampede", "stampede-jdk": "Stampede, JDK TLS (fallback)",
             "locust": "Locust FastHttpUser"}
    for tool, rs in data.items():
        if not rs:
            continue
        lines.append("| " + " | ".join([
            names[tool], cell(col(rs, "rps_steady"), bold=True), cell(col(rs, "tool_rps")),
            cell(col(rs, "p50_ms"), 2), cell(col(rs, "p99_ms"), 2), cell(col(rs, "cpu_s"), 2),
            cell(col(rs, "rps_per_cpu_whole")), cell(col(rs, "rps_per_cpu_steady"), bold=True),
            f"{fmt(median(col(rs, 'user_us_per_request')), 2)} / {fmt(median(col(rs, 'sys_us_per_request')), 2)}",
            cell(col(rs, "gen_cores"), 2), cell(col(rs, "srv_cores"), 2),
            " / ".join(fmt(median(col(rs, k)), 2) for k in ("softirq_cores", "steal_cores", "other_cores")),
            cell([v / 1024 for v in col(rs, "rss_kib")]), cell(col(rs, "failures"))]) + " |")
    lines += ["", "Run pairs (run *i* of Stampede against run *i* of wrk), and Stampede's own count against nginx's:",
              "", "| run | wrk RPS/CPU-s steady | Stampede RPS/CPU-s steady | **ratio steady** | ratio whole run "
              "| Stampede JSON requests | nginx counter delta | equal |", "|---|---|---|---|---|---|---|---|"]
    ratios, whole = [], []
    for w, s in zip(data["wrk"], data["stampede"]):
        ratio = s["rps_per_cpu_steady"] / w["rps_per_cpu_steady"]
        ratio_whole = s["rps_per_cpu_whole"] / w["rps_per_cpu_whole"]
        ratios.append(ratio)
        whole.append(ratio_whole)
        same = "yes" if s.get("tool_requests") == s["nginx_requests"] else "**no**"
        lines.append(f"| {s['run'][3:]} | {fmt(w['rps_per_cpu_steady'])} | {fmt(s['rps_per_cpu_steady'])} "
                     f"| {fmt(ratio, 2)} | {fmt(ratio_whole, 2)} | {fmt(s.get('tool_requests', m.NAN))} "
                     f"| {fmt(s['nginx_requests'])} | {same} |")
    lines.append(f"| **median** | | | **{fmt(median(ratios), 2)}** | {fmt(median(whole), 2)} | | | |")
    lines.append("")
    jdk = [s["rps_per_cpu_steady"] / w["rps_per_cpu_steady"] for w, s in zip(data["wrk"], data["stampede-jdk"])]
    if jdk:
        lines += [f"Stampede with the JDK's TLS / wrk, RPS per CPU-second steady, run pairs: "
                  f"{', '.join(fmt(r, 2) for r in jdk)} (median {fmt(median(jdk), 2)})", ""]
    target = (f"Stampede / wrk, RPS per CPU-second, steady{label}", cell(ratios, 2, bold=True), f">= {goal}",
              verdict(median(ratios) >= goal) if ratios else verdict(None))
    return lines, target


MEMORY_CONFIGS = (("stampede", "Stampede", "java_opts"), ("locust", "Locust FastHttpUser", None))


def memory(raw, meta):
    phase = raw / "memory"
    if not phase.is_dir():
        return [], []
    sizes = sorted({int(d.name.rsplit("-", 1)[1]) for d in phase.iterdir() if d.is_dir()})
    lines = [f"## 2. Memory: idle users (think time 1–2 s), spawn rate {meta.get('memory_spawn_rate')}/s, "
             f"{meta.get('memory_seconds')} s runs, steady window {meta.get('memory_window')} s after launch", "",
             "| generator | JVM options | users | runs | peak RSS MB | delivered RPS steady | scheduled RPS "
             "| delivered / scheduled | generator cores | other busy cores | p50 / p99 ms | failures |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    per_user, targets = [], []
    for config, name, opts_key in MEMORY_CONFIGS:
        rss_by_size = {}
        for users in sizes:
            rs = m.runs(phase, f"{config}-{users}")
            if not rs:
                continue
            rss_by_size[users] = col(rs, "rss_kib")
            scheduled = users / THINK_MEAN_S
            share = [v / scheduled for v in col(rs, "rps_steady")]
            opts = meta.get(opts_key) or "(none)" if config.startswith("stampede") else "–"
            lines.append("| " + " | ".join([
                name, f"`{opts}`" if opts not in ("–",) else opts, f"{users:,}", str(len(rs)),
                cell([v / 1024 for v in rss_by_size[users]], 1, bold=True), cell(col(rs, "rps_steady")),
                fmt(scheduled), cell([100 * v for v in share], 1) + " %", cell(col(rs, "gen_cores"), 2),
                cell(col(rs, "other_cores"), 2),
                f"{cell(col(rs, 'p50_ms'), 1)} / {cell(col(rs, 'p99_ms'), 1)}", cell(col(rs, "failures"))]) + " |")
            if config == "stampede" and users == max(sizes):
                worst = median([abs(v - 1) for v in share])
                targets.append((f"Stampede delivered / scheduled RPS at {users:,} users",
                                cell([100 * v for v in share], 1, bold=True) + " %",
                                f"within {RATE_TOLERANCE:.0%}", verdict(worst <= RATE_TOLERANCE)))
        if len(rss_by_size) >= 2:
            small, large = min(rss_by_size), max(rss_by_size)
            kib = (median(rss_by_size[large]) - median(rss_by_size[small])) / (large - small)
            pairs = [(b - a) / (large - small) for a, b in zip(rss_by_size[small], rss_by_size[large])]
            label = name
            range_note = f" (run pairs {fmt(min(pairs), 1)}–{fmt(max(pairs), 1)})" if len(pairs) > 1 else ""
            per_user.append(f"* **{label}: {fmt(kib, 1)} KiB per user** = (median peak RSS at {large:,} − at "
                            f"{small:,}) / {large - small:,}{range_note}")
            if config == "stampede":
                targets.insert(0, ("Stampede memory per idle user", f"**{fmt(kib, 1)} KiB**",
                                   f"<= {KIB_PER_USER_TARGET:g} KiB", verdict(kib <= KIB_PER_USER_TARGET)))
    lines += [""] + per_user + [""]
    return lines, targets


def overhead(raw, meta):
    rs = m.runs(raw / "overhead", "stampede")
    if not rs:
        return [], []
    seconds = meta.get("overhead_seconds")
    lines = [f"## 3. Overhead: Stampede, 50 users, no think time, {seconds} s runs, steady cost from "
             f"{meta.get('overhead_window', '4-8')} s after launch", "",
             "| run | launch → first request s | wall s | CPU-s whole run | CPU-s before first request "
             f"| CPU-s after the {seconds} s of load | **CPU-s outside the load** "
             "| steady µs per request (median second) | warm-up seconds | their CPU-s beyond that cost "
             "| **CPU-s outside the steady state** | whole − requests at the window's rate "
             f"| JIT threads CPU-s, launch → window end | whole − steady rate × {seconds} s | steady RPS/CPU-s "
             "| other busy cores |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    keys = (("first_request_s", 3), ("wall_s", 2), ("cpu_s", 2), ("startup_cpu_s", 2), ("shutdown_cpu_s", 2),
            ("outside_load_cpu_s", 2), ("steady_cost_us", 2), ("warmup_seconds", 0),
            ("warmup_excess_median_cpu_s", 2), ("outside_steady_cpu_s", 2), ("beyond_steady_cpu_s", 2),
            ("jit_cpu_s", 2), ("outside_rate_cpu_s", 2), ("rps_per_cpu_steady", 0), ("other_cores", 2))
    bold = ("first_request_s", "outside_load_cpu_s", "outside_steady_cpu_s")
    for r in rs:
        lines.append(f"| {r['run'][3:]} | " + " | ".join(fmt(r.get(k, m.NAN), d) for k, d in keys) + " |")
    lines.append("| **median** | " + " | ".join(cell(col(rs, k), d, bold=k in bold) for k, d in keys) + " |")
    lines.append("")
    targets = [("Stampede launch to first request", cell(col(rs, "first_request_s"), 3, bold=True) + " s",
                f"<= {FIRST_REQUEST_TARGET_S:g} s", verdict(median(col(rs, "first_request_s")) <= FIRST_REQUEST_TARGET_S))]
    for key, label in (("outside_load_cpu_s", "outside the load (start-up + shut-down)"),
                       ("outside_steady_cpu_s", "outside the steady state (start-up + JIT warm-up + shut-down)"),
                       ("beyond_steady_cpu_s", "whole run − its requests at the steady window's rate")):
        targets.append((f"Stampede CPU-s {label}, {seconds} s run", cell(col(rs, key), 2, bold=True),
                        f"<= {OVERHEAD_TARGET_CPU_S:g} CPU-s", verdict(median(col(rs, key)) <= OVERHEAD_TARGET_CPU_S)))
    return lines, targets


def main(raw_dir):
    raw = Path(raw_dir)
    meta = m.read_env(raw / "meta.env")
    t_lines, t_target = throughput(raw, meta)
    h_lines, h_target = throughput(raw, meta, "https", "1b. HTTPS (TLS 1.3)", ", HTTPS", HTTPS_RATIO_TARGET)
    b_lines, b_target = throughput(raw, meta, "https-busy", "1c. HTTPS (TLS 1.3), another core kept busy",
                                   ", HTTPS, another core busy", HTTPS_RATIO_TARGET)
    m_lines, m_targets = memory(raw, meta)
    o_lines, o_targets = overhead(raw, meta)
    targets = [t for t in (t_target, h_target, b_target) if t] + m_targets + o_targets
    out = [header(meta), "## Targets", "", "| target | measured: median [range] | goal | verdict |",
           "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in targets]
    out.append("")
    for block in (t_lines, h_lines, b_lines, m_lines, o_lines):
        out += block
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
