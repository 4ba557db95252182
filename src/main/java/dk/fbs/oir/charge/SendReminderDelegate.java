package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE_DAYS;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;
import static dk.fbs.oir.charge.ChargeProcess.REMINDER_FEE;
import static dk.fbs.oir.charge.ChargeProcess.REMINDER_NO;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway;
import dk.fbs.oir.oir.OirRejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send rykker": asks the debtor system to send reminder n with the fee and the new deadline the
 * reminder policy gave. If the debtor system refuses because the claim has closed meanwhile
 * (paid before its event reached us), the fresh balance is recorded and the loop sees it.
 */
@Component("remindDebtor")
public class SendReminderDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final OirGateway oir;
  private final Deadlines deadlines;

  public SendReminderDelegate(ChargeLedger ledger, OirGateway oir, Deadlines deadlines) {
    this.ledger = ledger;
    this.oir = oir;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Charge charge = ledger.get(FBS_CHARGE_ID.get(execution));
    int number = REMINDER_NO.get(execution);
    BigDecimal fee = new BigDecimal(REMINDER_FEE.get(execution));
    LocalDate newDeadline = deadlines.inDays(DEADLINE_DAYS.get(execution));
    ClaimState claim;
    try {
      claim = oir.sendReminder(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(), number,
          fee, newDeadline, charge.fbsChargeId() + "/rykker/" + number);
    } catch (OirRejection rejection) {
      ClaimState fresh = oir.getClaim(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(),
          charge.fbsChargeId() + "/hent/rykker/" + number);
      if (fresh.balance().signum() > 0) {
        throw new IllegalStateException("Rykker " + number + " afvist for en åben fordring: " + rejection.getMessage());
      }
      long balance = Money.toOre(fresh.balance());
      ledger.recordBalance(charge.fbsChargeId(), balance, fresh.changedAt(), null,
          "Rykker " + number + " ikke sendt: fordringen er allerede " + fresh.state().toLowerCase());
      BALANCE_ORE.set(execution, balance);
      return;
    }
    long balance = Money.toOre(claim.balance());
    ledger.recordDeadline(charge.fbsChargeId(), newDeadline);
    ledger.recordBalance(charge.fbsChargeId(), balance, claim.changedAt(), ChargeStatus.REMINDED,
        "Rykker " + number + " sendt" + (fee.signum() == 0 ? " uden gebyr" : " med gebyr " + fee + " kr.")
            + "; ny frist " + newDeadline);
    ledger.expectUpdate(charge.fbsChargeId());
    DEADLINE.set(execution, newDeadline.toString());
    REMINDER_NO.set(execution, number + 1);
    BALANCE_ORE.set(execution, balance);
  }
}
