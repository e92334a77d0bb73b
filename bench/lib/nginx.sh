# The nginx target: started from bench/nginx.conf.in on free ports of 127.0.0.1, pinned to CPU 1, and its
# stub_status request counter. Sourced by run.sh.

NGINX_PID=""
NGINX_WORKER_PID=""
NGINX_PORT=""
NGINX_LOG_PORT=""
NGINX_TLS_PORT=""
STATUS_PROBES=0

start_nginx() {
  local conf="$SCRATCH/nginx/nginx.conf" i
  mkdir -p "$SCRATCH/nginx"
  NGINX_PORT="$(free_port)"
  NGINX_LOG_PORT="$(free_port)"
  [ "$NGINX_PORT" != "$NGINX_LOG_PORT" ] || NGINX_LOG_PORT="$(free_port)"
  NGINX_TLS_PORT="$(free_port)"
  while [ "$NGINX_TLS_PORT" = "$NGINX_PORT" ] || [ "$NGINX_TLS_PORT" = "$NGINX_LOG_PORT" ]; do NGINX_TLS_PORT="$(free_port)"; done
  # A self-signed P-256 certificate for the HTTPS port (the https phase); generators skip verification.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$SCRATCH/nginx/tls.key" -out "$SCRATCH/nginx/tls.crt" \
    2>/dev/null || die "openssl could not make the HTTPS port's certificate"
  sed -e "s#@SCRATCH@#$SCRATCH/nginx#g" -e "s#@PORT@#$NGINX_PORT#g" -e "s#@LOG_PORT@#$NGINX_LOG_PORT#g" \
    -e "s#@TLS_PORT@#$NGINX_TLS_PORT#g" \
    "$BENCH_DIR/nginx.conf.in" >"$conf"
  taskset -c 1 nginx -p "$SCRATCH/nginx" -c "$conf" -e "$SCRATCH/nginx/error.log" &
  NGINX_PID=$!
  STARTED_PIDS+=("$NGINX_PID")
  for ((i = 0; i < 100; i++)); do
    NGINX_WORKER_PID="$(child_of "$NGINX_PID" 2>/dev/null || true)"
    if [ -n "$NGINX_WORKER_PID" ] && probe_requests 2>/dev/null; then
      log "nginx $(nginx -v 2>&1 | sed 's#.*/##') on 127.0.0.1:$NGINX_PORT (and :$NGINX_LOG_PORT, logged; :$NGINX_TLS_PORT, HTTPS)," \
        "pid $NGINX_PID, worker $NGINX_WORKER_PID, CPU 1"
      return 0
    fi
    sleep 0.05
  done
  cat "$SCRATCH/nginx/error.log" >&2 || true
  die "nginx did not start"
}

stop_nginx() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  forget_pids "$NGINX_PID"
  NGINX_PID=""
}

# Sets NGINX_REQUESTS to nginx's stub_status request counter. Each probe is itself one request, counted in
# STATUS_PROBES so callers can subtract their own probes from a delta. Call it directly, not in $(...), or the
# count is lost. Uses bash's /dev/tcp: no curl needed.
NGINX_REQUESTS=""
probe_requests() {
  local fd count
  NGINX_REQUESTS=""
  exec {fd}<>"/dev/tcp/127.0.0.1/$NGINX_PORT" || return 1
  printf 'GET /nginx_status HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$fd"
  count="$(awk 'found { print $3; exit } / accepts handled requests/ { found = 1 }' <&"$fd")"
  exec {fd}>&-
  STATUS_PROBES=$((STATUS_PROBES + 1))
  [ -n "$count" ] || return 1
  NGINX_REQUESTS="$count"
}
