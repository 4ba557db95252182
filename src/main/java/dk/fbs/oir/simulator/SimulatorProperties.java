package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
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
