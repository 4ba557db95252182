package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.wsdl.debitor.FordringTilstandType;

/** A claim's state in the debtor system (ØiR's fordringstilstand), in our words. */
public enum ClaimStatus {
    /** REGISTRERET: created, no invoice yet. */
    REGISTERED(FordringTilstandType.REGISTRERET),
    /** OPKRAEVET: the invoice is out. */
    INVOICED(FordringTilstandType.OPKRAEVET),
    /** RYKKET: at least one reminder is out. */
    REMINDED(FordringTilstandType.RYKKET),
    /** OVERDRAGET_TIL_INDDRIVELSE: handed to Gældsstyrelsen (PSRM). */
    IN_COLLECTION(FordringTilstandType.OVERDRAGET_TIL_INDDRIVELSE),
    /** BETALT. */
    PAID(FordringTilstandType.BETALT),
    /** INDDREVET: paid through collection. */
    COLLECTED(FordringTilstandType.INDDREVET),
    /** KREDITERET. */
    CREDITED(FordringTilstandType.KREDITERET),
    /** AFSKREVET. */
    WRITTEN_OFF(FordringTilstandType.AFSKREVET);

    private final FordringTilstandType wire;

    ClaimStatus(FordringTilstandType wire) {
        this.wire = wire;
    }

    /** ØiR's name of the state, as stored with the events we received. */
    public String oirName() {
        return wire.value();
    }

    public static ClaimStatus of(FordringTilstandType wire) {
        for (ClaimStatus status : values()) {
            if (status.wire == wire) {
                return status;
            }
        }
        throw new IllegalArgumentException("No claim status for " + wire);
    }

    public static ClaimStatus ofOirName(String oirName) {
        return of(FordringTilstandType.fromValue(oirName));
    }
}
