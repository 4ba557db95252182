package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.COLLECTION_REASON;
import static dk.fbs.oir.charge.ChargeTaskDecisions.APPROVAL_DECISION;
import static dk.fbs.oir.charge.ChargeTaskDecisions.RETURNED_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Afskriv fordringen": writes off the open balance in the debtor system and ends the charge as written off. */
@Component("writeOff")
public class WriteOffDelegate implements JavaDelegate {

    private static final String WRITE_OFF = "WRITE_OFF";

    private final ChargeLedger ledger;
    private final ChargeClaims claims;

    public WriteOffDelegate(ChargeLedger ledger, ChargeClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean byCaseworker = WRITE_OFF.equals(APPROVAL_DECISION.get(execution))
                || WRITE_OFF.equals(RETURNED_DECISION.get(execution));
        String reason = byCaseworker ? "efter sagsbehandlers beslutning" : COLLECTION_REASON.get(execution);
        BALANCE_ORE.set(
                execution,
                claims.writeOff(ledger.get(ChargeProcess.fbsChargeId(execution)), reason)
                        .balance()
                        .ore());
    }
}
