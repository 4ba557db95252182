#!/usr/bin/env bash
# Events per second through Beskedfordeler (bench/README.md, "Beskedfordeler"): the burst integration
# test BeskedfordelerBurstIT against the local RabbitMQ (127.0.0.1:5672) and PostgreSQL (127.0.0.1:5432),
# sized by its arguments: charges (default 100) and payments per charge (default 100).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
result="target/bench/beskedfordeler-$(date -u +%Y%m%dT%H%M%S).txt"
# with the JVM's full JIT (test.jit empty): the test suite's C1-only JVMs would measure the compiler, not us
mvn -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BeskedfordelerBurstIT \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dtest.jit= -Dburst.charges="${1:-100}" -Dburst.payments="${2:-100}" > "$result.log"
grep -h "Beskedfordeler burst" "$result.log" | tee "$result"
