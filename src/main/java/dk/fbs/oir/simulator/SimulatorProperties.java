package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each simulated debtor system behaves. Everything here can also be changed at run time
 * through {@link SimulatorControlController}, so a test or a demo can break one system on purpose.
 */
@ConfigurationProperties("simulator")
public class SimulatorProperties {

    private Map<DebtorSystem, Behaviour> systems = new EnumMap<>(DebtorSystem.class);

    /**
     * Where the simulator notifies the application of new events (push), e.g.
     * {@code http://localhost:${local.server.port}/api/v1/debtor-systems/{system}/notifications};
     * empty: no push, the application only pulls.
     */
    private String pushUrl = "";

    public String getPushUrl() {
        return pushUrl;
    }

    public void setPushUrl(String pushUrl) {
        this.pushUrl = pushUrl;
    }

    public Map<DebtorSystem, Behaviour> getSystems() {
        return systems;
    }

    public void setSystems(Map<DebtorSystem, Behaviour> systems) {
        this.systems = systems;
    }

    public Behaviour behaviour(DebtorSystem system) {
        return systems.computeIfAbsent(system, s -> new Behaviour());
    }

    public static class Behaviour {
        /** How long after a change the debtor system publishes the event. */
        private volatile Duration eventDelay = Duration.ZERO;
        /** Answer time of every SOAP call. */
        private volatile Duration answerDelay = Duration.ZERO;
        /** Extra answer time when the fault is SLOW. */
        private volatile Duration slowDelay = Duration.ofSeconds(30);
        /** Days from the invoice to its due date (and last day to pay on time). */
        private volatile int paymentDays = 14;

        private volatile Fault fault = Fault.NONE;
        /** Its own dunning (claims it dunns itself): how many reminders, days between them, the fee. */
        private volatile int reminders = 2;

        private volatile int reminderDays = 14;
        private volatile BigDecimal reminderFee = new BigDecimal("100.00");
        /** After the last reminder: a balance below this is written off instead of transferred to PSRM. */
        private volatile BigDecimal writeOffBelow = BigDecimal.ZERO;
        /** Days PSRM takes to report its outcome on a claim the debtor system transferred, and the outcome. */
        private volatile int collectionDays = 30;

        private volatile SimulatedPsrm.CollectionOutcome collectionOutcome = SimulatedPsrm.CollectionOutcome.COLLECTED;

        public int getReminders() {
            return reminders;
        }

        public void setReminders(int reminders) {
            this.reminders = reminders;
        }

        public int getReminderDays() {
            return reminderDays;
        }

        public void setReminderDays(int reminderDays) {
            this.reminderDays = reminderDays;
        }

        public BigDecimal getReminderFee() {
            return reminderFee;
        }

        public void setReminderFee(BigDecimal reminderFee) {
            this.reminderFee = reminderFee;
        }

        public BigDecimal getWriteOffBelow() {
            return writeOffBelow;
        }

        public void setWriteOffBelow(BigDecimal writeOffBelow) {
            this.writeOffBelow = writeOffBelow;
        }

        public int getCollectionDays() {
            return collectionDays;
        }

        public void setCollectionDays(int collectionDays) {
            this.collectionDays = collectionDays;
        }

        public SimulatedPsrm.CollectionOutcome getCollectionOutcome() {
            return collectionOutcome;
        }

        public void setCollectionOutcome(SimulatedPsrm.CollectionOutcome collectionOutcome) {
            this.collectionOutcome = collectionOutcome;
        }

        public Duration getEventDelay() {
            return eventDelay;
        }

        public void setEventDelay(Duration eventDelay) {
            this.eventDelay = eventDelay;
        }

        public Duration getAnswerDelay() {
            return answerDelay;
        }

        public void setAnswerDelay(Duration answerDelay) {
            this.answerDelay = answerDelay;
        }

        public Duration getSlowDelay() {
            return slowDelay;
        }

        public void setSlowDelay(Duration slowDelay) {
            this.slowDelay = slowDelay;
        }

        public int getPaymentDays() {
            return paymentDays;
        }

        public void setPaymentDays(int paymentDays) {
            this.paymentDays = paymentDays;
        }

        public Fault getFault() {
            return fault;
        }

        public void setFault(Fault fault) {
            this.fault = fault;
        }
    }

    /** Injectable faults. */
    public enum Fault {
        NONE,
        /** Every call answers with a technical SOAP fault (not a business rejection). */
        SOAP_FAULT,
        /** Every call answers after {@code slow-delay}, longer than the client's timeout. */
        SLOW,
        /** The endpoint is down: HTTP 503 without a SOAP body, a transport error for the client. */
        DOWN
    }
}
