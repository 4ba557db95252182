package dk.fbs.oir.debtorsystem;

import java.util.Arrays;

/** What a posting of a debtor system's reconciliation statement is (ØiR's posteringsart). */
public enum PostingKind {
    PAYMENT("INDBETALING"),
    CREDIT("KREDITERING"),
    WRITE_OFF("AFSKRIVNING"),
    REMINDER_FEE("RYKKERGEBYR"),
    /** A kind we do not know: it counts in no total, the balances still show it. */
    OTHER("");

    private final String oirName;

    PostingKind(String oirName) {
        this.oirName = oirName;
    }

    public static PostingKind ofOirName(String oirName) {
        return Arrays.stream(values())
                .filter(k -> k.oirName.equals(oirName))
                .findFirst()
                .orElse(OTHER);
    }
}
