#!/usr/bin/env bash
# Makes the class data sharing archive that starts the built service faster (README, "To build and run the jar"):
# starts target/appealdesk.jar with -XX:ArchiveClassesAtExit on a throwaway embedded database (no messenger), waits
# until /actuator/health answers UP, and stops it gracefully; the JVM writes the archive as it exits, and the
# database stops with the service. (Spring's -Dspring.context.exit=onRefresh is not used: it halts the JVM, which
# leaves the embedded PostgreSQL running.) Make it again after every build or JDK update.
#
#   scripts/cds-archive.sh [--jar target/appealdesk.jar] [--archive target/appealdesk.jsa]
set -euo pipefail

jar=target/appealdesk.jar
archive=target/appealdesk.jsa
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --archive) archive=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "$jar not found: build it first (mvn -B -DskipTests package)" >&2; exit 1; }
data=$(mktemp -d)
log=$(mktemp)
rm -f "$archive"
wrap=()
if [ "$(id -u)" = 0 ]; then wrap=(unshare -U); fi   # PostgreSQL refuses to run as root

TELEGRAM_BOT_TOKEN= MAX_BOT_TOKEN= SPRING_DATASOURCE_URL= \
  "${wrap[@]}" java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --server.port=0 \
  --appealdesk.embedded-db.data-dir="$data" >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

up=""
for _ in $(seq 1 600); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the service exited; see $log" >&2; exit 1; fi
  port=$(grep -o 'Tomcat started on port [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  if [ -n "$port" ] && curl -s -m 1 "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; then
    up=yes; break
  fi
  sleep 0.2
done
[ -n "$up" ] || { echo "not UP within 120 s; see $log" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT
rm -rf "$data"
[ -s "$archive" ] || { echo "no archive was written; see $log" >&2; exit 1; }
echo "wrote $archive ($(du -h "$archive" | cut -f1)); start with: java -XX:SharedArchiveFile=$archive -jar $jar"
