package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.debtorsystem.OirRejection;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The one way our steps act on a charge's claim: call ØiR with the step's idempotency reference,
 * then record the answer in the ledger (balance, status, timeline) and expect the debtor system's
 * event for it ({@link Freshness}). Business rejections propagate as {@link OirRejection}; transport
 * errors as they are, so the job is retried.
 */
@Service
public class ChargeClaims {

    private final ChargeLedger ledger;
    private final OirGateway oir;

    public ChargeClaims(ChargeLedger ledger, OirGateway oir) {
        this.ledger = ledger;
        this.oir = oir;
    }

    /** Creates the charge's claim (submission {@code n}) and records its number; its invoice is expected next. */
    public ClaimState submit(Charge charge, int n) {
        IdempotencyRef ref = IdempotencyRef.submission(charge.fbsChargeId(), n);
        ClaimState claim = oir.submitClaim(charge.debtorSystem(), submission(charge), ref);
        ledger.recordSubmitted(
                charge.fbsChargeId(),
                claim.claimId(),
                claim.paymentReference(),
                claim.balance(),
                claim.changedAt(),
                ref,
                "Fordring oprettet i " + charge.debtorSystem().displayName() + " som " + claim.claimId());
        return claim;
    }

    /**
     * Reminder {@code number} with its fee and new deadline. A refusal for a claim closed meanwhile
     * (paid before its event reached us) records the fresh balance instead; a refusal of an open one
     * is a technical failure.
     */
    public ClaimState remind(Charge charge, int number, Money fee, LocalDate newDeadline) {
        ClaimState claim;
        try {
            claim = oir.sendReminder(
                    charge.debtorSystem(),
                    charge.municipalityCode(),
                    charge.debtorSystemClaimId(),
                    number,
                    fee,
                    newDeadline,
                    IdempotencyRef.reminder(charge.fbsChargeId(), number));
        } catch (OirRejection rejection) {
            ClaimState fresh = oir.getClaim(
                    charge.debtorSystem(),
                    charge.municipalityCode(),
                    charge.debtorSystemClaimId(),
                    IdempotencyRef.reminderRefusedLookup(charge.fbsChargeId(), number));
            if (fresh.balance().isPositive()) {
                throw new IllegalStateException(
                        "Rykker " + number + " afvist for en åben fordring: " + rejection.getMessage());
            }
            ledger.recordBalance(
                    charge.fbsChargeId(),
                    fresh.balance(),
                    fresh.changedAt(),
                    null,
                    "Rykker " + number + " ikke sendt: fordringen er allerede "
                            + fresh.state().oirName().toLowerCase());
            return fresh;
        }
        ledger.recordDeadline(charge.fbsChargeId(), newDeadline);
        return recorded(
                charge,
                claim,
                ChargeStatus.REMINDED,
                "Rykker " + number + " sendt" + (fee.signum() == 0 ? " uden gebyr" : " med gebyr " + fee + " kr.")
                        + "; ny frist " + newDeadline);
    }

    /**
     * Credits a caseworker's reduction after a dispute; the charge goes back to where it stood.
     * Before the claim was submitted, the charge itself is reduced: the claim is submitted for less.
     * Returns the balance after.
     */
    public Money reduce(Charge charge, Money reduction, ChargeStatus backTo) {
        if (charge.debtorSystemClaimId() == null) {
            Money balance = charge.balance().minus(reduction);
            ledger.recordReductionBeforeSubmission(
                    charge.fbsChargeId(),
                    reduction,
                    backTo,
                    "Nedsat med " + reduction + " kr. efter indsigelse, før fordringen er sendt; beløb " + balance
                            + " kr.");
            return balance;
        }
        ClaimState claim = oir.credit(
                charge.debtorSystem(),
                charge.municipalityCode(),
                charge.debtorSystemClaimId(),
                reduction,
                "Nedsat efter indsigelse",
                IdempotencyRef.reduction(charge.fbsChargeId(), charge.balance(), reduction));
        return recorded(
                        charge,
                        claim,
                        backTo,
                        "Nedsat med " + reduction + " kr. efter indsigelse; restsaldo " + claim.balance() + " kr.")
                .balance();
    }

    /** Holds the claim while dispute {@code n} is decided (DEBTOR_LED): the debtor system's dunning pauses. */
    public ClaimState hold(Charge charge, int n) {
        ClaimState claim = oir.hold(
                charge.debtorSystem(),
                charge.municipalityCode(),
                charge.debtorSystemClaimId(),
                "Indsigelse fra borgeren behandles",
                IdempotencyRef.hold(charge.fbsChargeId(), n));
        ledger.recordBalance(
                charge.fbsChargeId(),
                claim.balance(),
                claim.changedAt(),
                null,
                "Fordringen er berostillet i " + charge.debtorSystem().displayName() + ", mens indsigelsen behandles");
        return claim;
    }

