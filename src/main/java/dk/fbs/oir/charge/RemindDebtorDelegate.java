package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE_DAYS;
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
        Charge charge = ledger.get(ChargeProcess.fbsChargeId(execution));
        Money fee = Money.ofKroner(new BigDecimal(REMINDER_FEE.get(execution)));
        lawful(charge, number, fee);
        ClaimState claim = claims.remind(charge, number, fee, newDeadline);
        BALANCE_ORE.set(execution, claim.balance().ore());
        if (claim.balance().isPositive()) {
            DEADLINE.set(execution, newDeadline.toString());
            REMINDER_NO.set(execution, number + 1);
        }
    }

    /**
     * Whatever started this task (the timer, or a person in Cockpit), no reminder goes out before
     * the last day to pay has passed or with a fee above the law's limit: the job fails and becomes
     * an incident instead.
     */
    private void lawful(Charge charge, int number, Money fee) {
        if (charge.lastPayDate() == null || !deadlines.today().isAfter(charge.lastPayDate())) {
            throw new IllegalStateException("Rykker " + number + " for " + charge.fbsChargeId()
                    + " sendes ikke før sidste rettidige betalingsdag (" + charge.lastPayDate() + ") er overskredet");
        }
        if (fee.compareTo(charge.type().maxReminderFee()) > 0) {
            throw new IllegalStateException(
                    "Rykkergebyret " + fee + " kr. for " + charge.fbsChargeId() + " er over lovens grænse på "
                            + charge.type().maxReminderFee() + " kr.; ret dmn/reminder-policy.dmn");
        }
    }
}
