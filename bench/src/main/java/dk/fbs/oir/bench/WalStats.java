package dk.fbs.oir.bench;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL server's write-ahead log and checkpoints (pg_stat_wal, pg_stat_bgwriter): server
 * wide, so the simulator's database counts too.
 */
record WalStats(long bytes, long fullPageImages, long records, long checkpointsTimed, long checkpointsRequested) {

    static WalStats measure(JdbcTemplate jdbc) {
        Map<String, Object> wal = jdbc.queryForMap("select wal_bytes, wal_fpi, wal_records from pg_stat_wal");
        Map<String, Object> bgwriter =
                jdbc.queryForMap("select checkpoints_timed, checkpoints_req from pg_stat_bgwriter");
        return new WalStats(
                ((Number) wal.get("wal_bytes")).longValue(),
                ((Number) wal.get("wal_fpi")).longValue(),
                ((Number) wal.get("wal_records")).longValue(),
                ((Number) bgwriter.get("checkpoints_timed")).longValue(),
                ((Number) bgwriter.get("checkpoints_req")).longValue());
    }

    WalStats minus(WalStats before) {
        return new WalStats(
                bytes - before.bytes,
                fullPageImages - before.fullPageImages,
                records - before.records,
                checkpointsTimed - before.checkpointsTimed,
                checkpointsRequested - before.checkpointsRequested);
    }
}
