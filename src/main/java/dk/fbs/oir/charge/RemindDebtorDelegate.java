package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE_DAYS;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;
import static dk.fbs.oir.charge.ChargeProcess.REMINDER_FEE;
import static dk.fbs.oir.charge.ChargeProcess.REMINDER_NO;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send rykker": asks the debtor system to send reminder n with the fee and the new deadline the
 * reminder policy gave. A claim closed meanwhile gets no reminder; the loop sees its balance.
 */
@Component("remindDebtor")
public class RemindDebtorDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final ChargeClaims claims;
  private final Deadlines deadlines;

  public RemindDebtorDelegate(ChargeLedger ledger, ChargeClaims claims, Deadlines deadlines) {
    this.ledger = ledger;
    this.claims = claims;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int number = REMINDER_NO.get(execution);
    LocalDate newDeadline = deadlines.inDays(DEADLINE_DAYS.get(execution));
    ClaimState claim = claims.remind(ledger.get(FBS_CHARGE_ID.get(execution)), number,
        Money.ofKroner(new BigDecimal(REMINDER_FEE.get(execution))), newDeadline);
    BALANCE_ORE.set(execution, claim.balance().ore());
    if (claim.balance().isPositive()) {
      DEADLINE.set(execution, newDeadline.toString());
      REMINDER_NO.set(execution, number + 1);
    }
  }
}
