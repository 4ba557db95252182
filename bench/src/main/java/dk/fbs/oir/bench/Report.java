package dk.fbs.oir.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Prints each figure as it is measured, and a one-line summary (a row of bench/README.md) at the end. */
final class Report {

    private final PrintStream out;
    private final Map<String, String> summary = new LinkedHashMap<>();
    private Double engineSeconds;
    private Double peerSeconds;

    Report(PrintStream out) {
        this.out = out;
    }

    void header(BenchOptions options, String database) {
        out.println("== FBS/ØiR charge benchmark ==");
        out.println("date:     "
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).withNano(0)) + " UTC");
        out.println("machine:  " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", load average "
                + String.format(
                        Locale.ROOT,
                        "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.println("database: PostgreSQL 127.0.0.1:5432/" + database);
        out.println("options:  " + options);
        summary.put("N", Integer.toString(options.n()));
        summary.put("C", Integer.toString(options.clients()));
        summary.put("rate", options.rate() > 0 ? String.format(Locale.ROOT, "%.0f/s", options.rate()) : "max");
        summary.put("intake", options.batch() ? "batches of " + options.batchSize() : "single");
    }

    void setting(String name, String value) {
        out.println(String.format(Locale.ROOT, "%-9s %s", name + ":", value));
    }

    void intake(String phase, int n, double seconds, ChargeLoad.Intake intake) {
        double rate = n / seconds;
        long[] service = sorted(intake.serviceNanos);
        long[] response = sorted(intake.responseNanos);
        out.printf(
                Locale.ROOT,
                "intake:   %d charges in %d posts in %.1f s = %.0f charges/s; charges' statuses %s%n",
                n,
                intake.requests,
                seconds,
                rate,
                new TreeSet<>(intake.statuses.keySet())
                        .stream().map(s -> s + "×" + intake.statuses.get(s)).toList());
        if (intake.errors.get() > 0) {
            out.println("          errors: " + intake.errors + ", first: " + intake.firstError);
        }
        out.printf(
                Locale.ROOT,
                "latency:  per post: service time p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(pct(service, 50)),
                ms(pct(service, 99)),
                ms(service[service.length - 1]));
        out.printf(
                Locale.ROOT,
                "          response time from the due moment (with rate) p50 %.1f ms, p99 %.1f ms%n",
                ms(pct(response, 50)),
                ms(pct(response, 99)));
        summary.put(phase + " intake/s", String.format(Locale.ROOT, "%.0f", rate));
        summary.put(
                phase + " p50 / p99 ms",
                String.format(Locale.ROOT, "%.0f / %.0f", ms(pct(response, 50)), ms(pct(response, 99))));
        if (intake.errors.get() > 0) {
            summary.put(phase + " errors", intake.errors.toString());
        }
    }

    void outcome(long submitted, long internal) {
        out.printf(Locale.ROOT, "outcome:  %d SUBMITTED, %d HANDLED_IN_FBS%n", submitted, internal);
    }

    void phase(String phase, double seconds, int n, long peakHeap, GcStats gc) {
        if (phase.equals("engine")) {
            engineSeconds = seconds;
        } else {
            peerSeconds = seconds;
        }
        out.printf(
                Locale.ROOT,
                "%-9s all %d done %.1f s after the first post = %.0f charges/s end to end%n",
                phase + ":",
                n,
                seconds,
                n / seconds);
        out.printf(
                Locale.ROOT,
                "heap:     peak %d MiB used (sampled every 10 ms); %d collections, %.1f s in GC%n",
                peakHeap >> 20,
                gc.count(),
                gc.millis() / 1e3);
        summary.put(phase + " s", String.format(Locale.ROOT, "%.1f (%.0f/s)", seconds, n / seconds));
        summary.put(phase + " peak heap MiB", Long.toString(peakHeap >> 20));
    }

    void cpu(String phase, CpuStats cpu, int n) {
        double others = cpu.machineBusy() - cpu.app() - cpu.simulator() - cpu.postgres();
        out.printf(
                Locale.ROOT,
                "cpu:      %.0f of %.0f CPU-s busy: application+clients %.0f (%.2f ms/charge), simulator %.0f"
                        + " (%.2f ms), PostgreSQL %.0f (%.2f ms), other processes %.0f (%.0f%% of the machine)%n",
                cpu.machineBusy(),
                cpu.machineTotal(),
                cpu.app(),
                cpu.app() * 1e3 / n,
                cpu.simulator(),
                cpu.simulator() * 1e3 / n,
                cpu.postgres(),
                cpu.postgres() * 1e3 / n,
                others,
                others * 100 / cpu.machineTotal());
        summary.put(
                phase + " CPU ms app / sim / PG",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f",
                        cpu.app() * 1e3 / n,
                        cpu.simulator() * 1e3 / n,
                        cpu.postgres() * 1e3 / n));
        summary.put(phase + " others' CPU", String.format(Locale.ROOT, "%.0f%%", others * 100 / cpu.machineTotal()));
    }

    /** Charges done per second in windows of 30 s (the last one partial), from the first one done. */
    void overTime(List<Map<String, Object>> windows) {
        out.println("over time: charges done per second, by 30 s from the first: "
                + windows.stream()
                        .map(w -> w.get("from_s") + " s: "
                                + String.format(Locale.ROOT, "%.0f", ((Number) w.get("per_s")).doubleValue()))
                        .collect(Collectors.joining(", ")));
    }

    void wal(String phase, WalStats wal, int n) {
        out.printf(
                Locale.ROOT,
                "wal:      %.0f MB written by the server (the simulator's included), %.1f KB per charge; %d records,"
                        + " %d of them full-page images; checkpoints: %d timed, %d requested%n",
                wal.bytes() / 1e6,
                wal.bytes() / 1e3 / n,
                wal.records(),
                wal.fullPageImages(),
                wal.checkpointsTimed(),
                wal.checkpointsRequested());
        summary.put(phase + " WAL KB per charge", String.format(Locale.ROOT, "%.1f", wal.bytes() / 1e3 / n));
    }

    void database(String phase, DbStats idle, DbStats after, int n) {
        out.println("database: per charge (after the batch minus before it)");
        for (String group : DbStats.GROUPS) {
            long[] a = idle.sum(group);
            long[] b = after.sum(group);
            if (b[0] == 0 && b[1] == 0) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "          %-30s %6.2f rows  %7.0f bytes   (%d -> %d rows, %d -> %d KiB)%n",
                    group,
                    (b[0] - a[0]) / (double) n,
                    (b[1] - a[1]) / (double) n,
                    a[0],
                    b[0],
                    a[1] >> 10,
                    b[1] >> 10);
            String perCharge = String.format(
                    Locale.ROOT, "%.1f rows, %.0f B", (b[0] - a[0]) / (double) n, (b[1] - a[1]) / (double) n);
            if (phase.equals("engine") && group.equals(DbStats.GROUPS.get(0))) {
                summary.put("runtime per charge", perCharge);
            }
            if (phase.equals("engine") && group.equals(DbStats.GROUPS.get(1))) {
                summary.put("history per charge", perCharge);
            }
            if (phase.equals("peer") && group.equals(DbStats.GROUPS.get(5))) {
                summary.put("peer table per charge", perCharge);
            }
        }
        out.println("          tables that grew, rows per charge:");
        for (String table : after.tables().keySet()) {
            long rows = after.rows(table) - idle.rows(table);
            if (rows != 0) {
                out.printf(
                        Locale.ROOT,
                        "            %-28s %6.2f rows %7.0f bytes%n",
                        table,
                        rows / (double) n,
                        (after.bytes(table) - idle.bytes(table)) / (double) n);
            }
        }
    }

    void runtimeAfterVacuum(DbStats idle, DbStats after, int n) {
        out.printf(
                Locale.ROOT,
                "runtime:  no job of a charge due (each keeps its watchdog's timer; debtor-sync's own come and go);"
                        + " act_ru_job %d KiB after VACUUM (idle %d KiB)%n",
                after.bytes("act_ru_job") >> 10,
                idle.bytes("act_ru_job") >> 10);
        long[] a = idle.sum(DbStats.GROUPS.get(0));
        long[] b = after.sum(DbStats.GROUPS.get(0));
        out.printf(
                Locale.ROOT,
                "          all ACT_RU_*: %.2f rows and %.0f bytes per charge stay (after VACUUM): each charge's instance"
                        + " waits for its invoice%n",
                (b[0] - a[0]) / (double) n,
                (b[1] - a[1]) / (double) n);
    }

    void summary() {
        if (engineSeconds != null && peerSeconds != null) {
            double ratio = engineSeconds / peerSeconds;
            out.printf(Locale.ROOT, "ratio:    engine time / peer time = %.2f%n", ratio);
            summary.put("ratio", String.format(Locale.ROOT, "%.2f", ratio));
        }
        out.println("summary:  | " + String.join(" | ", summary.keySet()) + " |");
        out.println("          | " + String.join(" | ", summary.values()) + " |");
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
