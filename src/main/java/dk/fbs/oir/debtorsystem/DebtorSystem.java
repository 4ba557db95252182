package dk.fbs.oir.debtorsystem;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The debtor systems behind ØiR: the one register of them. Everything else (endpoints, routes,
 * freshness limits, the simulator's personalities, the benchmark) is keyed by this enum, so a new
 * debtor system is a constant here, a row in the routing DMN and its configuration.
 */
public enum DebtorSystem {
    /** {@code OP101-00000042}; the citizen pays with an FI reference {@code +71<…}. */
    KMD_OPUS(
            "KMD Opus",
            "OP\\d{3}-\\d{8}",
            "+71<",
            (no, municipality, today) -> "OP%s-%08d".formatted(municipality, no)),
    /** {@code P15/2026/000042}; FI reference {@code FIK71-…}. */
    PRISME_2015(
            "Fujitsu Prisme 2015",
            "P15/\\d{4}/\\d{6}",
            "FIK71-",
            (no, municipality, today) -> "P15/%d/%06d".formatted(today.getYear(), no)),
    /** {@code 900000042}; no citizen payment solution. */
    PRISME_2009("Fujitsu Prisme 2009", "9\\d{8}", null, (no, municipality, today) -> String.valueOf(900_000_000L + no)),
    /** {@code EG-561-0000002A}; no citizen payment solution. */
    EG_OS_INDSIGT(
            "EG ØS-indsigt",
            "EG-\\d{3}-[0-9A-F]{8}",
            null,
            (no, municipality, today) -> "EG-%s-%08X".formatted(municipality, no));

    /** How a debtor system numbers its claims. */
    @FunctionalInterface
    public interface ClaimNumbers {
        String claimId(long claimNo, String municipalityCode, LocalDate today);
    }

    private final String displayName;
    private final String claimIdPattern;
    private final String paymentReferencePrefix;
    private final ClaimNumbers claimNumbers;

    DebtorSystem(String displayName, String claimIdPattern, String paymentReferencePrefix, ClaimNumbers claimNumbers) {
        this.displayName = displayName;
        this.claimIdPattern = claimIdPattern;
        this.paymentReferencePrefix = paymentReferencePrefix;
        this.claimNumbers = claimNumbers;
    }

    public String displayName() {
        return displayName;
    }

    /** Lower-case name used in URLs and configuration keys, e.g. {@code kmd-opus}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** KMD Opus and Prisme 2015 have a citizen payment solution; the others do not. */
    public boolean hasPaymentSolution() {
        return paymentReferencePrefix != null;
    }

    /** A regular expression every claim number of the system matches. */
    public String claimIdPattern() {
        return claimIdPattern;
    }

    /** The system's number for its claim number {@code claimNo}. */
    public String claimId(long claimNo, String municipalityCode, LocalDate today) {
        return claimNumbers.claimId(claimNo, municipalityCode, today);
    }

    /** The reference a citizen types into the payment solution; none without one. */
    public String paymentReference(long claimNo) {
        return hasPaymentSolution() ? paymentReferencePrefix + "%015d".formatted(claimNo) : null;
    }
}
