package dk.fbs.oir.onboarding;

import static dk.fbs.oir.onboarding.OnboardingProcess.DEBTOR_SYSTEM;
import static dk.fbs.oir.onboarding.OnboardingProcess.MUNICIPALITY_CODE;
import static dk.fbs.oir.onboarding.OnboardingProcess.VENDOR_TEST_ATTEMPT;
import static dk.fbs.oir.onboarding.OnboardingProcess.VENDOR_TEST_PASSED;
import static dk.fbs.oir.onboarding.OnboardingProcess.VENDOR_TEST_RESULT;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.debtorsystem.OirRejection;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Test med leverandør": the connection test through our real ØiR client, the one place onboarding
 * calls {@link OirGateway}. It creates a test claim of 1.00 kr. for the municipality, reads it back
 * and credits it in full; every call carries an idempotency reference of the attempt, so a retried
 * job repeats the same calls. A rejection or a technical failure is the test's result, not an
 * incident: the project leader gets the task to correct the connection and test again.
 */
@Component("vendorConnectionTest")
public class VendorConnectionTest implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(VendorConnectionTest.class);
    private static final Money AMOUNT = Money.ofOre(100);
    private static final int MAX_RESULT = 500;

    private final OirGateway oir;
    private final Onboardings onboardings;
    private final Clock clock;
    /**
     * The test person's CPR number in the debtor system's test environment
     * ({@code ONBOARDING_VENDORTEST_CPR}; never logged). Unset, every test fails and says so.
     */
    private final String testCpr;

    public VendorConnectionTest(
            OirGateway oir,
            Onboardings onboardings,
            Clock clock,
            @Value("${onboarding.vendor-test.cpr:}") String testCpr) {
        this.oir = oir;
        this.onboardings = onboardings;
        this.clock = clock;
        this.testCpr = testCpr;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String municipality = MUNICIPALITY_CODE.get(execution);
        DebtorSystem system = DebtorSystem.valueOf(DEBTOR_SYSTEM.get(execution));
        int attempt = VENDOR_TEST_ATTEMPT.get(execution) + 1;
        String result;
        boolean passed = false;
        try {
            result = run(system, municipality, attempt);
            passed = true;
        } catch (TestFailed failed) {
            result = "Testen fejlede: " + failed.getMessage();
        } catch (OirRejection rejection) {
            result = system.displayName() + " afviste testen: " + rejection.getMessage();
        } catch (RuntimeException failure) {
            result = "Ingen forbindelse til " + system.displayName() + ": "
                    + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        }
        result = result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT) : result;
        log.info(
                "Connection test {} of municipality {} with {}: {}",
                attempt,
                municipality,
                system,
                passed ? "passed" : "failed");
        onboardings.vendorTested(municipality, attempt, passed, result);
        VENDOR_TEST_ATTEMPT.set(execution, attempt);
        VENDOR_TEST_PASSED.set(execution, passed);
        VENDOR_TEST_RESULT.set(execution, result);
    }

    /** Create, read back, credit; answers what was done, or throws what went wrong. */
    private String run(DebtorSystem system, String municipality, int attempt) {
        if (testCpr.isBlank()) {
            throw new TestFailed("testpersonens CPR-nummer (onboarding.vendor-test.cpr) er ikke sat");
        }
        String chargeId = "FBS-" + municipality + "-FORBINDELSESTEST-" + attempt;
        ClaimState created = oir.submitClaim(
                system,
                new ClaimSubmission(
                        municipality,
                        chargeId,
                        testCpr,
                        "Forbindelsestest FBS",
                        ClaimSubmission.ClaimKind.GEBYR,
                        AMOUNT,
                        "Forbindelsestest – krediteres straks",
                        LocalDate.now(clock),
                        null,
                        null,
                        DunningMode.FBS_LED),
                IdempotencyRef.vendorTest(municipality, attempt, "opret"));
        ClaimState read = oir.getClaim(
                system, municipality, created.claimId(), IdempotencyRef.vendorTest(municipality, attempt, "hent"));
        if (!created.claimId().equals(read.claimId()) || !read.principal().equals(AMOUNT)) {
            throw new TestFailed("testfordringen " + created.claimId() + " blev læst som " + read.claimId() + " på "
                    + read.principal() + " kr.");
        }
        ClaimState credited = oir.credit(
                system,
                municipality,
                created.claimId(),
                AMOUNT,
                "Forbindelsestest",
                IdempotencyRef.vendorTest(municipality, attempt, "krediter"));
        if (credited.balance().signum() != 0) {
            throw new TestFailed("testfordringen " + created.claimId() + " har saldo " + credited.balance()
                    + " kr. efter kreditering");
        }
        return "Bestået: testfordring " + created.claimId() + " oprettet, læst og krediteret i " + system.displayName();
    }

    /** The debtor system answered, but not as it should. */
    private static final class TestFailed extends RuntimeException {
        TestFailed(String message) {
            super(message);
        }
    }
}
