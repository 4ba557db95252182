package dk.fbs.oir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU seconds (Linux /proc, 100 ticks a second) of the machine and of who used them: this JVM (the
 * application and the benchmark's clients), the simulator's JVM, and the PostgreSQL server. The
 * rest of the machine's busy time is someone else's.
 */
record CpuStats(double machineBusy, double machineTotal, double app, double simulator, double postgres) {

    private static final double TICKS = 100.0;

    static CpuStats now(long simulatorPid, JdbcTemplate database) {
        double[] machine = machine();
        Long backend = database.queryForObject("select pg_backend_pid()", Long.class);
        return new CpuStats(
                machine[0],
                machine[1],
                process(ProcessHandle.current().pid(), false),
                process(simulatorPid, false),
                postgres(parent(backend)));
    }

    /**
     * The whole PostgreSQL server: the postmaster with its exited children (backends come and go
     * with the connection pools) and its living children. Other databases on the server count too.
     */
    private static double postgres(long postmaster) {
        double cpu = process(postmaster, true);
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir :
                    dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (parent(pid) == postmaster) {
                    cpu += process(pid, false);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return cpu;
    }

    CpuStats minus(CpuStats before) {
        return new CpuStats(
                machineBusy - before.machineBusy,
                machineTotal - before.machineTotal,
                app - before.app,
                simulator - before.simulator,
                postgres - before.postgres);
    }

    /** Busy and total CPU seconds of all cores since boot. */
    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                total += i <= 8 ? v : 0; // user nice system idle iowait irq softirq steal
                busy += (i <= 8 && i != 4 && i != 5) ? v : 0;
            }
            return new double[] {busy / TICKS, total / TICKS};
        } catch (IOException | RuntimeException e) {
            return new double[2];
        }
    }

    /** User and system CPU seconds of a process (0 when it is gone), with its exited children's. */
    private static double process(long pid, boolean withChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        if (withChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime
        }
        return ticks / TICKS;
    }

    private static long parent(long pid) {
        String[] f = stat(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    /** The fields of /proc/pid/stat after the command name (field 3 is [0]). */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
