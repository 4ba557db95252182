package dk.fbs.oir.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows and bytes (table, indexes and TOAST: pg_total_relation_size) of every table, by group. */
record DbStats(Map<String, long[]> tables) {

    /** The groups reported, in order. */
    static final List<String> GROUPS = List.of(
            "engine runtime (ACT_RU_*)",
            "engine history (ACT_HI_*)",
            "engine other (ACT_GE/RE/ID_*)",
            "our tables",
            "simulator (sim_*)",
            "peer (bench_peer_charge)");

    static DbStats measure(JdbcTemplate jdbc) {
        Map<String, long[]> tables = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select c.relname, pg_total_relation_size(c.oid) bytes"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and c.relkind = 'r' order by c.relname")) {
            String table = (String) row.get("relname");
            long rows = jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
            tables.put(table, new long[] {rows, ((Number) row.get("bytes")).longValue()});
        }
        return new DbStats(tables);
    }

    static String group(String table) {
        if (table.startsWith("act_ru_")) {
            return GROUPS.get(0);
        }
        if (table.startsWith("act_hi_")) {
            return GROUPS.get(1);
        }
        if (table.startsWith("act_")) {
            return GROUPS.get(2);
        }
        if (table.startsWith("sim_")) {
            return GROUPS.get(4);
        }
        if (table.startsWith("bench_")) {
            return GROUPS.get(5);
        }
        return GROUPS.get(3);
    }

    long rows(String table) {
        return tables.getOrDefault(table, new long[2])[0];
    }

    long bytes(String table) {
        return tables.getOrDefault(table, new long[2])[1];
    }

    /** {rows, bytes} of a group. */
    long[] sum(String group) {
        long rows = 0;
        long bytes = 0;
        for (var e : tables.entrySet()) {
            if (group(e.getKey()).equals(group)) {
                rows += e.getValue()[0];
                bytes += e.getValue()[1];
            }
        }
        return new long[] {rows, bytes};
    }
}