    /** Resumes the claim held for dispute {@code n}; the debtor system may give it a new deadline. */
    public ClaimState resume(Charge charge, int n) {
        ClaimState claim = oir.resume(
                charge.debtorSystem(),
                charge.municipalityCode(),
                charge.debtorSystemClaimId(),
                IdempotencyRef.resume(charge.fbsChargeId(), n));
        if (claim.lastPayDate() != null) {
            ledger.recordDeadline(charge.fbsChargeId(), claim.lastPayDate());
        }
        ledger.recordBalance(
                charge.fbsChargeId(),
                claim.balance(),
                claim.changedAt(),
                null,
                "Fordringen er genoptaget i " + charge.debtorSystem().displayName() + "; frist " + claim.lastPayDate());
        return claim;
    }

    /** Transfer {@code n} to collection (PSRM), with the limitation date: 3 years after the last day to pay. */
    public ClaimState transfer(Charge charge, int n) {
        LocalDate limitation = (charge.lastPayDate() == null ? charge.occurredOn() : charge.lastPayDate()).plusYears(3);
        ClaimState claim = oir.transferToCollection(
                charge.debtorSystem(),
                charge.municipalityCode(),
                charge.debtorSystemClaimId(),
                charge.type().psrmClaimType(),
                limitation,
                IdempotencyRef.transfer(charge.fbsChargeId(), n));
        return recorded(
                charge,
                claim,
                ChargeStatus.IN_COLLECTION,
                "Oversendt til inddrivelse hos Gældsstyrelsen (PSRM); forældelse " + limitation);
    }

    public ClaimState writeOff(Charge charge, String reason) {
        ClaimState claim = oir.writeOff(
                charge.debtorSystem(),
                charge.municipalityCode(),
                charge.debtorSystemClaimId(),
                reason,
                IdempotencyRef.writeOff(charge.fbsChargeId()));
        return recorded(charge, claim, ChargeStatus.WRITTEN_OFF, "Afskrevet: " + reason);
    }

    /** A payment taken at the library; the caller records the balance as a payment ({@link ChargeUpdates}). */
    public ClaimState forwardPayment(Charge charge, String paymentId, Money amount, LocalDate paidOn) {
        if (charge.debtorSystemClaimId() == null) {
            throw new IllegalStateException(
                    "The claim of " + charge.fbsChargeId() + " is not created yet; retried later");
        }
        ClaimState claim = oir.registerPayment(
                charge.debtorSystem(),
                charge.municipalityCode(),
                charge.debtorSystemClaimId(),
                amount,
                paidOn,
                IdempotencyRef.libraryPayment(charge.fbsChargeId(), paymentId));
        ledger.expectUpdate(charge.fbsChargeId());
        return claim;
    }

    /**
     * Re-creates a claim the debtor system lost, with the very idempotency reference that created it,
     * unless the debtor system has it after all; a retry can never make it two claims.
     */
    public ClaimState restore(String fbsChargeId) {
        Charge charge = ledger.get(fbsChargeId);
        IdempotencyRef ref = ledger.submissionRef(charge.fbsChargeId());
        if (charge.debtorSystemClaimId() == null || ref == null) {
            throw new ChargeStateException(charge.fbsChargeId() + " has no claim to restore");
        }
        try {
            return oir.getClaim(
                    charge.debtorSystem(),
                    charge.municipalityCode(),
                    charge.debtorSystemClaimId(),
                    IdempotencyRef.restoreLookup(ref));
        } catch (OirRejection rejection) {
            if (!rejection.isUnknownClaim()) {
                throw rejection;
            }
        }
        ClaimState claim = oir.submitClaim(charge.debtorSystem(), submission(charge), ref);
        ledger.recordClaimRestored(
                charge.fbsChargeId(),
                claim.claimId(),
                claim.paymentReference(),
                claim.changedAt(),
                "Fordring " + charge.debtorSystemClaimId() + " manglede i "
                        + charge.debtorSystem().displayName() + " ved afstemningen; oprettet igen som "
                        + claim.claimId());
        return claim;
    }

    private ClaimState recorded(Charge charge, ClaimState claim, ChargeStatus status, String text) {
        ledger.recordBalance(charge.fbsChargeId(), claim.balance(), claim.changedAt(), status, text);
        ledger.expectUpdate(charge.fbsChargeId());
        return claim;
    }

    private static ClaimSubmission submission(Charge c) {
        return new ClaimSubmission(
                c.municipalityCode(),
                c.fbsChargeId(),
                c.debtorCpr(),
                c.debtorName(),
                c.type().claimKind(),
                c.amount(),
                c.description(),
                c.occurredOn(),
                c.materialId(),
                c.branch(),
                c.dunningMode() == null ? DunningMode.FBS_LED : c.dunningMode());
    }
}
