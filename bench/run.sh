#!/usr/bin/env bash
# The benchmark of bench/README.md. Options as key=value (n=2000 c=20 rate=200 ...) and Spring
# properties as --name=value; the defaults are the full run (n=100000 c=20, engine and baseline).
# BENCH_JVM: the JVM's options (default: the pom's bench.jvm)
# BENCH_MVN: the Maven command (default mvn; e.g. "mvn -o" offline)
# BENCH_AUTOVACUUM=keep: run with the server's autovacuum setting as it is. Otherwise a server
# with autovacuum off (this workplace's CI configuration) gets it on for the run, as production
# has it, and back off afterwards (ALTER SYSTEM, reload).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), as the integration tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench && rm -f target/bench/*.log target/bench/*.out
pg() { psql -h 127.0.0.1 -U postgres -d postgres -qAtc "$1"; }
for _ in $(seq 60); do pg 'select 1' >/dev/null 2>&1 && break; sleep 1; done # a server just restarted
if [ "${BENCH_AUTOVACUUM:-on}" != keep ] && [ "$(pg 'show autovacuum')" = off ]; then
  pg "alter system set autovacuum = on" && pg "select pg_reload_conf()" >/dev/null
  trap 'pg "alter system reset autovacuum" && pg "select pg_reload_conf()" >/dev/null' EXIT
  sleep 1
fi
result="target/bench/result-$(date -u +%Y%m%dT%H%M%S).txt"
echo "postgres: autovacuum $(pg 'show autovacuum'), synchronous_commit $(pg 'show synchronous_commit'), shared_buffers $(pg 'show shared_buffers')" | tee "$result"
${BENCH_MVN:-mvn} -q -B -Pbench compile exec:exec ${BENCH_JVM:+-Dbench.jvm="$BENCH_JVM"} -Dbench.args="$*" | tee -a "$result"
