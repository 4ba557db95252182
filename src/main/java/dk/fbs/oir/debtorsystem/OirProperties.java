package dk.fbs.oir.debtorsystem;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ØiR endpoint of each debtor system, keyed by the system ({@code oir.endpoints.kmd-opus.url});
 * in production every URL comes from the environment, e.g. {@code OIR_ENDPOINTS_KMDOPUS_URL}. With
 * the simulator they point to its local endpoints.
 */
@ConfigurationProperties("oir")
public class OirProperties {

  private Map<DebtorSystem, Endpoint> endpoints = new EnumMap<>(DebtorSystem.class);

  public Map<DebtorSystem, Endpoint> getEndpoints() {
    return endpoints;
  }

  public void setEndpoints(Map<DebtorSystem, Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  /** The system's endpoint; one without configuration has no URL and the default timeouts. */
  public Endpoint endpoint(DebtorSystem system) {
    return endpoints.getOrDefault(system, new Endpoint());
  }

  public static class Endpoint {
    /** May contain {@code ${local.server.port}}: resolved when the client is built. */
    private String url;
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration receiveTimeout = Duration.ofSeconds(15);

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getReceiveTimeout() {
      return receiveTimeout;
    }

    public void setReceiveTimeout(Duration receiveTimeout) {
      this.receiveTimeout = receiveTimeout;
    }
  }
}
