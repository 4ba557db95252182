#!/usr/bin/env bash
# The benchmark of bench/README.md. Options as key=value (n=2000 c=20 rate=200 ...) and Spring
# properties as --name=value; the defaults are the full run (n=100000 c=20, engine and baseline).
# BENCH_JVM: the JVM's options (default: the pom's bench.jvm)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), as the integration tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench && rm -f target/bench/*.log target/bench/*.out
mvn -q -B -Pbench compile exec:exec ${BENCH_JVM:+-Dbench.jvm="$BENCH_JVM"} -Dbench.args="$*" | tee "target/bench/result-$(date -u +%Y%m%dT%H%M%S).txt"
