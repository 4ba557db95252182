package dk.fbs.oir.serviceplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresTestDatabase;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.charge.ChargeProcess;
import dk.fbs.oir.debtorsystem.OirProperties;
import dk.fbs.oir.serviceplatform.DemoPki.Issued;
import dk.fbs.oir.serviceplatform.DemoPki.Use;
import dk.fbs.oir.wsdl.debitor.AuthorityContextType;
import dk.fbs.oir.wsdl.debitor.CallContextType;
import dk.fbs.oir.wsdl.debitor.DebitorPortType;
import dk.fbs.oir.wsdl.debitor.DebitorType;
import dk.fbs.oir.wsdl.debitor.FordringsartType;
import dk.fbs.oir.wsdl.debitor.KontekstType;
import dk.fbs.oir.wsdl.debitor.OpretFordringAnmodning;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.xml.namespace.QName;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The profile {@code serviceplatformen} end to end: our client calls the simulated debtor systems
 * over mutual TLS with the municipality as authority, on their own HTTPS port; the simulated
 * Serviceplatformen refuses every call that lacks any of it with a SOAP fault and creates nothing,
 * and a refusal in a charge's flow becomes retries and an incident, never a lost or doubled claim.
 */
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serviceplatform.demo.port=0", "serviceplatform.demo.password=it-secret"})
@ActiveProfiles({"simulator", "test", "serviceplatformen"})
class ServiceplatformIT {

    private static final Path PKI =
            Path.of("target", "serviceplatform-it", UUID.randomUUID().toString());
    private static final char[] PASSWORD = "it-secret".toCharArray();
    private static final QName SERVICE = new QName("urn:fbs-oir:debitor:1:wsdl", "DebitorService");
    private static final QName PORT = new QName("urn:fbs-oir:debitor:1:wsdl", "DebitorPort");
    /** Esbjerg (561) and København's (101) CVR numbers in the municipality register. */
    private static final String ESBJERG_CVR = "29189803";

    private static final String KOEBENHAVN_CVR = "64942212";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("serviceplatform.demo.directory", PKI::toString);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    OirProperties oir;

    @Autowired
    CallerCertificateCheck callerCheck;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @LocalServerPort
    int mainPort;

    @Value("${" + DemoServiceplatformConfiguration.PORT_PROPERTY + "}")
    int securePort;

    private FbsClient fbs;

    @BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Test
    void chargesOfEveryDebtorSystemAreSubmittedOverMutualTlsWithTheMunicipalityAsAuthority() {
        List<String> ids = List.of("101", "621", "561", "173").stream()
                .map(m -> "FBS-" + m + "-" + UUID.randomUUID())
                .toList();
        ids.forEach(id -> assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, id.substring(4, 7)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED));

