package dk.fbs.oir.api;

import dk.fbs.oir.api.ChargeBatchReader.Element;
import dk.fbs.oir.api.ChargeBatchResponse.ChargeResult;
import dk.fbs.oir.bench.peer.PeerCharges;
import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeService.Intake;
import dk.fbs.oir.charge.ChargeService.NewCharge;
import dk.fbs.oir.charge.ChargeService.Outcome;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's peer ({@link PeerCharges}) behind FBS' own contract: the same request classes,
 * validation and problem details as {@code /api/v1/charges} and {@code /api/v1/charge-batches}
 * (this class sits in their package for that, but only in the benchmark's sources and application).
 * The answer is built from what the intake stored, without a timeline: the peer keeps none.
 */
@RestController
@Profile("bench")
@RequestMapping("/bench/peer")
class PeerChargeController {

    private final PeerCharges peer;
    private final ChargeBatchReader reader;
    private final ApiProblems problems;

    PeerChargeController(PeerCharges peer, ChargeBatchReader reader, ApiProblems problems) {
        this.peer = peer;
        this.reader = reader;
        this.problems = problems;
    }

    @PostMapping("/charges")
    ResponseEntity<ChargeResponse> receive(@Valid @RequestBody ChargeRequest request) {
        Intake intake = peer.receive(request.toNewCharge());
        return ResponseEntity.status(intake.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/bench/peer/charges/" + intake.charge().fbsChargeId()))
                .body(view(intake.charge()));
    }

    @PostMapping(path = "/charge-batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChargeBatchResponse receiveBatch(@RequestBody String body) {
        List<Element> elements = reader.read(body);
        List<NewCharge> valid = elements.stream()
                .filter(e -> e.request() != null)
                .map(e -> e.request().toNewCharge())
                .toList();
        Iterator<Outcome> outcomes = peer.receiveAll(valid).iterator();
        return new ChargeBatchResponse(elements.stream()
                .map(e -> e.request() == null
                        ? new ChargeResult(e.fbsChargeId(), HttpStatus.BAD_REQUEST.value(), null, e.problem())
                        : result(e.fbsChargeId(), outcomes.next()))
                .toList());
    }

    private ChargeResult result(String fbsChargeId, Outcome outcome) {
        if (outcome.refusal() != null) {
            ResponseEntity<ProblemDetail> answer = problems.answer(outcome.refusal());
            return new ChargeResult(fbsChargeId, answer.getStatusCode().value(), null, answer.getBody());
        }
        HttpStatus status = outcome.intake().created() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return new ChargeResult(
                fbsChargeId, status.value(), view(outcome.intake().charge()), null);
    }

    private static ChargeResponse view(Charge charge) {
        return ChargeResponse.of(charge, List.of(), false);
    }
}
