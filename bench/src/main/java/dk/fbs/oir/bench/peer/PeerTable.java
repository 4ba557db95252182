package dk.fbs.oir.bench.peer;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeService.NewCharge;
import dk.fbs.oir.charge.ChargeStatus;
import dk.fbs.oir.charge.ChargeType;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.routing.Route;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The peer's one table: a charge per row with its state, and the columns of a work queue
 * ({@code due_at}: when a worker may take it next; {@code attempts}). A worker claims due rows by
 * pushing {@code due_at} past its lease, so a charge whose worker died becomes due again.
 */
final class PeerTable {

    static final String TABLE = "bench_peer_charge";

    /** What the intake writes, in the order of {@link #row}. */
    private static final String NEW_ROW = "fbs_charge_id, municipality_code, debtor_cpr, debtor_name, charge_type,"
            + " amount_ore, description, material_id, branch, occurred_on, route, dunning_mode, status,"
            + " request_hash, due_at, created_at, updated_at";

    private static final String COLUMNS = NEW_ROW + ", claim_id, attempts";

    private static final String INSERT = "insert into " + TABLE + " (" + NEW_ROW
            + ", attempts) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0) on conflict (fbs_charge_id) do nothing";

    private final JdbcTemplate jdbc;

    PeerTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.execute("create table if not exists " + TABLE + """
                 (
                  fbs_charge_id     varchar(64)  primary key,
                  municipality_code varchar(3)   not null,
                  debtor_cpr        varchar(10)  not null,
                  debtor_name       varchar(200) not null,
                  charge_type       varchar(20)  not null,
                  amount_ore        bigint       not null,
                  description       varchar(500) not null,
                  material_id       varchar(100),
                  branch            varchar(200),
                  occurred_on       date         not null,
                  route             varchar(20)  not null,
                  dunning_mode      varchar(20),
                  status            varchar(20)  not null,
                  claim_id          varchar(40),
                  request_hash      varchar(64)  not null,
                  attempts          int          not null,
                  due_at            timestamp with time zone,
                  last_error        varchar(500),
                  created_at        timestamp with time zone not null,
                  updated_at        timestamp with time zone not null)""");
        jdbc.execute(
                "create index if not exists " + TABLE + "_due on " + TABLE + " (due_at) where status = 'RECEIVED'");
    }

    /** The new row's values, in the order of {@link #NEW_ROW}. */
    private static Object[] row(Charge c) {
        return new Object[] {
            c.fbsChargeId(),
            c.municipalityCode(),
            c.debtorCpr(),
            c.debtorName(),
            c.type().name(),
            c.amount().ore(),
            c.description(),
            c.materialId(),
            c.branch(),
            c.occurredOn(),
            c.route().name(),
            c.dunningMode() == null ? null : c.dunningMode().name(),
            c.status().name(),
            c.requestHash(),
            c.status() == ChargeStatus.RECEIVED ? c.createdAt() : null,
            c.createdAt(),
            c.createdAt()
        };
    }

    /** Inserts a new charge: 1, or 0 when a row is already there under its id (left as it is). */
    int insert(Charge c) {
        return jdbc.update(INSERT, row(c));
    }

    /** {@link #insert} for each charge, in one round trip. */
    int[] insertAll(List<Charge> charges) {
        return jdbc.batchUpdate(INSERT, charges.stream().map(PeerTable::row).toList());
    }

    Optional<Charge> find(String fbsChargeId) {
        return jdbc
                .query("select " + COLUMNS + " from " + TABLE + " where fbs_charge_id = ?", CHARGE, fbsChargeId)
                .stream()
                .findFirst();
    }

    /** A charge a worker has claimed, and which attempt this is (1 for the first). */
    record Due(Charge charge, int attempt) {}

    /** Claims up to {@code limit} due charges for {@code lease}: no other worker takes them meanwhile. */
    List<Due> claimDue(int limit, Duration lease) {
        return jdbc.query(
                "update " + TABLE + " set due_at = now() + ? * interval '1 millisecond', attempts = attempts + 1"
                        + " where fbs_charge_id in (select fbs_charge_id from " + TABLE
                        + " where status = 'RECEIVED' and due_at <= now() order by due_at limit ? for update skip locked)"
                        + " returning " + COLUMNS,
                (rs, row) -> new Due(charge(rs, row), rs.getInt("attempts")),
                lease.toMillis(),
                limit);
    }

    void submitted(String fbsChargeId, String claimId) {
        jdbc.update(
                "update " + TABLE + " set status = 'SUBMITTED', claim_id = ?, due_at = null, updated_at = now()"
                        + " where fbs_charge_id = ?",
                claimId,
                fbsChargeId);
    }

    void rejected(String fbsChargeId, String reason) {
        jdbc.update(
                "update " + TABLE + " set status = 'REJECTED', last_error = left(?, 500), due_at = null,"
                        + " updated_at = now() where fbs_charge_id = ?",
                reason,
                fbsChargeId);
    }

    /** A failed attempt: the charge is due again after {@code delay}. */
    void retryLater(String fbsChargeId, String error, Duration delay) {
        jdbc.update(
                "update " + TABLE + " set last_error = left(?, 500), due_at = now() + ? * interval '1 millisecond',"
                        + " updated_at = now() where fbs_charge_id = ?",
                error,
                delay.toMillis(),
                fbsChargeId);
    }

    /** The last attempt failed too: an operator's to look at (the engine's incident). */
    void gaveUp(String fbsChargeId, String error) {
        jdbc.update(
                "update " + TABLE + " set status = 'FAILED', last_error = left(?, 500), due_at = null,"
                        + " updated_at = now() where fbs_charge_id = ?",
                error,
                fbsChargeId);
    }

    static final RowMapper<Charge> CHARGE = PeerTable::charge;

    private static Charge charge(ResultSet rs, int row) throws SQLException {
        String mode = rs.getString("dunning_mode");
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        NewCharge in = new NewCharge(
                rs.getString("fbs_charge_id"),
                rs.getString("municipality_code"),
                rs.getString("debtor_cpr"),
                rs.getString("debtor_name"),
                ChargeType.valueOf(rs.getString("charge_type")),
                Money.ofOre(rs.getLong("amount_ore")),
                rs.getString("description"),
                rs.getString("material_id"),
                rs.getString("branch"),
                rs.getObject("occurred_on", LocalDate.class));
        return charge(
                in,
                new PeerRegister.Entry(
                        Route.valueOf(rs.getString("route")), mode == null ? null : DunningMode.valueOf(mode)),
                ChargeStatus.valueOf(rs.getString("status")),
                rs.getString("claim_id"),
                rs.getString("request_hash"),
                created,
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** A charge as the application's own record, so the peer answers FBS in the same shape. */
    static Charge charge(
            NewCharge in,
            PeerRegister.Entry entry,
            ChargeStatus status,
            String claimId,
            String hash,
            OffsetDateTime created,
            OffsetDateTime updated) {
        return new Charge(
                in.fbsChargeId(),
                in.municipalityCode(),
                in.debtorCpr(),
                in.debtorName(),
                in.type(),
                in.amount(),
                in.amount(),
                in.description(),
                in.materialId(),
                in.branch(),
                in.occurredOn(),
                entry.route(),
                entry.dunningMode(),
                status,
                claimId,
                null,
                null,
                null,
                null,
                hash,
                created,
                updated,
                null);
    }
}
