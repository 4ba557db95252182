package dk.fbs.oir.debtorsystem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ØiR endpoint of each debtor system. In production every URL comes from the environment,
 * e.g. {@code OIR_ENDPOINTS_KMDOPUS_URL}; with the simulator they point to its local endpoints.
 */
@ConfigurationProperties("oir.endpoints")
public class OirProperties {

  private Endpoint kmdOpus = new Endpoint();
  private Endpoint prisme2015 = new Endpoint();
  private Endpoint prisme2009 = new Endpoint();
  private Endpoint egOsIndsigt = new Endpoint();

  public Endpoint endpoint(DebtorSystem system) {
    return switch (system) {
      case KMD_OPUS -> kmdOpus;
      case PRISME_2015 -> prisme2015;
      case PRISME_2009 -> prisme2009;
      case EG_OS_INDSIGT -> egOsIndsigt;
    };
  }

  public Endpoint getKmdOpus() {
    return kmdOpus;
  }

  public void setKmdOpus(Endpoint kmdOpus) {
    this.kmdOpus = kmdOpus;
  }

  public Endpoint getPrisme2015() {
    return prisme2015;
  }

  public void setPrisme2015(Endpoint prisme2015) {
    this.prisme2015 = prisme2015;
  }

  public Endpoint getPrisme2009() {
    return prisme2009;
  }

  public void setPrisme2009(Endpoint prisme2009) {
    this.prisme2009 = prisme2009;
  }

  public Endpoint getEgOsIndsigt() {
    return egOsIndsigt;
  }

  public void setEgOsIndsigt(Endpoint egOsIndsigt) {
    this.egOsIndsigt = egOsIndsigt;
  }

  public static class Endpoint {
    /** May contain {@code ${local.server.port}}: resolved when the first call is made. */
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
