package dk.fbs.oir.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fbs.oir.TestCharges;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.ClaimSubmission.ClaimKind;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.debtorsystem.OirRejection;
import dk.fbs.oir.simulator.SimulatorProperties.Fault;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Generated CXF client → real SOAP over HTTP → the simulator's four personalities, and back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class SimulatorSoapRoundTripTest {

    @Autowired
    OirGateway oir;

    @Autowired
    SimulatorProperties simulator;

    @AfterEach
    void healAllSystems() {
        for (DebtorSystem system : DebtorSystem.values()) {
            simulator.behaviour(system).setFault(Fault.NONE);
        }
    }

    @ParameterizedTest(name = "{0} numbers its claims like {1}")
    @CsvSource({
        "KMD_OPUS,      101, 'OP101-\\d{8}',        true",
        "PRISME_2015,   621, 'P15/\\d{4}/\\d{6}',   true",
        "PRISME_2009,   561, '9\\d{8}',             false",
        "EG_OS_INDSIGT, 173, 'EG-173-[0-9A-F]{8}',  false"
    })
    void eachSystemCreatesClaimsInItsOwnFormatAndInvoicesThem(
            DebtorSystem system, String municipality, String claimIdPattern, boolean paymentSolution) {
        String chargeId = "RT-" + UUID.randomUUID();
        ClaimState created = oir.submitClaim(
                system, submission(chargeId, municipality, TestCharges.CPR), new IdempotencyRef(chargeId + "/opret/1"));

        assertThat(created.claimId()).matches(claimIdPattern);
        assertThat(created.fbsChargeId()).isEqualTo(chargeId);
        assertThat(created.state()).isEqualTo(ClaimStatus.REGISTERED);
        assertThat(created.balance()).isEqualTo(Money.ofOre(12500));

        ClaimState fetched =
                oir.getClaim(system, municipality, created.claimId(), new IdempotencyRef(chargeId + "/hent/1"));
        assertThat(fetched.state()).isEqualTo(ClaimStatus.INVOICED);
        assertThat(fetched.dueDate()).isAfter(LocalDate.now());
        assertThat(fetched.paymentReference() != null).isEqualTo(paymentSolution);
        assertThat(fetched.balance()).isEqualTo(Money.ofOre(12500));
    }

    @Test
    void aRepeatedIdempotencyReferenceIsTheSameRequest() {
        String chargeId = "RT-" + UUID.randomUUID();
        ClaimSubmission claim = submission(chargeId, "101", TestCharges.CPR);
        ClaimState first = oir.submitClaim(DebtorSystem.KMD_OPUS, claim, new IdempotencyRef(chargeId + "/opret/1"));
        ClaimState again = oir.submitClaim(DebtorSystem.KMD_OPUS, claim, new IdempotencyRef(chargeId + "/opret/1"));

        assertThat(again.claimId()).isEqualTo(first.claimId());
        assertThat(oir.searchDebtor(
                        DebtorSystem.KMD_OPUS, "101", TestCharges.CPR, true, new IdempotencyRef(chargeId + "/soeg/1")))
                .filteredOn(c -> c.fbsChargeId().equals(chargeId))
                .hasSize(1);
    }

    @Test
    void anUnknownDebtorIsABusinessRejection() {
        String chargeId = "RT-" + UUID.randomUUID();
        assertThatThrownBy(() -> oir.submitClaim(
                        DebtorSystem.PRISME_2009,
                        submission(chargeId, "561", TestCharges.UNKNOWN_DEBTOR_CPR),
                        new IdempotencyRef(chargeId + "/opret/1")))
                .isInstanceOf(OirRejection.class)
                .satisfies(e -> assertThat(((OirRejection) e).code()).isEqualTo("UKENDT_DEBITOR"));
    }

    @Test
    void aClaimOfAnotherMunicipalityIsUnknown() {
        String chargeId = "RT-" + UUID.randomUUID();
        ClaimState claim = oir.submitClaim(
                DebtorSystem.KMD_OPUS, submission(chargeId, "101", TestCharges.CPR), new IdempotencyRef(chargeId));
        assertThatThrownBy(() -> oir.getClaim(
                        DebtorSystem.KMD_OPUS, "147", claim.claimId(), new IdempotencyRef(chargeId + "/hent")))
                .isInstanceOfSatisfying(
                        OirRejection.class, e -> assertThat(e.code()).isEqualTo("UKENDT_FORDRING"));
    }

    @Test
    void injectedTechnicalFaultsAreNotBusinessRejections() {
        String chargeId = "RT-" + UUID.randomUUID();
        ClaimSubmission claim = submission(chargeId, "621", TestCharges.CPR);

        simulator.behaviour(DebtorSystem.PRISME_2015).setFault(Fault.SOAP_FAULT);
        assertThatThrownBy(() -> oir.submitClaim(DebtorSystem.PRISME_2015, claim, new IdempotencyRef(chargeId)))
                .isInstanceOf(SOAPFaultException.class)
                .isNotInstanceOf(OirRejection.class);

        simulator.behaviour(DebtorSystem.PRISME_2015).setFault(Fault.DOWN);
        assertThatThrownBy(() -> oir.submitClaim(DebtorSystem.PRISME_2015, claim, new IdempotencyRef(chargeId)))
                .isInstanceOf(WebServiceException.class)
                .hasStackTraceContaining("503: Service Unavailable");

        // the other systems are not affected, and the failed calls left nothing behind
        simulator.behaviour(DebtorSystem.PRISME_2015).setFault(Fault.NONE);
        assertThat(oir.submitClaim(DebtorSystem.PRISME_2015, claim, new IdempotencyRef(chargeId))
                        .claimId())
                .startsWith("P15/");
    }

    private static ClaimSubmission submission(String chargeId, String municipality, String cpr) {
        return new ClaimSubmission(
                municipality,
                chargeId,
                cpr,
                "Jens Hansen",
                ClaimKind.GEBYR,
                Money.ofOre(12500),
                "Overskredet lånetid",
                LocalDate.of(2026, 11, 20),
                null,
                null,
                DunningMode.FBS_LED);
    }
}
