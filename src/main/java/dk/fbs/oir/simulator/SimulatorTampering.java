package dk.fbs.oir.simulator;

import dk.fbs.oir.simulator.SimulatorStore.PostingKind;
import dk.fbs.oir.wsdl.debitor.FordringTilstandType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Makes a simulated debtor system's ledger disagree with ours on purpose, for reconciliation to find. */
class SimulatorTampering {

    private final SimulatorStore store;
    private final JdbcTemplate jdbc;

    SimulatorTampering(SimulatorStore store) {
        this.store = store;
        this.jdbc = store.jdbc;
    }

    /**
     * Ways to make a debtor system's ledger disagree with ours on purpose, without an event, so
     * reconciliation can be shown every kind of difference.
     */
    enum Tampering {
        /** The claim, its postings, events and idempotency records vanish. */
        DROP,
        /** A second claim for the same FBS charge appears. */
        DUPLICATE,
        /** The balance changes to the given amount. */
        ALTER_BALANCE,
        /** The state changes to the given state. */
        ALTER_STATE,
        /** A payment of the given amount is posted today and lowers the balance; no event tells us. */
        UNRECORDED_PAYMENT,
        /** The claim's postings vanish (a payment we forwarded is no longer on the statement). */
        DROP_POSTINGS
    }

    /** Tampers with a claim; the claim afterwards (the new one for DUPLICATE, empty for DROP). */
    Optional<SimClaim> tamper(String claimId, Tampering how, Long amountOre, String state) {
        return store.tx.execute(status -> {
            SimClaim claim = store.find(claimId)
                    .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
            switch (how) {
                case DROP -> {
                    for (String table : List.of("sim_posting", "sim_event", "sim_request", "sim_claim")) {
                        jdbc.update("delete from " + table + " where claim_id = ?", claimId);
                    }
                    return Optional.<SimClaim>empty();
                }
                case DUPLICATE -> {
                    GeneratedKeyHolder key = new GeneratedKeyHolder();
                    jdbc.update(
                            con -> {
                                var ps = con.prepareStatement(
                                        "insert into sim_claim (debtor_system, municipality_code, fbs_charge_id, cpr,"
                                                + " debtor_name, claim_type, principal_ore, balance_ore, state, description, established_on, due_date,"
                                                + " last_pay_date, reminder_count, changed_at) select debtor_system, municipality_code, fbs_charge_id,"
                                                + " cpr, debtor_name, claim_type, principal_ore, balance_ore, state, description, established_on,"
                                                + " due_date, last_pay_date, reminder_count, changed_at from sim_claim where claim_id = ?",
                                        new String[] {"claim_no"});
                                ps.setString(1, claimId);
                                return ps;
                            },
                            key);
                    long claimNo = key.getKey().longValue();
                    String copy = claim.debtorSystem().claimId(claimNo, claim.municipalityCode(), store.today());
                    jdbc.update(
                            "update sim_claim set claim_id = ?, payment_reference = ? where claim_no = ?",
                            copy,
                            claim.debtorSystem().paymentReference(claimNo),
                            claimNo);
                    return store.find(copy);
                }
                case ALTER_BALANCE ->
                    jdbc.update(
                            "update sim_claim set balance_ore = ? where claim_id = ?",
                            required(amountOre, "amount"),
                            claimId);
                case ALTER_STATE -> {
                    if (Arrays.stream(FordringTilstandType.values())
                            .noneMatch(t -> t.value().equals(state))) {
                        throw new SimulatorRejection(
                                "UGYLDIGE_DATA",
                                "state must be one of " + Arrays.toString(FordringTilstandType.values()));
                    }
                    jdbc.update("update sim_claim set state = ? where claim_id = ?", state, claimId);
                }
                case UNRECORDED_PAYMENT -> {
                    long amount = required(amountOre, "amount");
                    SimulatorStore.requirePositive(amount);
                    store.posting(claimId, PostingKind.INDBETALING, amount, store.today());
                    jdbc.update(
                            "update sim_claim set balance_ore = balance_ore - ? where claim_id = ?", amount, claimId);
                }
                case DROP_POSTINGS -> jdbc.update("delete from sim_posting where claim_id = ?", claimId);
                default -> throw new IllegalArgumentException(how.name());
            }
            return store.find(claimId);
        });
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new SimulatorRejection("UGYLDIGE_DATA", name + " is required for this tampering");
        }
        return value;
    }
}
