package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.fbs.oir.charge.ChargeCommands.CancellationReason;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A command that meets another transaction's change of the same process is done again from the latest state. */
class ChargeCommandsTest {

    private static final String ID = "FBS-157-000001";

    private final ChargeLedger ledger = mock(ChargeLedger.class);
    private final ChargeMessages messages = mock(ChargeMessages.class);
    private final ChargeCommands commands =
            new ChargeCommands(ledger, messages, new TransactionTemplate(mock(PlatformTransactionManager.class)));

    @Test
    void aCancellationWhileADebtorSystemsEventEndsTheProcessIsRefusedAsTheEndSays() {
        Charge inCollection = charge(ChargeStatus.IN_COLLECTION);
        Charge collected = charge(ChargeStatus.COLLECTED);
        when(ledger.find(ID)).thenReturn(Optional.of(inCollection), Optional.of(collected));
        doThrow(new NullValueException("Cannot restore state of process instance x: list of executions is empty"))
                .when(messages)
                .deliver(eq(inCollection), eq(ChargeProcess.Message.CancellationRequested), any(), anyString());

        assertThatThrownBy(() -> commands.cancel(ID, CancellationReason.MATERIAL_RETURNED, null))
                .isInstanceOf(ChargeStateException.class)
                .hasMessageContaining("COLLECTED");
    }

    @Test
    void aDisputeThatMeetsAJobIsDeliveredOnTheNextAttempt() {
        Charge invoiced = charge(ChargeStatus.INVOICED);
        when(ledger.find(ID)).thenReturn(Optional.of(invoiced));
        when(ledger.get(ID)).thenReturn(invoiced);
        doThrow(new OptimisticLockingException("changed by a job"))
                .doNothing()
                .when(messages)
                .deliver(eq(invoiced), eq(ChargeProcess.Message.DisputeReceived), any(), anyString());

        assertThat(commands.dispute(ID, "Bogen blev afleveret")).isSameAs(invoiced);
        verify(messages, times(2)).deliver(eq(invoiced), eq(ChargeProcess.Message.DisputeReceived), any(), anyString());
    }

    @Test
    void givesUpAfterItsAttempts() {
        Charge invoiced = charge(ChargeStatus.INVOICED);
        when(ledger.find(ID)).thenReturn(Optional.of(invoiced));
        doThrow(new OptimisticLockingException("changed again"))
                .when(messages)
                .deliver(any(), any(), any(), anyString());

        assertThatThrownBy(() -> commands.dispute(ID, "x")).isInstanceOf(OptimisticLockingException.class);
        verify(messages, times(ChargeCommands.ATTEMPTS)).deliver(any(), any(), any(), anyString());
    }

    private static Charge charge(ChargeStatus status) {
        Charge charge = mock(Charge.class);
        when(charge.status()).thenReturn(status);
        return charge;
    }
}
