#!/usr/bin/env bash
# After `npm run build`: starts the built app as `npm start` runs it (dist/main.js,
# the embedded PostgreSQL, NODE_ENV unset) with METRICS_PORT on a free loopback
# port, makes a few requests, and pipes its /metrics through `promtool check
# metrics`; the series must carry the `component` label. Stops the app with
# SIGINT to its process group, as Ctrl-C would. Every wait is bounded; on a
# failure it says what failed and shows the end of the app's log.
set -euo pipefail
cd "$(dirname "$0")/.."

START_BOUND_S=${CHECK_METRICS_START_BOUND_S:-300}
STOP_BOUND_S=60

say() { echo "check-metrics: $*"; }
command -v promtool >/dev/null || { say "promtool not found; install Debian's prometheus package (apt-get install prometheus)" >&2; exit 1; }
command -v curl >/dev/null || { say "curl not found; install it (apt-get install curl)" >&2; exit 1; }
[ -f dist/main.js ] || { say "dist/main.js not found; run npm run build first" >&2; exit 1; }

work=$(mktemp -d)
log="$work/app.log"
pid=""

stop_app() {
  [ -n "$pid" ] || return 0
  kill -INT -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 "$STOP_BOUND_S"); do
    kill -0 "$pid" 2>/dev/null || { pid=""; return 0; }
    sleep 1
  done
  say "the app did not stop within ${STOP_BOUND_S} s of SIGINT; killing its process group" >&2
  kill -KILL -- "-$pid" 2>/dev/null || true
  pid=""
  return 1
}
cleanup() {
  stop_app || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  say "$1" >&2
  echo "--- last 40 lines of the app's log ---" >&2
  tail -n 40 "$log" >&2 || true
  exit 1
}

# Two distinct free loopback ports, chosen while both are held.
read -r app_port metrics_port < <(node -e '
  const net = require("node:net");
  const a = net.createServer().listen(0, "127.0.0.1", () => {
    const b = net.createServer().listen(0, "127.0.0.1", () => {
      console.log(a.address().port, b.address().port);
      a.close(); b.close();
    });
  });')

# Its own process group (job control on for this one start), so SIGINT reaches the app and what it started.
set -m
env -u NODE_ENV -u DATABASE_URL -u METRICS_HOST PORT="$app_port" METRICS_PORT="$metrics_port" \
  node --enable-source-maps dist/main.js >"$log" 2>&1 &
pid=$!
set +m
say "started the app (pid $pid): http://127.0.0.1:$app_port, metrics on port $metrics_port"

base="http://127.0.0.1:$app_port"
ready=""
for _ in $(seq 1 "$START_BOUND_S"); do
  kill -0 "$pid" 2>/dev/null || fail "the app exited before answering /health"
  if curl -fs -o /dev/null --max-time 5 "$base/health"; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "the app did not answer /health within ${START_BOUND_S} s"

for path in /demo/posts /accounts/sign-in /demo /health/live /no-such-page; do
  curl -sS -o /dev/null --max-time 30 "$base$path" || fail "GET $path failed"
done

metrics="$work/metrics.txt"
curl -fsS --max-time 30 "http://127.0.0.1:$metrics_port/metrics" >"$metrics" || fail "GET http://127.0.0.1:$metrics_port/metrics failed"
# promtool reads the exposition on stdin; lint findings fail too.
promtool check metrics <"$metrics" || fail "promtool check metrics refused the exposition (above)"
grep -q 'component="' "$metrics" || fail "no series carries a component label"
grep -q '^http_server_request_duration_seconds_count{.*component="demo"' "$metrics" ||
  fail "no http_server_request_duration_seconds series for component demo after GET /demo/posts"
say "promtool check metrics: passed ($(grep -c '^[a-z]' "$metrics") samples, $(grep -c 'component="' "$metrics") with a component label)"

stop_app || fail "the app did not stop on SIGINT"
say "the app stopped on SIGINT"
