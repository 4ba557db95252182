package dk.fbs.oir.oir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OirGatewayTest {

  @Test
  void aReasonLongerThanOirsTextTypeIsCutToItsLengthNotRefused() {
    String note = "Annulleret af FBS: Afleveret i bogboksen (" + "x".repeat(500) + ")";

    assertThat(OirGateway.reasonText(note)).hasSize(500).startsWith("Annulleret af FBS: Afleveret").endsWith("…");
    assertThat(OirGateway.reasonText("Afleveret")).isEqualTo("Afleveret");
  }
}