        for (String id : ids) {
            JsonNode charge = fbs.awaitStatus(id, "SUBMITTED", "INVOICED");
            assertThat(fbs.claim(id).get("claimId").asText())
                    .isEqualTo(charge.get("debtorSystemClaimId").asText());
        }
        assertThat(oir.getEndpoints().values())
                .allSatisfy(endpoint -> assertThat(endpoint.getUrl()).startsWith("https://"));
    }

    @Test
    void theSimulatedDebtorSystemsAnswerNoPlainCall() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpRequest onMainPort = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + mainPort + "/services/simulator/kmd-opus"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                .build();
        assertThat(plain.send(onMainPort, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);

        HttpRequest plainOnSecurePort = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + securePort + "/services/simulator/kmd-opus"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                .build();
        HttpResponse<String> answer = plain.send(plainOnSecurePort, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400); // Tomcat: this port requires TLS
    }

    @Test
    void theRightCertificateAndAuthorityCreateTheClaim_theHarnessCanSucceed() throws Exception {
        String id = "FBS-561-" + UUID.randomUUID();
        port(tls(functionCertificateStore())).opretFordring(request(id, "561", ESBJERG_CVR, true));
        assertThat(fbs.claims(id)).hasSize(1);
    }

    @Test
    void noClientCertificateIsRefused() {
        assertRefusedAndNothingCreated(tls(null), ESBJERG_CVR, true, "no client certificate");
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused() throws Exception {
        Instant now = Instant.now();
        Issued otherCa = DemoPki.authority("Another CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        Issued stranger = DemoPki.issue(
                otherCa,
                "FBS debitorintegration",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)),
                Use.CLIENT);
        assertRefusedAndNothingCreated(tls(keyStore("stranger.p12", stranger)), ESBJERG_CVR, true, "not trusted");
    }

    @Test
    void anExpiredCertificateOfTheRightAuthorityIsRefused() throws Exception {
        Issued ca = testCa();
        Instant now = Instant.now();
        Issued expired = DemoPki.issue(
                ca,
                "FBS debitorintegration",
                now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(35)),
                Use.CLIENT);
        assertRefusedAndNothingCreated(tls(keyStore("expired.p12", expired)), ESBJERG_CVR, true, "not trusted");
    }

    @Test
    void aRequestWithoutAuthorityContextIsRefused() throws Exception {
        assertRefusedAndNothingCreated(tls(functionCertificateStore()), ESBJERG_CVR, false, "no AuthorityContext");
    }

    @Test
    void anAuthorityThatIsNotTheRequestsMunicipalityIsRefused() throws Exception {
        assertRefusedAndNothingCreated(
                tls(functionCertificateStore()), KOEBENHAVN_CVR, true, "is not the municipality 561");
    }

    /**
     * KOMBIT revokes our certificate: the submission is refused, retried (the test profile's R2/PT1S)
     * and becomes an incident on "Opret fordring"; with the certificate back, the operator's retry
     * creates exactly one claim.
     */
    @Test
    void aRefusedCallBecomesAnIncident_retriedItCreatesExactlyOneClaim() throws Exception {
        X509Certificate ours =
                KeyMaterial.read(oir.getKeyStore(), oir.getTrustStore()).certificate();
        String id = "FBS-561-" + UUID.randomUUID();
        callerCheck.revoke(ours);
        try {
            assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, "561")).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            Incident incident = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> incident(id), found -> found != null);
            assertThat(incident.getActivityId()).isEqualTo(ChargeProcess.Element.Task_SubmitClaim.name());
            assertThat(fbs.charge(id).get("status").asText()).isEqualTo("RECEIVED");
            assertThat(fbs.claims(id)).isEmpty();

            callerCheck.restore(ours);
            managementService.setJobRetries(incident.getConfiguration(), 1);
            fbs.awaitStatus(id, "SUBMITTED", "INVOICED");
            assertThat(fbs.claims(id)).hasSize(1);
        } finally {
            callerCheck.restore(ours);
        }
    }

    @Test
    void theOperatorsConnectionCheckCallsEachEndpointOnce_andShowsARefusal() throws Exception {
        TestRestTemplate operator = http.withBasicAuth("operator", "operator");
        JsonNode results =
                FbsClient.read(operator.postForObject("/api/v1/operator/connection-checks", null, String.class));
        assertThat(results).hasSize(4).allSatisfy(result -> {
            assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("OK");
            assertThat(result.get("security").asText()).isEqualTo("AUTHORITY_CONTEXT");
        });

        X509Certificate ours =
                KeyMaterial.read(oir.getKeyStore(), oir.getTrustStore()).certificate();
        callerCheck.revoke(ours);
        try {
            results = FbsClient.read(operator.postForObject("/api/v1/operator/connection-checks", null, String.class));
            assertThat(results).allSatisfy(result -> {
                assertThat(result.get("outcome").asText()).isEqualTo("FAILED");
                assertThat(result.get("error").asText()).contains("the client certificate is revoked");
            });
        } finally {
            callerCheck.restore(ours);
        }
    }

    @Test
    void healthShowsEachSecuredEndpointsFunctionCertificate() {
        JsonNode health = FbsClient.read(http.getForObject("/actuator/health", String.class));
        JsonNode serviceplatform = health.at("/components/serviceplatform");
        assertThat(serviceplatform.get("status").asText()).isEqualTo("UP");
        assertThat(serviceplatform.at("/details/endpoints/kmd-opus/security").asText())
                .isEqualTo("AUTHORITY_CONTEXT");
        assertThat(serviceplatform.at("/details/endpoints/prisme-2009/daysLeft").asLong())
                .isBetween(700L, 731L);
        assertThat(health.toString()).doesNotContain("it-secret");
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefusedAndNothingCreated(TLSClientParameters tls, String cvr, boolean withContext, String why) {
        String id = "FBS-561-" + UUID.randomUUID();
        assertThatThrownBy(() -> port(tls).opretFordring(request(id, "561", cvr, withContext)))
                .isInstanceOf(SOAPFaultException.class)
                .hasMessageContaining("Serviceplatformen afviser kaldet")
                .hasMessageContaining(why);
        assertThat(fbs.claims(id)).isEmpty();
    }

    private DebitorPortType port(TLSClientParameters tls) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DebitorPortType.class);
        factory.setWsdlURL(getClass().getResource("/wsdl/oir-debitor.wsdl").toString());
        factory.setServiceName(SERVICE);
        factory.setEndpointName(PORT);
        factory.setAddress("https://localhost:" + securePort + "/services/simulator/prisme-2009");
        DebitorPortType port = (DebitorPortType) factory.create();
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(tls);
        return port;
    }

    /**
     * TLS trusting the demo CA, with the key store's certificate as client certificate (none: null),
     * presented whatever issuers the server asks for, as a caller with a foreign certificate would.
     */
    private TLSClientParameters tls(OirProperties.Store keyStore) {
        KeyMaterial trust = KeyMaterial.read(oir.getKeyStore(), oir.getTrustStore());
        TLSClientParameters tls = new TLSClientParameters();
        tls.setTrustManagers(trust.trustManagers());
        if (keyStore != null) {
            tls.setKeyManagers(new KeyManager[] {
                presenting((X509KeyManager)
                        KeyMaterial.read(keyStore, oir.getTrustStore()).keyManagers()[0])
            });
        }
        return tls;
    }

    private static X509ExtendedKeyManager presenting(X509KeyManager keys) {
        String alias = keys.getClientAliases("RSA", null)[0];
        return new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {alias};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return alias;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return alias;
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String name) {
                return keys.getCertificateChain(name);
            }

            @Override
            public PrivateKey getPrivateKey(String name) {
                return keys.getPrivateKey(name);
            }
        };
    }

    private OirProperties.Store functionCertificateStore() {
        return oir.getKeyStore();
    }

    private static OirProperties.Store keyStore(String name, Issued entry) {
        Path file = PKI.resolve(name);
        DemoPki.writeKeyStore(file, PASSWORD, "client", entry);
        OirProperties.Store store = new OirProperties.Store();
        store.setPath(file.toString());
        store.setPassword(new String(PASSWORD));
        return store;
    }

    /** The demo's own test CA, read back from the file made at start. */
    private static Issued testCa() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(PKI.resolve(DemoKeyStores.AUTHORITY))) {
            store.load(in, PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("test-ca");
        PrivateKey key = (PrivateKey) store.getKey("test-ca", PASSWORD);
        return new Issued(new KeyPair(certificate.getPublicKey(), key), certificate, certificate);
    }

    private static OpretFordringAnmodning request(String id, String municipality, String cvr, boolean withContext) {
        KontekstType kontekst = new KontekstType();
        kontekst.setKommunekode(municipality);
        kontekst.setIdempotensReference(id + "/opret/1");
        if (withContext) {
            AuthorityContextType authority = new AuthorityContextType();
            authority.setMunicipalityCVR(cvr);
            kontekst.setAuthorityContext(authority);
            CallContextType call = new CallContextType();
            call.setCallersServiceCallIdentifier(id);
            kontekst.setCallContext(call);
        }
        OpretFordringAnmodning in = new OpretFordringAnmodning();
        in.setKontekst(kontekst);
        in.setFagsystemFordringId(id);
        DebitorType debtor = new DebitorType();
        debtor.setCprNummer(TestCharges.CPR);
        debtor.setNavn("Jens Hansen");
        in.setDebitor(debtor);
        in.setFordringsart(FordringsartType.GEBYR);
        in.setHovedstol(new BigDecimal("125.00"));
        in.setBeskrivelse("Overskredet lånetid");
        in.setStiftelsesdato(LocalDate.of(2026, 11, 20));
        return in;
    }

    private Incident incident(String id) {
        var instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult();
        return instance == null
                ? null
                : runtimeService
                        .createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .singleResult();
    }
}
