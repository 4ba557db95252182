#!/usr/bin/env python3
"""Where the CPU goes: CPU samples of a JFR recording of the benchmark, by kind of work and by
library. Usage: bench/jfr-breakdown.py target/bench/rec.jfr (record with
BENCH_JVM="-Xmx2g -XX:StartFlightRecording=filename=target/bench/rec.jfr,settings=profile")."""
import collections
import subprocess
import sys

# the first rule whose marker is in a sample's stack names its kind of work
WORK = [
    ("simulator (the debtor system's side of a SOAP call)", "SimulatedDebtorSystem"),
    ("REST intake: POST /api/v1/charges, with the routing", "ChargeController.receive"),
    ("REST intake: POST /api/v1/charge-batches, with the routing", "ChargeBatchController.receiveBatch"),
    ("peer: REST intake", "PeerChargeController"),
    ("peer: workers (SOAP client, table)", "bench.peer.PeerWorkers"),
    ("job: submit claim (SOAP client)", "SubmitClaimDelegate.execute"),
    ("job: debtor-sync", "sync.ReadDebtorEventsDelegate"),
    ("jobs: the engine around the delegates (lock, load, flush, history)", "ExecuteJobsRunnable"),
    ("job acquisition", "AcquireJobsRunnable"),
    ("benchmark: HTTP clients", "bench.ChargeLoad"),
    ("HTTP client threads (java.net.http)", "jdk.internal.net.http"),
    ("Tomcat (request parsing, I/O)", "org.apache.tomcat"),
]
# inside the engine's intake and its submit job: where their samples are (a sample counts for each marker on its stack)
PARTS = {
    "intake": (["ChargeController.receive", "ChargeBatchController.receiveBatch"], [
        ("starting the process (to its first wait, flush included)", "ChargeProcess.start"),
        ("  the routing decision (DMN)", "Task_DecideRoute"),
        ("  DMN evaluations (routing, dunning mode)", "DecisionTableEvaluationHandler"),
        ("  the engine's flush (SQL of the new instance)", "DbEntityManager.flush"),
        ("  history events", "HistoryEventHandler"),
        ("the register check (RoutingService.isKnown)", "RoutingService.isKnown"),
        ("the ledger's insert", "ChargeLedger.insert"),
        ("the answer (ledger read back, timeline, view)", "ChargeViews.of"),
        ("reading and validating the request", "ChargeBatchReader.read"),
        ("transaction commit", "commit"),
    ]),
    "submit job": (["ExecuteJobsRunnable"], [
        ("the delegate: CXF call and ledger", "SubmitClaimDelegate.execute"),
        ("  CXF (SOAP client)", "org.apache.cxf."),
        ("  the ledger's updates", "ChargeLedger.record"),
        ("the engine's flush", "DbEntityManager.flush"),
        ("history events", "HistoryEventHandler"),
        ("loading the job, instance and variables", "selectById"),
    ]),
}
# libraries, by the innermost frame (where the CPU is actually spent) and by any frame (inclusive)
LIBS = [
    ("PostgreSQL JDBC", "org.postgresql."),
    ("Hikari", "com.zaxxer.hikari."),
    ("MyBatis (engine SQL mapping)", "org.apache.ibatis."),
    ("DMN engine", "org.camunda.bpm.dmn."),
    ("FEEL (scala)", "org.camunda.feel."),
    ("engine history", "history."),
    ("Camunda engine", "org.camunda.bpm.engine."),
    ("Jackson", "com.fasterxml.jackson."),
    ("XML schema validation", "xerces.internal.impl.xs"),
    ("XML parsing/writing", "xml"),
    ("JAXB", "org.glassfish.jaxb."),
    ("CXF", "org.apache.cxf."),
    ("Hibernate Validator", "org.hibernate.validator."),
    ("Spring Security", "org.springframework.security."),
    ("Spring", "org.springframework."),
    ("Tomcat", "org.apache.tomcat."),
    ("Tomcat", "org.apache.catalina."),
    ("Tomcat", "org.apache.coyote."),
    ("logging", "ch.qos.logback."),
    ("java.net.http", "jdk.internal.net.http."),
    ("JDK I/O and crypto", "sun.nio."),
    ("JDK I/O and crypto", "sun.security."),
    ("JDK", "java."),
    ("JDK", "jdk."),
    ("JDK", "sun."),
]


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                          capture_output=True, text=True, check=True).stdout
    stack = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("stackTrace = ["):
            stack = []
        elif stack is not None and line.startswith("]"):
            yield stack
            stack = None
        elif stack is not None and line and not line.startswith("..."):
            stack.append(line)


def lib(frame):
    for name, marker in LIBS:
        if marker in frame:
            return name
    return "other"


def main(path):
    work = collections.Counter()
    self_lib = collections.Counter()
    incl = collections.Counter()
    by_work_lib = collections.defaultdict(collections.Counter)
    parts = {name: [0, collections.Counter()] for name in PARTS}
    total = 0
    for stack in samples(path):
        total += 1
        joined = "\n".join(stack)
        kind = next((name for name, marker in WORK if marker in joined), "other")
        work[kind] += 1
        top = lib(stack[0]) if stack else "other"
        self_lib[top] += 1
        by_work_lib[kind][top] += 1
        for name in {lib(f) for f in stack}:
            incl[name] += 1
        for name, (roots, markers) in PARTS.items():
            if any(root in joined for root in roots):
                parts[name][0] += 1
                for label, marker in markers:
                    if marker in joined:
                        parts[name][1][label] += 1
    print(f"{total} CPU samples")
    print("\nby kind of work (share of all samples; the innermost libraries in it):")
    for kind, n in work.most_common():
        libs = ", ".join(f"{l} {c * 100 / n:.0f}%" for l, c in by_work_lib[kind].most_common(4))
        print(f"  {n * 100 / total:5.1f}%  {kind}   [{libs}]")
    for name, (roots, markers) in PARTS.items():
        n, counts = parts[name]
        if n:
            print(f"\ninside the {name} ({n * 100 / total:.1f}% of all samples), share of its samples:")
            for label, _ in markers:
                print(f"  {counts[label] * 100 / n:5.1f}%  {label}")
    print("\nby library, where the CPU is spent (innermost frame) / anywhere on the stack:")
    for name, n in self_lib.most_common(14):
        print(f"  {n * 100 / total:5.1f}% / {incl[name] * 100 / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
