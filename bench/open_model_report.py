"""Reads the JSON summaries bench/open-model.sh wrote and prints what it measured.
Usage: open_model_report.py ramp SUMMARY.json | stall SUMMARY.json"""
import json
import sys


def ramp(summary):
    arrivals, history = summary["arrivals"], summary["history"]
    seconds = summary["durationSeconds"]
    print(f"ramp 0 -> 2000/s over 20 s: scheduled {arrivals['scheduled']} (planned 20000), started "
          f"{arrivals['started']}, dropped {arrivals['dropped']}, late {arrivals['late']}, requests "
          f"{summary['summary']['total']['requests']}, failures {summary['summary']['total']['failures']}, "
          f"run {seconds:.2f} s")
    worst = 0.0
    rows = []
    for i, scheduled in enumerate(history["scheduled"][:20]):
        started = scheduled - history["dropped"][i]
        planned = 50 * (2 * i + 1)  # A(t) = 50 t^2 arrivals by t seconds
        off = (started - planned) / planned * 100
        if i > 0:
            worst = max(worst, abs(off))
        rows.append(f"{i + 1}s:{started}/{planned}({off:+.1f}%)")
    print("started/planned per second: " + " ".join(rows))
    print(f"worst second after the first: {worst:.2f}% off the plan (target: within 2%)")
    total = summary["summary"]["total"]
    print(f"latency p50 {total['p50Ms']} p95 {total['p95Ms']} p99 {total['p99Ms']} max {total['maxMs']} ms; "
          f"generator saturated {summary['generator']['saturatedSeconds']} s, "
          f"loop lag p99 {summary['generator']['loopLagP99Ms']} ms")


def stall(summary):
    total, arrivals = summary["summary"]["total"], summary["arrivals"]
    print(f"stall probe 200/s x 15 s: sent {total['requests']} (3000 planned), dropped {arrivals['dropped']}, "
          f"late {arrivals['late']}, failures {total['failures']}")
    for name, truth in (("p90Ms", 500), ("p95Ms", 750), ("p99Ms", 950)):
        print(f"  {name[:-2]} {total[name]:.1f} ms (truth {truth}, {(total[name] - truth) / truth * 100:+.1f}%)")
    print(f"  p50 {total['p50Ms']} max {total['maxMs']} ms")


{"ramp": ramp, "stall": stall}[sys.argv[1]](json.load(open(sys.argv[2])))
