package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.wsdl.debitor.HaendelsesartType;

/** What a debtor system's event tells (ØiR's hændelsesart), in our words. */
public enum EventKind {
    CLAIM_CREATED(HaendelsesartType.FORDRING_OPRETTET),
    INVOICE_ISSUED(HaendelsesartType.OPKRAEVNING_UDSENDT),
    PAYMENT_RECEIVED(HaendelsesartType.INDBETALING_MODTAGET),
    REMINDER_SENT(HaendelsesartType.RYKKER_UDSENDT),
    TRANSFERRED_TO_COLLECTION(HaendelsesartType.OVERDRAGET_TIL_INDDRIVELSE),
    COLLECTION_COMPLETED(HaendelsesartType.INDDRIVELSE_AFSLUTTET),
    COLLECTION_RETURNED(HaendelsesartType.INDDRIVELSE_RETURNERET),
    CLAIM_CREDITED(HaendelsesartType.FORDRING_KREDITERET),
    CLAIM_WRITTEN_OFF(HaendelsesartType.FORDRING_AFSKREVET),
    CLAIM_CHANGED_MANUALLY(HaendelsesartType.FORDRING_AENDRET_MANUELT);

    private final HaendelsesartType wire;

    EventKind(HaendelsesartType wire) {
        this.wire = wire;
    }

    /** ØiR's name of the kind, as stored with the events we received and shown to operators. */
    public String oirName() {
        return wire.value();
    }

    public static EventKind of(HaendelsesartType wire) {
        for (EventKind kind : values()) {
            if (kind.wire == wire) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No event kind for " + wire);
    }

    /** The kind of ØiR's name (as {@link #oirName()} gives it); an unknown name is an IllegalArgumentException. */
    public static EventKind ofOirName(String oirName) {
        return of(HaendelsesartType.fromValue(oirName));
    }
}
