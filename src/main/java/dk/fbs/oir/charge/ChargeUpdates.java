package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.COLLECTION_OUTCOME;
import static dk.fbs.oir.charge.ChargeProcess.COLLECTION_OUTCOME_TEXT;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DEBTOR_STEP;
import static dk.fbs.oir.charge.ChargeProcess.DEBTOR_STEP_TEXT;
import static dk.fbs.oir.charge.ChargeProcess.DUE_DATE;
import static dk.fbs.oir.charge.ChargeProcess.LAST_PAY_DATE;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DunningMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Applies the debtor system's news to a running charge: its events, and its answer to a payment we
 * passed on. The ledger is updated first, the process is told second: a message the process is not
 * waiting for is not lost, because the process reads the ledger's balance at its next wait.
 */
@Service
public class ChargeUpdates {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        /** Older than what the charge already shows, or nothing to change. */
        IGNORED,
        /** For a claim we do not know: kept for an operator. */
        PARKED,
        /** For a claim whose submission has not committed yet: read again next time. */
        NOT_YET
    }

    private final ChargeLedger ledger;
    private final ChargeMessages messages;

    ChargeUpdates(ChargeLedger ledger, ChargeMessages messages) {
        this.ledger = ledger;
        this.messages = messages;
    }

    /** Applies one debtor-system event, in the caller's transaction. */
    public Outcome apply(DebtorEvent event) {
        Charge charge = event.fbsChargeId() == null
                ? null
                : ledger.find(event.fbsChargeId()).orElse(null);
        if (charge == null) {
            return Outcome.PARKED;
        }
        if (charge.debtorSystemClaimId() == null) {
            return charge.status().isFinal() ? Outcome.PARKED : Outcome.NOT_YET;
        }
        if (!charge.debtorSystemClaimId().equals(event.claimId())) {
            return Outcome.PARKED;
        }
        if (!ledger.acceptEvent(charge.fbsChargeId(), event.seq(), event.occurredAt())) {
            return Outcome.IGNORED;
        }
        Money balance = event.balance();
        String amount = event.amount() == null ? "" : event.amount() + " kr.";
        switch (event.kind()) {
            case INVOICE_ISSUED ->
                messages.deliverOrKeep(
                        charge,
                        ChargeProcess.Message.InvoiceIssued,
                        Map.of(
                                DUE_DATE.name(),
                                event.dueDate().toString(),
                                LAST_PAY_DATE.name(),
                                event.lastPayDate().toString()));
            case PAYMENT_RECEIVED ->
                paid(
                        charge,
                        balance,
                        event.state(),
                        event.occurredAt(),
                        "Indbetaling " + amount + " modtaget i debitorsystemet; restsaldo " + event.balance() + " kr.");
            case COLLECTION_COMPLETED -> collectionOutcome(charge, CollectionOutcome.COLLECTED, event.text());
            case COLLECTION_RETURNED -> collectionOutcome(charge, CollectionOutcome.RETURNED, event.text());
            case CLAIM_WRITTEN_OFF -> {
                if (charge.status() == ChargeStatus.IN_COLLECTION) {
                    collectionOutcome(charge, CollectionOutcome.WRITTEN_OFF, event.text());
                } else if (followsDebtorSystem(charge)) {
                    debtorStep(
                            charge,
                            event,
                            DebtorStep.WRITTEN_OFF,
                            "Afskrevet af " + charge.debtorSystem().displayName()
                                    + (event.text() == null ? "" : ": " + event.text()));
                }
            }
            case REMINDER_SENT -> {
                if (followsDebtorSystem(charge)) {
                    ledger.recordDeadline(charge.fbsChargeId(), event.lastPayDate());
                    debtorStep(
                            charge,
                            event,
                            DebtorStep.REMINDER_SENT,
                            "Rykker " + event.reminderNo() + " sendt af "
                                    + charge.debtorSystem().displayName()
                                    + (event.amount() == null || event.amount().signum() == 0
                                            ? " uden gebyr"
                                            : " med gebyr " + event.amount() + " kr.")
                                    + "; ny frist " + event.lastPayDate());
                }
            }
            case TRANSFERRED_TO_COLLECTION -> {
                if (followsDebtorSystem(charge)) {
                    debtorStep(
                            charge,
                            event,
                            DebtorStep.TRANSFERRED,
                            "Overdraget til inddrivelse hos Gældsstyrelsen (PSRM) af "
                                    + charge.debtorSystem().displayName());
                }
            }
            case CLAIM_CHANGED_MANUALLY -> {
                ledger.recordBalance(
                        charge.fbsChargeId(),
                        balance,
                        event.occurredAt(),
                        null,
                        "Ændret manuelt i debitorsystemet" + (event.text() == null ? "" : ": " + event.text())
                                + "; restsaldo " + event.balance() + " kr.");
                messages.setBalance(charge, balance);
                messages.deliverIfWaiting(
                        charge, ChargeProcess.Message.PaymentReceived, Map.of(BALANCE_ORE.name(), balance.ore()));
            }
            default -> {} // our own requests confirmed (created, reminded, transferred, credited): freshness only
        }
        return Outcome.APPLIED;
    }

    /**
     * A payment taken at the library reached the debtor system: its answer gives the balance at
     * once, and the process hears of it as of any payment.
     */
    public void paymentForwarded(Charge charge, ClaimState claim, String text) {
        paid(charge, claim.balance(), claim.state(), claim.changedAt(), text);
    }

    /** A payment lowered the balance: the ledger first, then the process (or PSRM's outcome in collection). */
    private void paid(Charge charge, Money balance, ClaimStatus claimState, OffsetDateTime confirmedAt, String text) {
        ledger.recordBalance(charge.fbsChargeId(), balance, confirmedAt, null, text);
        messages.setBalance(charge, balance);
        if (claimState == ClaimStatus.COLLECTED) {
            collectionOutcome(charge, CollectionOutcome.COLLECTED, "Betalt under inddrivelse");
        } else {
            messages.deliverIfWaiting(
                    charge, ChargeProcess.Message.PaymentReceived, Map.of(BALANCE_ORE.name(), balance.ore()));
        }
    }

    /** DEBTOR_LED: the debtor system's own step; ours in FBS_LED (our request confirmed) changes nothing more. */
    private static boolean followsDebtorSystem(Charge charge) {
        return charge.dunningMode() == DunningMode.DEBTOR_LED
                && !charge.status().isFinal();
    }

    /** A step of the debtor system's own dunning: its balance now, then the process records and follows it. */
    private void debtorStep(Charge charge, DebtorEvent event, DebtorStep step, String text) {
        ledger.recordReportedBalance(charge.fbsChargeId(), event.balance());
        messages.setBalance(charge, event.balance());
        Map<String, Object> variables = new HashMap<>(Map.of(
                DEBTOR_STEP.name(),
                step.name(),
                DEBTOR_STEP_TEXT.name(),
                text,
                BALANCE_ORE.name(),
                event.balance().ore()));
        if (event.lastPayDate() != null) {
            variables.put(DEADLINE.name(), event.lastPayDate().toString());
        }
        messages.deliverIfWaiting(charge, ChargeProcess.Message.DebtorStepReported, variables);
    }

    private void collectionOutcome(Charge charge, CollectionOutcome outcome, String text) {
        messages.deliverIfWaiting(
                charge,
                ChargeProcess.Message.CollectionOutcome,
                Map.of(
                        COLLECTION_OUTCOME.name(),
                        outcome.name(),
                        COLLECTION_OUTCOME_TEXT.name(),
                        text == null ? "" : text));
    }
}
