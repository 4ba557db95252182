package dk.fbs.oir.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
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
    SimulatorTestControls simulatorTestControls(SimulatorClock clock, SimulatedDunning dunning,
        SimulatorProperties properties, SimulatorStore store) {
      return new SimulatorTestControls(clock, dunning, properties, store);
    }
  }

  private record Dunning(int reminders, BigDecimal writeOffBelow, Duration eventDelay) {}

  private final SimulatorClock clock;
  private final SimulatedDunning dunning;
  private final SimulatorProperties properties;
  private final SimulatorStore store;
  private final Map<DebtorSystem, Dunning> configured = new EnumMap<>(DebtorSystem.class);

  SimulatorTestControls(SimulatorClock clock, SimulatedDunning dunning, SimulatorProperties properties,
      SimulatorStore store) {
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
    for (int day = 0; day < days; day++) {
      clock.advanceDays(1);
      dunning.run();
    }
  }

  /** Days pass until the day after the charge's last day to pay. */
  public void advancePastDeadline(JsonNode charge) {
    LocalDate lastPayDate = LocalDate.parse(charge.get("lastPayDate").asText());
    advanceDays((int) Math.max(1, lastPayDate.toEpochDay() - LocalDate.now(clock).toEpochDay() + 1));
  }

  public void atLeastTwoReminders(DebtorSystem system) {
    SimulatorProperties.Behaviour b = properties.behaviour(system);
    b.setReminders(Math.max(2, b.getReminders()));
  }

  public void writeOffEverything(DebtorSystem system) {
    properties.behaviour(system).setWriteOffBelow(new BigDecimal("1000000.00"));
  }

  /** The debtor system goes on, but its events are not published for a year. */
  public void stopPublishing(DebtorSystem system) {
    properties.behaviour(system).setEventDelay(Duration.ofDays(365));
  }

  /** Events the simulator made at or after a moment (of its own clock). */
  public long eventsSince(OffsetDateTime since) {
    return store.jdbc.queryForObject("select count(*) from sim_event where occurred_at >= ? and visible_at <= ?",
        Long.class, since, OffsetDateTime.now(clock));
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
