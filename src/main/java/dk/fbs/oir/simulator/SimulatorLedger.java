package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorStore.PostingKind;
import dk.fbs.oir.simulator.SimulatorStore.Result;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * What a simulated debtor system does when asked through ØiR (and when a citizen pays through its
 * payment solution): each command once per idempotency reference, with its postings and events.
 */
class SimulatorLedger {

    private final SimulatorStore store;
    private final JdbcTemplate jdbc;
    private final SimulatorProperties properties;

    SimulatorLedger(SimulatorStore store, SimulatorProperties properties) {
        this.store = store;
        this.jdbc = store.jdbc;
        this.properties = properties;
    }

    /** Who asks: the debtor system, the municipality ØiR routed the call for, and the call's idempotency reference. */
    record Request(DebtorSystem system, String municipality, String idempotencyRef) {}

    /** A claim to create, as the debtor system receives it. */
    record NewClaim(
            String fbsChargeId,
            String cpr,
            String debtorName,
            String claimType,
            long principalOre,
            String description,
            LocalDate establishedOn,
            boolean debtorLed) {}

    SimClaim createClaim(Request request, NewClaim claim) {
        DebtorSystem system = request.system();
        String municipality = request.municipality();
        return once(request, "OpretFordring", null, () -> {
                    if (claim.cpr().endsWith("0000")) {
                        throw new SimulatorRejection("UKENDT_DEBITOR", "Debitor er ukendt i debitorsystemet");
                    }
                    if (claim.principalOre() <= 0) {
                        throw new SimulatorRejection("UGYLDIGE_DATA", "Hovedstol skal være positiv");
                    }
                    OffsetDateTime now = store.now();
                    GeneratedKeyHolder key = new GeneratedKeyHolder();
                    jdbc.update(
                            con -> {
                                var ps = con.prepareStatement(
                                        "insert into sim_claim (debtor_system, municipality_code, fbs_charge_id, cpr, debtor_name,"
                                                + " claim_type, principal_ore, balance_ore, state, description, established_on,"
                                                + " reminder_count, changed_at, debtor_led) values (?,?,?,?,?,?,?,?,'REGISTRERET',?,?,0,?,?)",
                                        new String[] {"claim_no"});
                                ps.setString(1, system.name());
                                ps.setString(2, municipality);
                                ps.setString(3, claim.fbsChargeId());
                                ps.setString(4, claim.cpr());
                                ps.setString(5, claim.debtorName());
                                ps.setString(6, claim.claimType());
                                ps.setLong(7, claim.principalOre());
                                ps.setLong(8, claim.principalOre());
                                ps.setString(9, claim.description());
                                ps.setObject(10, claim.establishedOn());
                                ps.setObject(11, now);
                                ps.setBoolean(12, claim.debtorLed());
                                return ps;
                            },
                            key);
                    long claimNo = key.getKey().longValue();
                    String claimId = system.claimId(claimNo, municipality, store.today());
                    jdbc.update(
                            "update sim_claim set claim_id = ?, payment_reference = ? where claim_no = ?",
                            claimId,
                            system.paymentReference(claimNo),
                            claimNo);
                    SimClaim created = store.find(claimId).orElseThrow();
                    store.event(created, "FORDRING_OPRETTET", null, "Fordring registreret");
                    // the debtor system issues the invoice (opkrævning) at once; its event comes with the delay
                    LocalDate due =
                            store.today().plusDays(properties.behaviour(system).getPaymentDays());
                    jdbc.update(
                            "update sim_claim set state = 'OPKRAEVET', due_date = ?, last_pay_date = ?, changed_at = ?"
                                    + " where claim_id = ?",
                            due,
                            due,
                            now,
                            claimId);
                    store.event(store.find(claimId).orElseThrow(), "OPKRAEVNING_UDSENDT", null, "Opkrævning udsendt");
                    return new Result(claimId, null, created);
                })
                .claim();
    }

    Result registerPayment(Request request, String claimId, long amountOre, LocalDate paidOn, String place) {
        return once(request, "RegistrerIndbetaling", claimId, () -> {
            SimClaim claim = openClaim(request, claimId);
            SimulatorStore.requirePositive(amountOre);
            long balance = claim.balanceOre() - amountOre;
            String state = balance > 0
                    ? claim.state()
                    : "OVERDRAGET_TIL_INDDRIVELSE".equals(claim.state()) ? "INDDREVET" : "BETALT";
            String postingId = store.posting(claimId, PostingKind.INDBETALING, amountOre, paidOn);
            SimClaim updated = store.change(claim, balance, state);
            store.event(updated, "INDBETALING_MODTAGET", amountOre, "Indbetaling (" + place + ")");
            return new Result(claimId, postingId, updated);
        });
    }

    Result credit(Request request, String claimId, long amountOre, String reason) {
        return once(request, "KrediterFordring", claimId, () -> {
            SimClaim claim = openClaim(request, claimId);
            SimulatorStore.requirePositive(amountOre);
            if (amountOre > claim.balanceOre()) {
                throw new SimulatorRejection("UGYLDIGE_DATA", "Krediteringen er større end saldoen");
            }
            long balance = claim.balanceOre() - amountOre;
            String postingId = store.posting(claimId, PostingKind.KREDITERING, amountOre, store.today());
            SimClaim updated = store.change(claim, balance, balance == 0 ? "KREDITERET" : claim.state());
            store.event(updated, "FORDRING_KREDITERET", amountOre, reason);
            return new Result(claimId, postingId, updated);
        });
    }

