package dk.fbs.oir.returnchannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.wsdl.daekning.AfvisningFault;
import dk.fbs.oir.wsdl.daekning.BeskedKontekstType;
import dk.fbs.oir.wsdl.daekning.DaekningAfskrivningPortType;
import dk.fbs.oir.wsdl.daekning.FordringTilstandType;
import dk.fbs.oir.wsdl.daekning.FordringsbevaegelseType;
import dk.fbs.oir.wsdl.daekning.PosteringType;
import dk.fbs.oir.wsdl.daekning.RegistrerDaekningAnmodning;
import jakarta.xml.ws.WebServiceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The return channel as a debtor system calls it, through a CXF client of our WSDL: payments
 * applied exactly once by the same code as Beskedfordeler's messages (this class shares
 * {@code BeskedfordelerIT}'s application, so a charge's own events come over AMQP).
 */
@PostgresIntegrationTest(
        properties = {
            "spring.profiles.include=beskedfordeler",
            "debtor-sync.cycle=R/P1D",
            "simulator.push-url=",
            "beskedfordeler.exchange=fbs-it-${random.uuid}",
            "beskedfordeler.queue=fbs-it-${random.uuid}",
            "beskedfordeler.queue-expiry=PT10M"
        })
class ReturnChannelIT {

    private static final AtomicLong SEQ =
            new AtomicLong(3_000_000_000L + (System.currentTimeMillis() % 1_000_000) * 1_000);

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    private FbsClient fbs;

    @BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Test
    void aCoveringPaymentClosesTheChargeOnceHoweverOftenItIsSent() throws Exception {
        String id = invoiced("101");
        String claim = fbs.charge(id).get("debtorSystemClaimId").asText();
        DaekningAfskrivningPortType debtorSystem = client("debtor", "debtor");
        RegistrerDaekningAnmodning payment = payment(claim, id, SEQ.incrementAndGet(), "125.00", "100.00", "25.00");

        assertThat(debtorSystem.registrerDaekning(payment).getKvittering().getStatus())
                .isEqualTo("MODTAGET");
        assertThat(debtorSystem.registrerDaekning(payment).getKvittering().getStatus())
                .isEqualTo("ALLEREDE_MODTAGET");
        payment.getKontekst().setBeskedId(UUID.randomUUID().toString()); // the same event in another message
        assertThat(debtorSystem.registrerDaekning(payment).getKvittering().getStatus())
                .isEqualTo("MODTAGET");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "PAID".equals(fbs.charge(id).get("status").asText()));
        assertThat(fbs.charge(id).get("timeline").findValuesAsText("text"))
                .filteredOn(t -> t.startsWith("Indbetaling 125.00 kr."))
                .hasSize(1);
    }

    @Test
    void aPaymentForAClaimWeDoNotKnowIsParked() throws Exception {
        RegistrerDaekningAnmodning payment =
                payment("OP101-UNKNOWN", "FBS-101-" + UUID.randomUUID(), SEQ.incrementAndGet(), "10.00", "10.00");
        assertThat(client("debtor", "debtor")
                        .registrerDaekning(payment)
                        .getKvittering()
                        .getStatus())
                .isEqualTo("PARKERET");
        assertThat(FbsClient.read(http.withBasicAuth("operator", "operator")
                                .getForObject("/api/v1/debtor-systems/parked-events", String.class))
                        .findValuesAsText("messageId"))
                .contains(payment.getKontekst().getBeskedId());
    }

    @Test
    void postingsThatDoNotAddUpToTheAmountAreRejected() {
        RegistrerDaekningAnmodning payment =
                payment("OP101-X", "FBS-101-X", SEQ.incrementAndGet(), "10.00", "4.00", "5.00");
        assertThatThrownBy(() -> client("debtor", "debtor").registrerDaekning(payment))
                .isInstanceOfSatisfying(
                        AfvisningFault.class,
                        fault -> assertThat(fault.getFaultInfo().getFejlkode()).isEqualTo("UGYLDIGE_DATA"));
    }

    @Test
    void onlyADebtorSystemMayCallIt() {
        RegistrerDaekningAnmodning payment = payment("OP101-X", "FBS-101-X", SEQ.incrementAndGet(), "10.00", "10.00");
        assertThatThrownBy(() -> client("fbs", "fbs").registrerDaekning(payment))
                .isInstanceOf(WebServiceException.class)
                .hasStackTraceContaining("403");
        assertThatThrownBy(() -> client(null, null).registrerDaekning(payment))
                .isInstanceOf(WebServiceException.class)
                .hasStackTraceContaining("401");
    }

    // ------------------------------------------------------------------

    private DaekningAfskrivningPortType client(String user, String password) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DaekningAfskrivningPortType.class);
        factory.setAddress("http://localhost:" + port + "/services" + ReturnChannelConfiguration.PATH);
        factory.setUsername(user);
        factory.setPassword(password);
        return factory.create(DaekningAfskrivningPortType.class);
    }

    /** A payment covering the claim, with the balance after it, made of the postings' amounts. */
    private static RegistrerDaekningAnmodning payment(
            String claimId, String fbsChargeId, long seq, String amount, String... postings) {
        BeskedKontekstType context = new BeskedKontekstType();
        context.setBeskedId(UUID.randomUUID().toString());
        context.setDebitorsystem("KMD_OPUS");
        context.setKommunekode("101");
        context.setAfsendt(OffsetDateTime.now());
        FordringsbevaegelseType change = new FordringsbevaegelseType();
        change.setFordringId(claimId);
        change.setFagsystemFordringId(fbsChargeId);
        change.setLoebenummer(BigInteger.valueOf(seq));
        change.setBeloeb(new BigDecimal(amount));
        change.setSaldo(
                new BigDecimal("125.00").subtract(new BigDecimal(amount)).max(BigDecimal.ZERO));
        change.setTilstand(
                change.getSaldo().signum() == 0 ? FordringTilstandType.BETALT : FordringTilstandType.OPKRAEVET);
        change.setTidspunkt(OffsetDateTime.now());
        for (int i = 0; i < postings.length; i++) {
            PosteringType posting = new PosteringType();
            posting.setPosteringId(claimId + "/" + seq + "/" + i);
            posting.setPosteringsart("INDBETALING");
            posting.setBeloeb(new BigDecimal(postings[i]));
            posting.setDato(LocalDate.now());
            change.getPostering().add(posting);
        }
        RegistrerDaekningAnmodning in = new RegistrerDaekningAnmodning();
        in.setKontekst(context);
        in.setDaekning(change);
        return in;
    }

    private String invoiced(String municipality) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "INVOICED".equals(fbs.charge(id).get("status").asText()));
        return id;
    }
}
