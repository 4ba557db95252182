package dk.fbs.oir.api;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeService;
import dk.fbs.oir.charge.Freshness;
import org.springframework.stereotype.Component;

/** Builds the charge as FBS reads it: ledger, timeline and freshness. */
@Component
class ChargeViews {

    private final ChargeService charges;
    private final Freshness freshness;

    ChargeViews(ChargeService charges, Freshness freshness) {
        this.charges = charges;
        this.freshness = freshness;
    }

    ChargeResponse of(Charge charge) {
        return ChargeResponse.of(charge, charges.timeline(charge.fbsChargeId()), freshness.isStale(charge));
    }
}
