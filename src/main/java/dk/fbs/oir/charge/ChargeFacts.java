package dk.fbs.oir.charge;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The charge's facts for the caseworker's task forms ({@code ${chargeFacts.summary(fbsChargeId)}}):
 * read from the ledger when the form opens, the debtor masked.
 */
@Component("chargeFacts")
public class ChargeFacts {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ChargeLedger ledger;

  public ChargeFacts(ChargeLedger ledger) {
    this.ledger = ledger;
  }

  public String summary(String fbsChargeId) {
    Charge c = ledger.get(fbsChargeId);
    return c.fbsChargeId() + " · " + c.description() + " · " + kroner(c.amount()) + " kr. · "
        + (c.debtorSystemClaimId() == null ? "ingen fordring endnu" : "fordring " + c.debtorSystemClaimId());
  }

  public String debtor(String fbsChargeId) {
    Charge c = ledger.get(fbsChargeId);
    return c.debtorName() + ", CPR " + Cpr.mask(c.debtorCpr());
  }

  public String balance(String fbsChargeId) {
    return kroner(ledger.get(fbsChargeId).balance());
  }

  public String overpaid(String fbsChargeId) {
    return kroner(Money.ofOre(Math.max(0, -ledger.get(fbsChargeId).balance().ore())));
  }

  public String history(String fbsChargeId) {
    return ledger.timeline(fbsChargeId).stream()
        .map(e -> e.at().format(DAY) + " " + e.text())
        .collect(Collectors.joining(" | "));
  }

  private static String kroner(Money amount) {
    return amount.toString().replace('.', ',');
  }
}
