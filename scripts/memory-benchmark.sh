#!/usr/bin/env bash
# Memory of the built jar at 100,000 open appeals (issue 26), the service alone in its own JVM: a fresh database on a
# PostgreSQL server, 100,000 open appeals with 800,000 pending timers and 100,000 cards and 2,000 queued messages
# (SQL), then MINUTES of load from outside — appeals posted by two clients, 500 timers made due every 10 s, the API's
# appeal list and the monthly report (JSON, CSV, XLSX over all 100,000 appeals) read. The messenger is off (no bot
# token), so the queue is kept, not delivered; MemoryBenchmarkTest delivers it to a fake Bot API. Prints the heap
# after each collection (GC log), the JVM's resident memory (VmRSS, VmHWM) and its database's backends.
# Needs: the jar (mvn -B -DskipTests package), psql and a PostgreSQL server that lets PGUSER create a database.
# Usage: HEAP=-Xmx512m MINUTES=3 scripts/memory-benchmark.sh   (PGHOST, PGPORT, PGUSER as for psql)
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:--Xmx512m}
MINUTES=${MINUTES:-3}
PORT=${PORT:-18026}
DB=${DB:-appealdesk_memory}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
TOKEN=memory-benchmark-api-token-0123456789abcdef
OUT=target/memory-benchmark
mkdir -p "$OUT"
sql() { psql -qtAX -d "$DB" -c "$1"; }
kib() { awk -v k="$2:" '$1 == k {print int($2 / 1024)}' "/proc/$1/status"; }

psql -qX -d postgres -c "drop database if exists $DB" -c "create database $DB"
java $HEAP -XX:NativeMemoryTracking=summary -Xlog:gc:file="$OUT/gc.log" -XX:+ExitOnOutOfMemoryError -jar target/appealdesk.jar \
  --server.port="$PORT" --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  --spring.datasource.username="$PGUSER" --appealdesk.api-token="$TOKEN" --appealdesk.bot-config-dir=bot-config \
  --appealdesk.reports.enabled=false --logging.level.ru.appealdesk=WARN > "$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $PID || { echo "the service died:"; tail -20 "$OUT/service.log"; exit 1; }
  sleep 1
done
echo "up: pid $PID, $HEAP, RSS $(kib $PID VmRSS) MiB"

sed -e "s/{appeals}/${APPEALS:-100000}/" -e "s/{messages}/${MESSAGES:-2000}/" src/test/resources/bench/memory-seed.sql | psql -qX -d "$DB" >/dev/null
echo "seeded: $(sql "select count(*) from appeal") open appeals, $(sql "select count(*) from timer") timers,\
 $(sql "select count(*) from card") cards, $(sql "select count(*) from outbound_message") queued messages;\
 RSS $(kib $PID VmRSS) MiB"

END=$(( $(date +%s) + MINUTES * 60 ))
post() {
  local n=0
  while [ "$(date +%s)" -lt $END ]; do
    curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"source\":\"DOBRODEL\",\"externalId\":\"MEM-$1-$n\",\"category\":\"roads\",\"text\":\"Обращение $n\",\
\"address\":\"г. Руза, ул. Дорожная $((n % 300)), $n\"}" "http://127.0.0.1:$PORT/api/appeals" >> "$OUT/post-$1.codes"
    n=$((n + 1))
  done
}
read_reports() {
  local from to month i=0
  from=$(date -d '30 days ago' +%F); to=$(date +%F); month=$(date +%Y-%m)
  local paths=("/api/reports/discipline?format=xlsx&from=$from&to=$to" "/api/reports/discipline?from=$from&to=$to"
    "/api/reports/topics?format=csv&from=$from&to=$to" "/api/reports/public?month=$month"
    "/api/appeals?overdue=true&size=100" "/api/appeals?size=100&page=50")
  while [ "$(date +%s)" -lt $END ]; do
    curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT${paths[$((i % 6))]}" >> "$OUT/reports.codes"
    i=$((i + 1))
  done
}
timers() {
  while [ "$(date +%s)" -lt $END ]; do
    sql "update timer set due_at = now() where id in (select t.id from timer t join appeal a on a.id = t.appeal_id
      where t.status = 'PENDING' and t.due_at > now() and (t.kind = 'AUTO_ACCEPT' or a.priority = 'HIGH'
      and t.kind = 'LADDER') order by t.id limit 500)" >/dev/null
    sleep 10
  done
}
rm -f "$OUT"/*.codes
post 0 & post 1 & read_reports & timers &
while [ "$(date +%s)" -lt $END ]; do
  sleep 15
  echo "  RSS $(kib $PID VmRSS) MiB, database backends $(sql "select count(*) from pg_stat_activity where datname = '$DB'")"
done
wait %2 %3 %4 %5 2>/dev/null || true

kill -0 $PID || { echo "the service died (OutOfMemoryError?):"; tail -20 "$OUT/service.log"; exit 1; }
echo "load of $MINUTES min: $(cat "$OUT"/post-*.codes | sort | uniq -c | tr '\n' ' ') posted;\
 reads: $(cut -d' ' -f1 "$OUT/reports.codes" | sort | uniq -c | tr '\n' ' ');\
 timers fired $(sql "select count(*) from timer where status = 'FIRED'"),\
 cancelled $(sql "select count(*) from timer where status = 'CANCELLED'")"
echo "slowest read: $(sort -k3 -n "$OUT/reports.codes" | tail -1)"
echo "heap after each young or full collection, the highest: $(grep -E 'Pause (Young|Full)' "$OUT/gc.log" \
  | sed -E 's/.*->([0-9]+)M\(.*/\1/' | sort -n | tail -1) MiB; $(grep -c 'Pause Full' "$OUT/gc.log") full collections"
echo "JVM: RSS $(kib $PID VmRSS) MiB now, peak (VmHWM) $(kib $PID VmHWM) MiB"
jcmd $PID GC.heap_info | sed 's/^/  /'
jcmd $PID VM.native_memory summary 2>/dev/null | grep -E '^(Total|-)' | head -12 | sed 's/^/  /' || true
backends=$(sql "select pid from pg_stat_activity where datname = '$DB'")
pss=0; for p in $backends; do pss=$((pss + $(awk '$1 == "Pss:" {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0))); done
echo "PostgreSQL: $(echo $backends | wc -w) backends of this database, PSS $((pss / 1024)) MiB; database size\
 $(sql "select pg_size_pretty(pg_database_size('$DB'))"); shared_buffers $(sql 'show shared_buffers')"