    Result writeOff(Request request, String claimId, String reason) {
        return once(request, "AfskrivFordring", claimId, () -> {
            SimClaim claim = openClaim(request, claimId);
            String postingId = store.posting(claimId, PostingKind.AFSKRIVNING, claim.balanceOre(), store.today());
            SimClaim updated = store.change(claim, 0, "AFSKREVET");
            store.event(updated, "FORDRING_AFSKREVET", claim.balanceOre(), reason);
            return new Result(claimId, postingId, updated);
        });
    }

    Result sendReminder(Request request, String claimId, int number, long feeOre, LocalDate newLastPayDate) {
        return once(request, "SendRykker", claimId, () -> {
            SimClaim claim = openClaim(request, claimId);
            if (!List.of("OPKRAEVET", "RYKKET").contains(claim.state()) || number != claim.reminderCount() + 1) {
                throw new SimulatorRejection(
                        "FORKERT_TILSTAND",
                        "Rykker " + number + " kan ikke sendes for en fordring i tilstand " + claim.state() + " med "
                                + claim.reminderCount() + " rykkere");
            }
            if (feeOre < 0) {
                throw new SimulatorRejection("UGYLDIGE_DATA", "Rykkergebyret kan ikke være negativt");
            }
            String postingId =
                    feeOre > 0 ? store.posting(claimId, PostingKind.RYKKERGEBYR, feeOre, store.today()) : null;
            jdbc.update(
                    "update sim_claim set reminder_count = ?, last_pay_date = ? where claim_id = ?",
                    number,
                    newLastPayDate,
                    claimId);
            SimClaim updated = store.change(store.find(claimId).orElseThrow(), claim.balanceOre() + feeOre, "RYKKET");
            store.event(updated, "RYKKER_UDSENDT", feeOre, "Rykker " + number + " udsendt");
            return new Result(claimId, postingId, updated);
        });
    }

    Result transferToCollection(Request request, String claimId) {
        return once(request, "OverdragTilInddrivelse", claimId, () -> {
            SimClaim claim = openClaim(request, claimId);
            if (!List.of("OPKRAEVET", "RYKKET").contains(claim.state())) {
                throw new SimulatorRejection("FORKERT_TILSTAND", "Fordringen er i tilstand " + claim.state());
            }
            if (claim.lastPayDate() == null || !claim.lastPayDate().isBefore(store.today())) {
                throw new SimulatorRejection(
                        "UGYLDIGE_DATA", "PSRM afviser: sidste rettidige betalingsdag er ikke passeret");
            }
            SimClaim updated = store.change(claim, claim.balanceOre(), "OVERDRAGET_TIL_INDDRIVELSE");
            store.event(updated, "OVERDRAGET_TIL_INDDRIVELSE", null, "Modtaget af PSRM");
            return new Result(claimId, null, updated);
        });
    }

    /** Berostillelse: no reminder, no transfer and no collection at PSRM until the claim is resumed. */
    Result hold(Request request, String claimId, String reason) {
        return once(request, "BerostilFordring", claimId, () -> {
            // a claim at Gældsstyrelsen is held there too: the debtor system asks PSRM to suspend collection
            openClaim(request, claimId);
            jdbc.update("update sim_claim set on_hold = true, changed_at = ? where claim_id = ?", store.now(), claimId);
            return new Result(claimId, null, store.find(claimId).orElseThrow());
        });
    }

    /** Resumes a held claim; a deadline that passed meanwhile is extended by the system's reminder interval. */
    Result resume(Request request, String claimId) {
        return once(request, "GenoptagFordring", claimId, () -> {
            SimClaim claim = store.claimOf(request.system(), request.municipality(), claimId);
            LocalDate extended = store.today()
                    .plusDays(properties.behaviour(request.system()).getReminderDays());
            jdbc.update(
                    "update sim_claim set on_hold = false, changed_at = ?,"
                            + " last_pay_date = case when last_pay_date < ? then ? else last_pay_date end where claim_id = ?",
                    store.now(),
                    store.today(),
                    extended,
                    claim.claimId());
            return new Result(claimId, null, store.find(claimId).orElseThrow());
        });
    }

    /** A citizen pays through the debtor system's payment solution (KMD Opus, Prisme 2015 only). */
    Result payAsCitizen(String claimId, long amountOre) {
        SimClaim claim = store.find(claimId)
                .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
        if (!claim.debtorSystem().hasPaymentSolution()) {
            throw new SimulatorRejection(
                    "UGYLDIGE_DATA",
                    claim.debtorSystem().displayName()
                            + " har ingen betalingsløsning: borgeren betaler på biblioteket");
        }
        return registerPayment(
                new Request(claim.debtorSystem(), claim.municipalityCode(), "borger/" + UUID.randomUUID()),
                claimId,
                amountOre,
                store.today(),
                "BETALINGSLOESNING");
    }

    private Result once(Request request, String operation, String claimId, Supplier<Result> command) {
        return store.idempotent(request.system(), request.idempotencyRef(), operation, claimId, command);
    }

    private SimClaim openClaim(Request request, String claimId) {
        return store.openClaim(request.system(), request.municipality(), claimId);
    }
}
