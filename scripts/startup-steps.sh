#!/usr/bin/env bash
# Where the start's time goes, step by step (Spring's start-up recording): starts the built service
# (target/appealdesk.jar and target/lib/, `mvn -B -DskipTests package` first) with the default settings, the
# embedded PostgreSQL in DIR (default: a temp dir kept between runs), prints the longest steps by their own time and
# the sum per kind of step, and stops. Lines start with STEPS. Wrap in `flock /work/bench.lock` on a shared machine.
#
#   scripts/startup-steps.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${TMPDIR:-/tmp}/appealdesk-startup-data}
cp="target/appealdesk.jar:$(ls target/lib/*.jar | tr '\n' ':')"
wrap=()
if [ "$(id -u)" = 0 ]; then wrap=(unshare -U); fi
TELEGRAM_BOT_TOKEN= MAX_BOT_TOKEN= SPRING_DATASOURCE_URL= "${wrap[@]}" java -cp "$cp" scripts/StartupSteps.java \
  --server.port=0 --appealdesk.embedded-db.data-dir="$data" 2>&1 | grep '^STEPS'
