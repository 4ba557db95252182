package dk.fbs.oir.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The simulated debtor systems' clock and dunning behaviour for integration tests: let days pass,
 * change a personality for one test, and give everything back afterwards.
 */
public final class SimulatorTestControls {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        @Bean
        SimulatorTestControls simulatorTestControls(
                SimulatorClock clock,
                SimulatedDunning dunning,
                SimulatorProperties properties,
                SimulatorStore store,
                SimulatorPush push) {
            return new SimulatorTestControls(clock, dunning, properties, store, push);
        }
    }

    private record Dunning(int reminders, BigDecimal writeOffBelow, Duration eventDelay) {}

    private final SimulatorClock clock;
    private final SimulatedDunning dunning;
    private final SimulatorProperties properties;
    private final SimulatorStore store;
    private final SimulatorPush push;
    private final Map<DebtorSystem, Dunning> configured = new EnumMap<>(DebtorSystem.class);

    SimulatorTestControls(
            SimulatorClock clock,
            SimulatedDunning dunning,
            SimulatorProperties properties,
            SimulatorStore store,
            SimulatorPush push) {
        this.push = push;
        this.clock = clock;
        this.dunning = dunning;
        this.properties = properties;
        this.store = store;
        for (DebtorSystem system : DebtorSystem.values()) {
            SimulatorProperties.Behaviour b = properties.behaviour(system);
            configured.put(system, new Dunning(b.getReminders(), b.getWriteOffBelow(), b.getEventDelay()));
        }
    }

    /** Days pass, one at a time, with the debtor systems' nightly dunning. */
    public void advanceDays(int days) {
        dunning.passDays(days);
    }

    /** Days pass until the day after the charge's last day to pay. */
    public void advancePastDeadline(JsonNode charge) {
        LocalDate lastPayDate = LocalDate.parse(charge.get("lastPayDate").asText());
        advanceDays((int)
                Math.max(1, lastPayDate.toEpochDay() - LocalDate.now(clock).toEpochDay() + 1));
    }

    public void atLeastTwoReminders(DebtorSystem system) {
        SimulatorProperties.Behaviour b = properties.behaviour(system);
        b.setReminders(Math.max(2, b.getReminders()));
    }

    public void writeOffEverything(DebtorSystem system) {
        properties.behaviour(system).setWriteOffBelow(new BigDecimal("1000000.00"));
    }

    /** The debtor system's events are published this long after they happened. */
    public void delayEvents(DebtorSystem system, Duration delay) {
        properties.behaviour(system).setEventDelay(delay);
    }

    /** The debtor system goes on, but its events are not published for a year. */
    public void stopPublishing(DebtorSystem system) {
        properties.behaviour(system).setEventDelay(Duration.ofDays(365));
    }

    /** The debtor system publishes again, and what it held back is published now. */
    public void publishEverything(DebtorSystem system) {
        properties.behaviour(system).setEventDelay(configured.get(system).eventDelay());
        List<String> municipalities = store.jdbc.queryForList(
                "select distinct municipality_code from sim_event where debtor_system = ? and visible_at > occurred_at",
                String.class,
                system.name());
        store.jdbc.update(
                "update sim_event set visible_at = occurred_at where debtor_system = ? and visible_at > occurred_at",
                system.name());
        municipalities.forEach(municipality -> push.published(system, municipality));
    }

    /** Every event the debtor system made for a charge, published or not, in its order. */
    public List<DebtorEvent> eventsOf(String fbsChargeId) {
        return store.jdbc.query(
                "select * from sim_event where fbs_charge_id = ? order by seq",
                (rs, i) -> new DebtorEvent(
                        rs.getLong("seq"),
                        EventKind.ofOirName(rs.getString("kind")),
                        rs.getString("claim_id"),
                        rs.getString("fbs_charge_id"),
                        rs.getString("municipality_code"),
                        rs.getObject("amount_ore") == null ? null : Money.ofOre(rs.getLong("amount_ore")),
                        Money.ofOre(rs.getLong("balance_ore")),
                        ClaimStatus.ofOirName(rs.getString("state")),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getObject("last_pay_date", LocalDate.class),
                        rs.getObject("reminder_no", Integer.class),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("text")),
                fbsChargeId);
    }

    /** The simulator's time now. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Back to the configured behaviour and the application's clock. */
    public void reset() {
        clock.reset();
        configured.forEach((system, d) -> {
            SimulatorProperties.Behaviour b = properties.behaviour(system);
            b.setReminders(d.reminders());
            b.setWriteOffBelow(d.writeOffBelow());
            b.setEventDelay(d.eventDelay());
        });
    }
}
