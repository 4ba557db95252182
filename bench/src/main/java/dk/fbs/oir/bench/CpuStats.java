package dk.fbs.oir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU seconds (Linux /proc, 100 ticks a second) of the machine and of who used them: this JVM (the
 * application and the benchmark's clients), the simulator's JVM, and the PostgreSQL backends of the
 * two benchmark databases. The rest of the machine's busy time is someone else's.
 */
record CpuStats(double machineBusy, double machineTotal, double app, double simulator, double postgres) {

  private static final double TICKS = 100.0;

  static CpuStats now(long simulatorPid, List<JdbcTemplate> databases) {
    double[] machine = machine();
    double postgres = 0;
    for (JdbcTemplate db : databases) {
      for (Long pid : db.queryForList("select pid from pg_stat_activity where datname = current_database()",
          Long.class)) {
        postgres += process(pid);
      }
    }
    return new CpuStats(machine[0], machine[1], process(ProcessHandle.current().pid()), process(simulatorPid),
        postgres);
  }

  CpuStats minus(CpuStats before) {
    return new CpuStats(machineBusy - before.machineBusy, machineTotal - before.machineTotal, app - before.app,
        simulator - before.simulator, postgres - before.postgres);
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

  /** User and system CPU seconds of a process (0 when it is gone). */
  private static double process(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // utime, stime (fields 14, 15)
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
