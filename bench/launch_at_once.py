"""One round of bench/launch-at-once.sh: a master and WORKERS workers launched at the same instant with
./stampede from CHECKOUT (a fresh copy: no runner/target, so the first launch builds the jar and one makes the
start-up archive), against a target served here on 127.0.0.1.

For each launch it records, in seconds after the common launch instant:
  java   when the launcher exec'd the JVM (it waited for the build and, for one launch, made the archive first)
  ready  the master: its /api/v1/status answers; a worker: the master lists it (registered, over the WebSocket)
  exit   when the process ended, and its exit code
and whether the JVM was given the start-up archive. A launch still alive BOUND_SECONDS after the launch is hung:
its process group (setsid: the launcher, Maven, the JVM) is killed by its id and the round reports it.

Usage: launch_at_once.py CHECKOUT WORKERS BOUND_SECONDS OUT_JSON
Prints one line per launch and writes the figures to OUT_JSON. Exit 0 when no launch hung and all exited 0."""
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

CHECKOUT, WORKERS, BOUND, OUT = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
TOKEN = "launch-at-once-token"
answered = 0
answered_lock = threading.Lock()


class Target(http.server.BaseHTTPRequestHandler):
    """The target: 200 "ok" at once, HTTP/1.1 keep-alive; counts what it answered."""
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global answered
        with answered_lock:
            answered += 1
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/status", timeout=0.5) as answer:
            return json.load(answer)
    except (OSError, ValueError):
        return None


def is_java(pid):
    try:
        return os.path.basename(os.readlink(f"/proc/{pid}/exe")) == "java"
    except OSError:
        return False


def uses_archive(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return None
    return any(a.startswith((b"-XX:SharedArchiveFile=", b"-XX:AOTCache=")) for a in args)


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Target)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{server.server_address[1]}"
    master_port = free_port()
    work = os.path.dirname(os.path.abspath(OUT))
    test = os.path.join(work, "launch-at-once.yaml")
    with open(test, "w") as f:
        f.write(f"""apiVersion: stampede.io/v1alpha1
kind: LoadTest
metadata:
  name: launch-at-once
spec:
  target: {target}
  load:
    users: {2 * WORKERS}
    spawnRate: 100
    duration: 5s
  userClasses:
    - name: paced
      wait: {{between: [50ms, 100ms]}}
      tasks:
        - name: hello
          request: {{method: GET, path: /hello}}
""")
    env = dict(os.environ, STAMPEDE_TOKEN=TOKEN)
    stampede = os.path.join(CHECKOUT, "stampede")
    launches = [("master", [stampede, "master", test, "--expect-workers", str(WORKERS),
                            "--bind", f"127.0.0.1:{master_port}", "--wait-for-workers", f"{int(BOUND)}s",
                            "--keep-serving", "0s", "--json", os.path.join(work, "summary.json"), "-q"])]
    launches += [(f"worker-{i}", [stampede, "worker", "--master", f"127.0.0.1:{master_port}",
                                  "--name", f"worker-{i}", "--connect-timeout", f"{int(BOUND)}s"])
                 for i in range(1, WORKERS + 1)]

    t0 = time.monotonic()
    procs = {}
    for name, args in launches:
        log = open(os.path.join(work, f"{name}.log"), "w")
        # A session of its own, so that a hung launch (the launcher, its Maven build, its JVM) can be killed
        # as one group, by its id.
        procs[name] = subprocess.Popen(args, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
    rows = {name: {"java": None, "archive": None, "ready": None, "exit": None, "code": None, "hung": False}
            for name, _ in launches}
    jar = os.path.join(CHECKOUT, "runner", "target", "stampede.jar")
    jar_at = None

    while time.monotonic() - t0 < BOUND:
        now = time.monotonic() - t0
        if jar_at is None and os.path.exists(jar):
            jar_at = now
        for name, proc in procs.items():
            row = rows[name]
            if row["exit"] is None and proc.poll() is not None:
                row["exit"], row["code"] = now, proc.returncode
            if row["java"] is None and row["exit"] is None and is_java(proc.pid):
                row["java"], row["archive"] = now, uses_archive(proc.pid)
        doc = status(master_port) if rows["master"]["exit"] is None else None
        if doc is not None:
            if rows["master"]["ready"] is None:
                rows["master"]["ready"] = now
            # The master labels a worker "w2 (NAME)".
            listed = " ".join(worker.get("worker", "") for worker in doc.get("workers", {}).get("list", []))
            for name, row in rows.items():
                if row["ready"] is None and f"({name})" in listed:
                    row["ready"] = now
        if all(row["exit"] is not None for row in rows.values()):
            break
        time.sleep(0.1)

    for name, proc in procs.items():
        if proc.poll() is None:
            rows[name]["hung"] = True
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    server.shutdown()

    summary = {}
    try:
        with open(os.path.join(work, "summary.json")) as f:
            summary = json.load(f)
    except (OSError, ValueError):
        pass
    sent = summary.get("summary", {}).get("total", {}).get("requests")
    fmt = lambda v: "-" if v is None else f"{v:.1f}"
    print(f"jar built at {fmt(jar_at)} s; target answered {answered} requests, the master's summary says {sent}")
    for name, row in rows.items():
        state = "HUNG (killed)" if row["hung"] else f"exit {row['code']}"
        archive = {None: "?", True: "with archive", False: "without archive"}[row["archive"]]
        print(f"{name:9} java at {fmt(row['java']):>5} s ({archive}), ready at {fmt(row['ready']):>5} s, "
              f"ended at {fmt(row['exit']):>5} s, {state}")
    with open(OUT, "w") as f:
        json.dump({"jarBuiltAt": jar_at, "answered": answered, "summaryRequests": sent, "launches": rows}, f,
                  indent=2)
    ok = all(not row["hung"] and row["code"] == 0 for row in rows.values())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
