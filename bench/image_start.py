"""Launch -> first request: the runner image's java command line against ./stampede's, run here (bench/image-start.sh).

The image's command is read from runner/Dockerfile, not restated: its start-up archive's training RUN and its
ENTRYPOINT, with /opt/stampede/ mapped to a scratch folder holding a copy of the jar (the archive is made there
first, by the RUN's own java command). Three ways to start `stampede run` against a target served here:
  image     the ENTRYPOINT as it is now (archive + JIT options)
  launcher  ./stampede with STAMPEDE_JAR=<another copy of the jar> (its archive made there by a first launch)
  plain     the ENTRYPOINT before the archive: java -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -jar
Interleaved, ROUNDS times; launch -> first request is measured from just before the process starts to the
target's first request of that run (a single user, so the first request is the run's first).

Usage: image_start.py ROOT JAR SCRATCH ROUNDS
Prints the median and the range per way, and each run's figure."""
import http.server
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT, JAR, SCRATCH, ROUNDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
first_request = None
first_lock = threading.Lock()


class Target(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global first_request
        with first_lock:
            if first_request is None:
                first_request = time.monotonic()
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def dockerfile_instructions(path):
    """(KEYWORD, arguments) with comments dropped and continuation lines joined, as DockerfilesTest reads it."""
    out, pending = [], ""
    for line in open(path):
        line = line.strip()
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        whole = (pending + line).strip()
        pending = ""
        if whole:
            keyword, _, rest = whole.partition(" ")
            out.append((keyword.upper(), rest.strip()))
    return out


def main():
    instructions = dockerfile_instructions(os.path.join(ROOT, "runner", "Dockerfile"))
    entrypoint = json.loads([a for k, a in instructions if k == "ENTRYPOINT"][-1])
    training = [a for k, a in instructions if k == "RUN" and "-XX:ArchiveClassesAtExit=" in a][0]

    image_dir = os.path.join(SCRATCH, "image")
    launcher_dir = os.path.join(SCRATCH, "launcher")
    for d in (image_dir, launcher_dir):
        os.makedirs(d, exist_ok=True)
        shutil.copy2(JAR, os.path.join(d, "stampede.jar"))
    mapped = lambda text: text.replace("/opt/stampede/", image_dir + "/").replace("/tmp/stampede-training",
                                                                                  os.path.join(SCRATCH, "training"))
    # The RUN line, as the image build runs it (sh -c), with its paths mapped here.
    subprocess.run(["sh", "-c", mapped(training)], check=True, cwd=SCRATCH)
    image_cmd = [mapped(word) for word in entrypoint]
    plain_cmd = ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar",
                 os.path.join(image_dir, "stampede.jar")]
    launcher_env = dict(os.environ, STAMPEDE_JAR=os.path.join(launcher_dir, "stampede.jar"))
    launcher_env.pop("STAMPEDE_JAVA_OPTS", None)
    launcher_env.pop("STAMPEDE_CDS", None)
    launcher_cmd = [os.path.join(ROOT, "stampede")]

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Target)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    test = os.path.join(SCRATCH, "first-request.yaml")
    with open(test, "w") as f:
        f.write(f"""apiVersion: stampede.io/v1alpha1
kind: LoadTest
metadata:
  name: first-request
spec:
  target: http://127.0.0.1:{server.server_address[1]}
  load: {{users: 1, duration: 1s}}
  userClasses:
    - name: one
      wait: {{constant: 100ms}}
      tasks:
        - {{name: hello, request: {{method: GET, path: /hello}}}}
""")
    args = ["run", test, "-q"]

    # The launcher's first launch makes its archive: not a start-up to measure.
    subprocess.run(launcher_cmd + ["--version"], env=launcher_env, check=True, stdout=subprocess.DEVNULL)
    assert os.path.exists(os.path.join(launcher_dir, "stampede.jsa")) or \
        os.path.exists(os.path.join(launcher_dir, "stampede.aot")), "the launcher made no archive"
    print("image:    " + shlex.join(image_cmd))
    print("launcher: " + shlex.join(launcher_cmd) + f"  (STAMPEDE_JAR={launcher_env['STAMPEDE_JAR']})")
    print("plain:    " + shlex.join(plain_cmd))

    ways = {"image": (image_cmd, None), "launcher": (launcher_cmd, launcher_env), "plain": (plain_cmd, None)}
    figures = {name: [] for name in ways}
    global first_request
    for round_ in range(ROUNDS):
        for name, (cmd, env) in ways.items():
            with first_lock:
                first_request = None
            start = time.monotonic()
            done = subprocess.run(cmd + args, env=env, cwd=SCRATCH, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, timeout=120)
            if done.returncode != 0 or first_request is None:
                sys.exit(f"{name}: exit {done.returncode}, first request {first_request}: {done.stderr.decode()}")
            figures[name].append(first_request - start)
    server.shutdown()
    for name, values in figures.items():
        print(f"{name:8}  launch -> first request: median {statistics.median(values):.2f} s, "
              f"range {min(values):.2f}-{max(values):.2f} s, runs: " + " ".join(f"{v:.2f}" for v in values))


if __name__ == "__main__":
    main()
