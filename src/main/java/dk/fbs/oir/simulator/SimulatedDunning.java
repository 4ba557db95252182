package dk.fbs.oir.simulator;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorProperties.Behaviour;
import dk.fbs.oir.simulator.SimulatorStore.PostingKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The debtor system's own dunning, for the claims it dunns itself (the municipality's finance
 * function runs the collection): after the last day to pay, each system's own number of reminders
 * with its fee and interval; after the last one, the transfer to PSRM (or a write-off of a balance
 * below its limit); and PSRM's outcome after its days. Runs for "today" on the simulator's clock,
 * each claim's step in a transaction of its own; running a day twice does nothing twice.
 */
class SimulatedDunning {

    private static final String DUE = "select * from sim_claim c where debtor_led and not on_hold"
            + " and state in ('OPKRAEVET','RYKKET') and last_pay_date < ?"
            + " and not exists (select 1 from sim_event e where e.claim_id = c.claim_id and e.kind = 'INDDRIVELSE_RETURNERET')"
            + " order by claim_no";
    private static final String DECIDED_BY_PSRM = "select * from sim_claim where debtor_led"
            + " and not on_hold and state = 'OVERDRAGET_TIL_INDDRIVELSE' and collection_due <= ? order by claim_no";

    private final SimulatorStore store;
    private final SimulatedPsrm psrm;
    private final SimulatorProperties properties;
    private final SimulatorClock clock;
    private final SimulatorPush push;

    SimulatedDunning(
            SimulatorStore store,
            SimulatedPsrm psrm,
            SimulatorProperties properties,
            SimulatorClock clock,
            SimulatorPush push) {
        this.store = store;
        this.psrm = psrm;
        this.properties = properties;
        this.clock = clock;
        this.push = push;
    }

    /**
     * Days pass one at a time, each with its nightly run; events whose delay ran out in those days are
     * published. Returns how many steps the runs took.
     */
    synchronized int passDays(int days) {
        OffsetDateTime from = store.now();
        int steps = 0;
        for (int day = 0; day < days; day++) {
            clock.advanceDays(1);
            steps += run();
        }
        store.jdbc.query(
                "select distinct debtor_system, municipality_code from sim_event where visible_at > ?"
                        + " and visible_at <= ? and visible_at > occurred_at",
                (RowCallbackHandler) rs -> push.published(DebtorSystem.valueOf(rs.getString(1)), rs.getString(2)),
                from,
                store.now());
        return steps;
    }

    /** Does what today brings; returns how many steps it took. */
    int run() {
        LocalDate today = store.today();
        int steps = 0;
        for (SimClaim claim : store.jdbc.query(DECIDED_BY_PSRM, SimulatorStore.CLAIM, today)) {
            psrm.collectionOutcome(
                    claim.claimId(), properties.behaviour(claim.debtorSystem()).getCollectionOutcome(), null);
            steps++;
        }
        // a claim can be due for more than one step when days were skipped: one step a day is what a run does
        for (SimClaim claim : store.jdbc.query(DUE, SimulatorStore.CLAIM, today)) {
            store.tx.executeWithoutResult(status -> step(claim, today));
            steps++;
        }
        return steps;
    }

    private void step(SimClaim claim, LocalDate today) {
        Behaviour behaviour = properties.behaviour(claim.debtorSystem());
        if (claim.reminderCount() < behaviour.getReminders()) {
            remind(claim, behaviour, today);
        } else if (claim.balanceOre()
                < Money.ofKroner(behaviour.getWriteOffBelow()).ore()) {
            store.posting(claim.claimId(), PostingKind.AFSKRIVNING, claim.balanceOre(), today);
            SimClaim updated = store.change(claim, 0, "AFSKREVET");
            store.event(
                    updated,
                    "FORDRING_AFSKREVET",
                    claim.balanceOre(),
                    "Afskrevet af debitorsystemet: under beløbsgrænsen for inddrivelse");
        } else {
            store.jdbc.update(
                    "update sim_claim set collection_due = ? where claim_id = ?",
                    today.plusDays(behaviour.getCollectionDays()),
                    claim.claimId());
            SimClaim updated = store.change(claim, claim.balanceOre(), "OVERDRAGET_TIL_INDDRIVELSE");
            store.event(
                    updated,
                    "OVERDRAGET_TIL_INDDRIVELSE",
                    null,
                    "Overdraget til inddrivelse hos Gældsstyrelsen efter " + claim.reminderCount() + " rykkere");
        }
    }

    private void remind(SimClaim claim, Behaviour behaviour, LocalDate today) {
        int number = claim.reminderCount() + 1;
        long feeOre = Money.ofKroner(behaviour.getReminderFee()).ore();
        if (feeOre > 0) {
            store.posting(claim.claimId(), PostingKind.RYKKERGEBYR, feeOre, today);
        }
        store.jdbc.update(
                "update sim_claim set reminder_count = ?, last_pay_date = ? where claim_id = ?",
                number,
                today.plusDays(behaviour.getReminderDays()),
                claim.claimId());
        SimClaim updated =
                store.change(store.find(claim.claimId()).orElseThrow(), claim.balanceOre() + feeOre, "RYKKET");
        store.event(updated, SimulatorStore.REMINDER_SENT, feeOre, "Rykker " + number + " udsendt");
    }
}
