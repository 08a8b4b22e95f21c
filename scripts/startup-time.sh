#!/usr/bin/env bash
# Seconds from `java -jar` to /actuator/health answering UP, for the default run (embedded PostgreSQL, the sample
# bot-config, the messenger off). Starts the jar, polls health every 50 ms, prints the time, stops the service.
#
#   scripts/startup-time.sh [--fresh] [--jar target/appealdesk.jar] [--data DIR] [--log FILE] [-- extra java args]
#
# --fresh  empties the data directory first (a first start: initdb and every migration); without it the data
#          directory of an earlier run is reused (a restart). Default data directory: a temp dir kept between runs
#          of the same --data. As root, PostgreSQL needs a user namespace: the jar runs under `unshare -U` then.
# Wrap measurements in `flock /work/bench.lock` when others share the machine. Output: one line
#   startup-seconds=<s> (fresh|restart) jvm-cpu-seconds=<s> jvm-reported=<Spring's "Started ... in" line or ->
set -euo pipefail

jar=target/appealdesk.jar
data=${TMPDIR:-/tmp}/appealdesk-startup-data
log=${TMPDIR:-/tmp}/appealdesk-startup.log
fresh=false
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=true; shift ;;
    --jar) jar=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if $fresh; then rm -rf "$data"; fi
mkdir -p "$data"
wrap=()
if [ "$(id -u)" = 0 ]; then wrap=(unshare -U); fi

start=$(date +%s.%N)
TELEGRAM_BOT_TOKEN= MAX_BOT_TOKEN= SPRING_DATASOURCE_URL= \
  "${wrap[@]}" java "${extra[@]}" -jar "$jar" --server.port="$port" --appealdesk.embedded-db.data-dir="$data" \
  >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT

up=""
for _ in $(seq 1 1200); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the service exited; see $log" >&2; exit 1; fi
  if curl -s -m 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    up=$(date +%s.%N); break
  fi
  sleep 0.05
done
[ -n "$up" ] || { echo "not UP within 60 s; see $log" >&2; exit 1; }
# the JVM's CPU time until UP (user + system, all threads): less disturbed than the wall time by other work on the
# machine; PostgreSQL's own processes are not counted
ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
cpu=$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)
kind=restart; $fresh && kind=fresh
reported=$(grep -o 'Started AppealDeskApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]* seconds' || echo -)
printf 'startup-seconds=%.2f (%s) jvm-cpu-seconds=%.1f jvm-reported=%s\n' "$(echo "$up - $start" | bc -l)" "$kind" \
  "$cpu" "$reported"
