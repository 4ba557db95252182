package dk.fbs.oir.reconciliation;

import dk.fbs.oir.common.Money;
import org.springframework.stereotype.Component;

/**
 * What the caseworker's task "Afklar afstemningsdifference" shows of a difference: both sides,
 * side by side ({@code ${reconciliationFacts.ours(differenceId)}} in the form).
 */
@Component("reconciliationFacts")
public class ReconciliationFacts {

  private final Reconciliations reconciliations;

  public ReconciliationFacts(Reconciliations reconciliations) {
    this.reconciliations = reconciliations;
  }

  public String kind(long differenceId) {
    Difference d = reconciliations.difference(differenceId);
    return d.kind().text() + " (" + d.debtorSystem().displayName() + ", set første gang " + d.firstSeenOn() + ")";
  }

  public String subject(long differenceId) {
    Difference d = reconciliations.difference(differenceId);
    return "Gebyr " + (d.fbsChargeId() == null ? "—" : d.fbsChargeId()) + ", fordring "
        + (d.claimId() == null ? "—" : d.claimId()) + (d.postingId() == null ? "" : ", postering " + d.postingId());
  }

  public String ours(long differenceId) {
    return reconciliations.difference(differenceId).ours();
  }

  public String theirs(long differenceId) {
    return reconciliations.difference(differenceId).theirs();
  }

  public String amount(long differenceId) {
    Long ore = reconciliations.difference(differenceId).amountOre();
    return ore == null ? "—" : Money.ofOre(ore) + " kr.";
  }
}
