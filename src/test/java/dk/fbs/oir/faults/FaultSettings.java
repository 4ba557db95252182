package dk.fbs.oir.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings every application node of the fault tests shares, in this JVM and in child JVMs. */
final class FaultSettings {

    /** A dead node's jobs are free again after 15 s (production: 5 min); at least twice an ØiR call's timeouts. */
    static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis=15000";
    /** The timed pull of events every few seconds, so an event that had to wait is read again soon. */
    static final String SYNC_CYCLE = "debtor-sync.cycle=R/PT3S";
    /** Five executions as in production, seconds apart instead of a minute. */
    static final String RETRIES = "camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R5/PT2S";

    private FaultSettings() {}

    /** The settings as properties for a child node. */
    static Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String setting : List.of(LOCK_TIME, SYNC_CYCLE, RETRIES)) {
            properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        return properties;
    }
}
