package dk.fbs.oir.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's options, as {@code key=value} arguments (or {@code -Dkey=value}); arguments that
 * start with {@code --} are Spring properties for the application, e.g.
 * {@code --camunda.bpm.job-execution.max-pool-size=30}.
 */
record BenchOptions(
        int n,
        int clients,
        double rate,
        Duration answerDelay,
        boolean allMunicipalities,
        boolean engine,
        boolean peer,
        int peerThreads,
        boolean batch,
        int batchSize,
        int warmup,
        boolean bcrypt,
        Duration timeout,
        boolean keepDatabase,
        boolean jfr,
        List<String> springArgs) {

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (arg.startsWith("--")) {
                spring.add(arg);
            } else if (arg.contains("=")) {
                values.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Not key=value or --spring.property=value: " + arg);
            }
        }
        int clients = Integer.parseInt(get(values, "c", "20"));
        String phases = get(values, "phases", "engine,peer");
        String intake = get(values, "intake", "single");
        if (!intake.equals("single") && !intake.equals("batch")) {
            throw new IllegalArgumentException("intake is single or batch, not " + intake);
        }
        BenchOptions options = new BenchOptions(
                Integer.parseInt(get(values, "n", "100000")),
                clients,
                Double.parseDouble(get(values, "rate", "0")),
                Duration.ofMillis(Long.parseLong(get(values, "answerDelayMs", "20"))),
                "all".equals(get(values, "municipalities", "live")),
                phases.contains("engine"),
                phases.contains("peer") || phases.contains("baseline"),
                Integer.parseInt(get(values, "peerThreads", "10")),
                intake.equals("batch"),
                Integer.parseInt(get(values, "batchSize", "500")),
                Integer.parseInt(get(values, "warmup", "1000")),
                "bcrypt".equals(get(values, "auth", "noop")),
                Duration.ofMinutes(Long.parseLong(get(values, "timeoutMin", "30"))),
                Boolean.parseBoolean(get(values, "keepDb", "false")),
                Boolean.parseBoolean(get(values, "jfr", "false")),
                List.copyOf(spring));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + values.keySet()
                    + "; known: n, c, rate, answerDelayMs, municipalities (live|all), phases (engine,peer),"
                    + " peerThreads, intake (single|batch), batchSize, warmup, auth (noop|bcrypt), timeoutMin, keepDb,"
                    + " jfr");
        }
        return options;
    }

    /** Removes the option from {@code values}, so what is left over is unknown. */
    private static String get(Map<String, String> values, String key, String fallback) {
        String value = values.remove(key);
        return value != null ? value : System.getProperty(key, fallback);
    }

    @Override
    public String toString() {
        return "n=" + n + " c=" + clients + " rate=" + (rate > 0 ? rate + "/s" : "unlimited") + " answerDelay="
                + answerDelay.toMillis() + "ms municipalities=" + (allMunicipalities ? "all" : "live") + " engine="
                + engine
                + " peer=" + peer + " peerThreads=" + peerThreads
                + (batch ? " intake=batch batchSize=" + batchSize : " intake=single") + " warmup=" + warmup
                + " auth=" + (bcrypt ? "bcrypt" : "noop")
                + (springArgs.isEmpty() ? "" : " " + String.join(" ", springArgs));
    }
}
