package dk.fbs.oir.reconciliation;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The reports and differences of reconciliation (tables reconciliation_*). Amounts in øre. */
@Repository
class ReconciliationStore {

    static final String OPEN = "OPEN";
    static final String REPAIRED = "REPAIRED";
    static final String RESOLVED = "RESOLVED";

    private final JdbcTemplate jdbc;

    ReconciliationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the row lock of a municipality's day (creating its report row), so two runs of the same
     * day take turns and the second sees the differences of the first.
     */
    void lockDay(String municipalityCode, LocalDate day, DebtorSystem system, OffsetDateTime now) {
        if (jdbc.update(
                        "update reconciliation_report set created_at = created_at where municipality_code = ?"
                                + " and reconciled_on = ?",
                        municipalityCode,
                        day)
                == 0) {
            jdbc.update(
                    "insert into reconciliation_report (municipality_code, reconciled_on, debtor_system, created_at,"
                            + " our_claims, their_claims, our_balance_ore, their_balance_ore, their_payments_ore, their_credits_ore,"
                            + " their_write_offs_ore, their_fees_ore, our_desk_payments_ore, pending, in_flight)"
                            + " values (?,?,?,?,0,0,0,0,0,0,0,0,0,0,0)",
                    municipalityCode,
                    day,
                    system.name(),
                    now);
        }
    }

    void saveReport(
            String municipalityCode, LocalDate day, DebtorSystem system, Comparison.Result r, OffsetDateTime now) {
        jdbc.update(
                "update reconciliation_report set debtor_system = ?, created_at = ?, our_claims = ?, their_claims = ?,"
                        + " our_balance_ore = ?, their_balance_ore = ?, their_payments_ore = ?, their_credits_ore = ?,"
                        + " their_write_offs_ore = ?, their_fees_ore = ?, our_desk_payments_ore = ?, pending = ?, in_flight = ?"
                        + " where municipality_code = ? and reconciled_on = ?",
                system.name(),
                now,
                r.ourClaims(),
                r.theirClaims(),
                r.ourBalanceOre(),
                r.theirBalanceOre(),
                r.theirPaymentsOre(),
                r.theirCreditsOre(),
                r.theirWriteOffsOre(),
                r.theirFeesOre(),
                r.ourDeskPaymentsOre(),
                r.pending(),
                r.inFlight(),
                municipalityCode,
                day);
    }

    /**
     * Records that a day's reconciliation found a difference. The same difference still open, or
     * resolved as "no correction" with both sides unchanged, is the existing one: empty. Otherwise
     * a new difference: its id, for a repair or a caseworker.
     */
    Optional<Long> record(String municipalityCode, LocalDate day, DebtorSystem system, Comparison.Finding f) {
        String fingerprint = f.fingerprint(municipalityCode);
        Optional<Long> existing = jdbc
                .query(
                        "select * from reconciliation_difference where fingerprint = ?" + " order by id desc",
                        DIFFERENCE,
                        fingerprint)
                .stream()
                .filter(d -> d.state().equals(OPEN)
                        || (d.state().equals(RESOLVED)
                                && Resolution.NO_CORRECTION.name().equals(d.resolution())
                                && d.ours().equals(f.ours())
                                && d.theirs().equals(f.theirs())))
                .map(Difference::id)
                .findFirst();
        long id = existing.orElseGet(() -> insert(municipalityCode, day, system, f, fingerprint));
        if (jdbc.queryForObject(
                        "select count(*) from reconciliation_finding where municipality_code = ?"
                                + " and reconciled_on = ? and difference_id = ?",
                        Long.class,
                        municipalityCode,
                        day,
                        id)
                == 0) {
            jdbc.update(
                    "insert into reconciliation_finding (municipality_code, reconciled_on, difference_id) values (?,?,?)",
                    municipalityCode,
                    day,
                    id);
        }
        return existing.isPresent() ? Optional.empty() : Optional.of(id);
    }

    private long insert(
            String municipalityCode, LocalDate day, DebtorSystem system, Comparison.Finding f, String fingerprint) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into reconciliation_difference (municipality_code, debtor_system, kind,"
                                    + " fbs_charge_id, claim_id, posting_id, ours, theirs, amount_ore, fingerprint, first_seen_on, state)"
                                    + " values (?,?,?,?,?,?,?,?,?,?,?,?)",
                            new String[] {"id"});
                    ps.setString(1, municipalityCode);
                    ps.setString(2, system.name());
                    ps.setString(3, f.kind().name());
                    ps.setString(4, f.fbsChargeId());
                    ps.setString(5, f.claimId());
                    ps.setString(6, f.postingId());
                    ps.setString(7, clip(f.ours()));
                    ps.setString(8, clip(f.theirs()));
                    ps.setObject(9, f.amountOre());
                    ps.setString(10, fingerprint);
                    ps.setObject(11, day);
                    ps.setString(12, OPEN);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    void close(long id, String state, Resolution resolution, String note, String by, OffsetDateTime at) {
        jdbc.update(
                "update reconciliation_difference set state = ?, resolution = ?, note = ?, resolved_by = ?,"
                        + " resolved_at = ? where id = ?",
                state,
                resolution.name(),
                note,
                by,
                at,
                id);
    }

    Difference difference(long id) {
        return jdbc.queryForObject("select * from reconciliation_difference where id = ?", DIFFERENCE, id);
    }

    Optional<Report> report(String municipalityCode, LocalDate day) {
        return jdbc
                .query(
                        REPORT_SELECT + " where r.municipality_code = ? and r.reconciled_on = ?",
                        REPORT,
                        municipalityCode,
                        day)
                .stream()
                .findFirst();
    }

    List<Report> reports(String municipalityCode, LocalDate from, LocalDate to) {
        return jdbc.query(
                REPORT_SELECT + " where r.municipality_code = ? and r.reconciled_on between ? and ?"
                        + " order by r.reconciled_on",
                REPORT,
                municipalityCode,
                from,
                to);
    }

    List<Difference> differences(String municipalityCode, LocalDate day) {
        return jdbc.query(
                "select d.* from reconciliation_difference d join reconciliation_finding f"
                        + " on f.difference_id = d.id where f.municipality_code = ? and f.reconciled_on = ? order by d.id",
                DIFFERENCE,
                municipalityCode,
                day);
    }

    private static final String REPORT_SELECT = "select r.*,"
            + " (select count(*) from reconciliation_finding f where f.municipality_code = r.municipality_code"
            + "  and f.reconciled_on = r.reconciled_on) as differences,"
            + " (select count(*) from reconciliation_finding f join reconciliation_difference d on d.id = f.difference_id"
            + "  where f.municipality_code = r.municipality_code and f.reconciled_on = r.reconciled_on"
            + "  and d.state = 'OPEN') as open_differences"
            + " from reconciliation_report r";

    private static final RowMapper<Report> REPORT = new DataClassRowMapper<>(Report.class);

    private static final RowMapper<Difference> DIFFERENCE = new DataClassRowMapper<>(Difference.class);
}
