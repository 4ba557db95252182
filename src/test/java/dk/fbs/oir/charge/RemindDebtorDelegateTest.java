package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** "Send rykker" never sends a reminder the law forbids, whatever started the task. */
class RemindDebtorDelegateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private final ChargeLedger ledger = mock(ChargeLedger.class);
    private final ChargeClaims claims = mock(ChargeClaims.class);
    private final Deadlines deadlines =
            new Deadlines(Clock.fixed(TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
    private final RemindDebtorDelegate delegate = new RemindDebtorDelegate(ledger, claims, deadlines);

    @Test
    void notBeforeTheLastDayToPayHasPassed() {
        DelegateExecution execution = reminder(ChargeType.OVERDUE_FEE, TODAY, "0.00");

        assertThatThrownBy(() -> delegate.execute(execution))
                .hasMessageContaining("sendes ikke før sidste rettidige betalingsdag (2026-12-04)");
        verify(claims, never()).remind(any(), anyInt(), any(), any());
    }

    @Test
    void notWithAFeeAboveTheLawsLimit() {
        DelegateExecution replacement = reminder(ChargeType.REPLACEMENT, TODAY.minusDays(1), "100.01");
        DelegateExecution fee = reminder(ChargeType.OVERDUE_FEE, TODAY.minusDays(1), "250.01");

        assertThatThrownBy(() -> delegate.execute(replacement))
                .hasMessageContaining("over lovens grænse på 100.00 kr.");
        assertThatThrownBy(() -> delegate.execute(fee)).hasMessageContaining("over lovens grænse på 250.00 kr.");
        verify(claims, never()).remind(any(), anyInt(), any(), any());
    }

    private DelegateExecution reminder(ChargeType type, LocalDate lastPayDate, String fee) {
        String id = "FBS-101-" + type + "-" + fee;
        Charge charge = mock(Charge.class);
        when(charge.fbsChargeId()).thenReturn(id);
        when(charge.type()).thenReturn(type);
        when(charge.lastPayDate()).thenReturn(lastPayDate);
        when(ledger.get(id)).thenReturn(charge);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn(id);
        when(execution.getVariable("reminderNo")).thenReturn(2);
        when(execution.getVariable("deadlineDays")).thenReturn(10);
        when(execution.getVariable("reminderFee")).thenReturn(fee);
        return execution;
    }
}
