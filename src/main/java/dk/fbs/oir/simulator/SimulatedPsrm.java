package dk.fbs.oir.simulator;

import dk.fbs.oir.simulator.SimulatorStore.PostingKind;

/** Gældsstyrelsen (PSRM) as the simulator plays it: its outcome for a claim in collection. */
class SimulatedPsrm {

    private final SimulatorStore store;

    SimulatedPsrm(SimulatorStore store) {
        this.store = store;
    }

    /** PSRM's outcomes for a claim in collection. */
    enum CollectionOutcome {
        COLLECTED,
        RETURNED,
        WRITTEN_OFF
    }

    /** Gældsstyrelsen reports back on a claim in collection: collected, returned, or written off. */
    SimClaim collectionOutcome(String claimId, CollectionOutcome outcome, String text) {
        return store.tx.execute(status -> {
            SimClaim claim = store.find(claimId)
                    .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
            if (!"OVERDRAGET_TIL_INDDRIVELSE".equals(claim.state())) {
                throw new SimulatorRejection("FORKERT_TILSTAND", "Fordringen er ikke under inddrivelse");
            }
            SimClaim updated;
            switch (outcome) {
                case COLLECTED -> {
                    store.posting(claimId, PostingKind.INDBETALING, claim.balanceOre(), store.today());
                    updated = store.change(claim, 0, "INDDREVET");
                    store.event(
                            updated, "INDDRIVELSE_AFSLUTTET", claim.balanceOre(), text == null ? "Inddrevet" : text);
                }
                case RETURNED -> {
                    updated = store.change(claim, claim.balanceOre(), "RYKKET");
                    store.event(
                            updated,
                            "INDDRIVELSE_RETURNERET",
                            null,
                            text == null ? "Returneret af Gældsstyrelsen" : text);
                }
                default -> {
                    store.posting(claimId, PostingKind.AFSKRIVNING, claim.balanceOre(), store.today());
                    updated = store.change(claim, 0, "AFSKREVET");
                    store.event(
                            updated,
                            "FORDRING_AFSKREVET",
                            claim.balanceOre(),
                            text == null ? "Afskrevet af Gældsstyrelsen" : text);
                }
            }
            return updated;
        });
    }
}
