package dk.fbs.oir.charge;

import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway;
import dk.fbs.oir.oir.OirRejection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims a debtor system lost. Reconciliation finds them; this re-creates one with the very
 * idempotency reference that created it, so a retry, or a debtor system that in fact still has
 * it, can never make it two claims.
 */
@Component
public class LostClaims {

  /** The debtor system's fault code for a claim it does not know. */
  static final String UNKNOWN_CLAIM = "UKENDT_FORDRING";

  private final ChargeLedger ledger;
  private final OirGateway oir;

  public LostClaims(ChargeLedger ledger, OirGateway oir) {
    this.ledger = ledger;
    this.oir = oir;
  }

  /**
   * Re-creates the charge's claim unless the debtor system has it after all, and records its new
   * number. Business rejections propagate as {@link OirRejection}; transport errors as they are.
   */
  @Transactional
  public ClaimState restore(String fbsChargeId) {
    Charge charge = ledger.get(fbsChargeId);
    String ref = ledger.submissionRef(fbsChargeId);
    if (charge.debtorSystemClaimId() == null || ref == null) {
      throw new ChargeStateException(fbsChargeId + " has no claim to restore");
    }
    try {
      return oir.getClaim(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(),
          ref + "/afstem/hent");
    } catch (OirRejection rejection) {
      if (!UNKNOWN_CLAIM.equals(rejection.code())) {
        throw rejection;
      }
    }
    ClaimState claim = oir.submitClaim(charge.debtorSystem(), SubmitClaimDelegate.submission(charge), ref);
    ledger.recordClaimRestored(fbsChargeId, claim.claimId(), claim.paymentReference(), claim.changedAt(),
        "Fordring " + charge.debtorSystemClaimId() + " manglede i " + charge.debtorSystem().displayName()
            + " ved afstemningen; oprettet igen som " + claim.claimId());
    return claim;
  }
}
