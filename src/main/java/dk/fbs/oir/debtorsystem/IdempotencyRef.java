package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The idempotency reference every ØiR call carries: the debtor system answers a repeated reference
 * with what it did the first time, so a retried job never creates or books anything twice. A
 * reference must therefore be stable for the charge and the step (the same step retried gives the
 * same reference) and differ between steps. Every format is made here and nowhere else.
 */
public record IdempotencyRef(String value) {

    public IdempotencyRef {
        Objects.requireNonNull(value, "value");
    }

    /** Submission {@code n} of a charge's claim (a resubmission after a correction counts up). */
    public static IdempotencyRef submission(String fbsChargeId, int n) {
        return new IdempotencyRef(fbsChargeId + "/opret/" + n);
    }

    /** Reminder number {@code n}. */
    public static IdempotencyRef reminder(String fbsChargeId, int n) {
        return new IdempotencyRef(fbsChargeId + "/rykker/" + n);
    }

    /** Reading the claim again after reminder {@code n} was refused. */
    public static IdempotencyRef reminderRefusedLookup(String fbsChargeId, int n) {
        return new IdempotencyRef(fbsChargeId + "/hent/rykker/" + n);
    }

    /** Looking up the charge's open claims before a cancellation credits them. */
    public static IdempotencyRef cancellationSearch(String fbsChargeId) {
        return new IdempotencyRef(fbsChargeId + "/annuller/soeg");
    }

    /** The cancellation's credit of one claim. */
    public static IdempotencyRef cancellationCredit(String fbsChargeId, String claimId) {
        return new IdempotencyRef(fbsChargeId + "/annuller/" + claimId);
    }

    /** A caseworker's reduction: the same reduction of the same balance is the same request. */
    public static IdempotencyRef reduction(String fbsChargeId, Money balance, Money reduction) {
        return new IdempotencyRef(fbsChargeId + "/nedsaet/" + balance.ore() + "-" + reduction.ore());
    }

    /** Transfer {@code n} to collection (a claim returned by PSRM may be transferred again). */
    public static IdempotencyRef transfer(String fbsChargeId, int n) {
        return new IdempotencyRef(fbsChargeId + "/inddrivelse/" + n);
    }

    /** Holding the claim while dispute {@code n} is decided, and resuming it after. */
    public static IdempotencyRef hold(String fbsChargeId, int n) {
        return new IdempotencyRef(fbsChargeId + "/beroe/" + n);
    }

    public static IdempotencyRef resume(String fbsChargeId, int n) {
        return new IdempotencyRef(fbsChargeId + "/genoptag/" + n);
    }

    public static IdempotencyRef writeOff(String fbsChargeId) {
        return new IdempotencyRef(fbsChargeId + "/afskriv");
    }

    /** A payment taken at the library, by FBS' own payment id. */
    public static IdempotencyRef libraryPayment(String fbsChargeId, String paymentId) {
        return new IdempotencyRef(fbsChargeId + "/indbetaling/" + paymentId);
    }

    /** Reconciliation asks whether a claim it misses exists after all, under the reference that created it. */
    public static IdempotencyRef restoreLookup(IdempotencyRef submission) {
        return new IdempotencyRef(submission.value() + "/afstem/hent");
    }

    /** Reading a municipality's events after a cursor. */
    public static IdempotencyRef eventRead(DebtorSystem system, String municipalityCode, long afterSeq) {
        return new IdempotencyRef("sync/" + system.slug() + "/" + municipalityCode + "/" + afterSeq);
    }

    /** A day's reconciliation statement. */
    public static IdempotencyRef statement(String municipalityCode, LocalDate day) {
        return new IdempotencyRef("afstem/" + municipalityCode + "/" + day);
    }

    /** Onboarding's connection test with the vendor: a step (opret, hent, krediter) of attempt {@code n}. */
    public static IdempotencyRef vendorTest(String municipalityCode, int n, String step) {
        return new IdempotencyRef("onboarding/" + municipalityCode + "/test/" + n + "/" + step);
    }

    /** A live search for FBS: a read, new each time. */
    public static IdempotencyRef search() {
        return new IdempotencyRef("soeg/" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
