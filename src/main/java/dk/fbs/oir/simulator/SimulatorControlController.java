package dk.fbs.oir.simulator;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test and demo controls of the simulator: break a debtor system on purpose, change its delays,
 * and look into its ledger. Only in profile {@code simulator}.
 */
@RestController
@RequestMapping("/simulator/api")
@Profile("simulator")
class SimulatorControlController {

    private final SimulatorProperties properties;
    private final SimulatorLedger ledger;
    private final SimulatorStore store;
    private final SimulatedPsrm psrm;
    private final SimulatorTampering tampering;

    SimulatorControlController(
            SimulatorProperties properties,
            SimulatorLedger ledger,
            SimulatorStore store,
            SimulatedPsrm psrm,
            SimulatorTampering tampering) {
        this.properties = properties;
        this.ledger = ledger;
        this.store = store;
        this.psrm = psrm;
        this.tampering = tampering;
    }

    record BehaviourView(
            DebtorSystem system,
            SimulatorProperties.Fault fault,
            Duration eventDelay,
            Duration answerDelay,
            int paymentDays) {}

    record BehaviourChange(
            SimulatorProperties.Fault fault, Duration eventDelay, Duration answerDelay, Integer paymentDays) {}

    @GetMapping("/systems")
    List<BehaviourView> systems() {
        return List.of(DebtorSystem.values()).stream().map(this::view).toList();
    }

    /** e.g. {@code {"fault":"DOWN"}} or {@code {"eventDelay":"PT10S"}}; absent fields stay as they are. */
    @PutMapping("/systems/{system}")
    BehaviourView change(@PathVariable DebtorSystem system, @RequestBody BehaviourChange change) {
        SimulatorProperties.Behaviour b = properties.behaviour(system);
        if (change.fault() != null) {
            b.setFault(change.fault());
        }
        if (change.eventDelay() != null) {
            b.setEventDelay(change.eventDelay());
        }
        if (change.answerDelay() != null) {
            b.setAnswerDelay(change.answerDelay());
        }
        if (change.paymentDays() != null) {
            b.setPaymentDays(change.paymentDays());
        }
        return view(system);
    }

    record ClaimView(
            String claimId,
            DebtorSystem debtorSystem,
            String municipalityCode,
            String fbsChargeId,
            String debtor,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal principal,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance,
            String state,
            LocalDate dueDate,
            LocalDate lastPayDate,
            String paymentReference,
            int reminders,
            boolean onHold) {}

    /** The simulator's claims for one FBS charge (normally exactly one). */
    @GetMapping("/claims")
    List<ClaimView> claims(@RequestParam String fbsChargeId) {
        return store.claimsForCharge(fbsChargeId).stream()
                .map(SimulatorControlController::view)
                .toList();
    }

    private static ClaimView view(SimClaim c) {
        return new ClaimView(
                c.claimId(),
                c.debtorSystem(),
                c.municipalityCode(),
                c.fbsChargeId(),
                Cpr.mask(c.cpr()),
                Money.ofOre(c.principalOre()).kroner(),
                Money.ofOre(c.balanceOre()).kroner(),
                c.state(),
                c.dueDate(),
                c.lastPayDate(),
                c.paymentReference(),
                c.reminderCount(),
                c.onHold());
    }

    record CitizenPayment(String claimId, BigDecimal amount) {}

    /** A citizen pays an invoice through the debtor system's payment solution (KMD Opus, Prisme 2015). */
    @PostMapping("/citizen-payments")
    ClaimView payAsCitizen(@RequestBody CitizenPayment payment) {
        return view(ledger.payAsCitizen(
                        payment.claimId(), Money.ofKroner(payment.amount()).ore())
                .claim());
    }

    record Outcome(String claimId, SimulatedPsrm.CollectionOutcome outcome, String text) {}

    /** Gældsstyrelsen (PSRM) reports back on a claim in collection. */
    @PostMapping("/collection-outcomes")
    ClaimView collectionOutcome(@RequestBody Outcome outcome) {
        return view(psrm.collectionOutcome(outcome.claimId(), outcome.outcome(), outcome.text()));
    }

    record Tampering(SimulatorTampering.Tampering action, BigDecimal amount, String state) {}

    /**
     * Makes the debtor system's ledger disagree with ours without an event, e.g.
     * {@code {"action":"ALTER_BALANCE","amount":"99.00"}}: every kind of reconciliation difference on purpose.
     * The answer is the claim afterwards (the new one for DUPLICATE; 204 for DROP).
     */
    @PostMapping("/claims/{claimId}/tampering")
    ResponseEntity<ClaimView> tamper(@PathVariable String claimId, @RequestBody Tampering request) {
        if (request.action() == null) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "action is required");
        }
        return tampering
                .tamper(
                        claimId,
                        request.action(),
                        request.amount() == null
                                ? null
                                : Money.ofKroner(request.amount()).ore(),
                        request.state())
                .map(c -> ResponseEntity.ok(view(c)))
                .orElse(ResponseEntity.noContent().build());
    }

    /** A business rejection of a control request is a 409 with the simulator's reason. */
    private BehaviourView view(DebtorSystem system) {
        SimulatorProperties.Behaviour b = properties.behaviour(system);
        return new BehaviourView(system, b.getFault(), b.getEventDelay(), b.getAnswerDelay(), b.getPaymentDays());
    }
}
