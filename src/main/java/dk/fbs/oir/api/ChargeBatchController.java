package dk.fbs.oir.api;

import dk.fbs.oir.api.ChargeBatchReader.Element;
import dk.fbs.oir.api.ChargeBatchResponse.ChargeResult;
import dk.fbs.oir.charge.ChargeService;
import dk.fbs.oir.charge.ChargeService.NewCharge;
import dk.fbs.oir.charge.ChargeService.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** FBS' nightly batch: many charges in one request, each taken as {@code POST /api/v1/charges} takes one. */
@RestController
@RequestMapping(ChargeBatchController.PATH)
@Tag(name = "Charges")
public class ChargeBatchController {

    static final String PATH = "/api/v1/charge-batches";

    private final ChargeBatchReader reader;
    private final ChargeService charges;
    private final ChargeViews views;
    private final ApiProblems problems;

    ChargeBatchController(ChargeBatchReader reader, ChargeService charges, ChargeViews views, ApiProblems problems) {
        this.reader = reader;
        this.charges = charges;
        this.views = views;
        this.problems = problems;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Hand many charges over (FBS' nightly batch)",
            description =
                    "A JSON array of 1 to " + ChargeBatchReader.MAX_CHARGES + " charges, each exactly as"
                            + " POST /api/v1/charges takes one. Each is validated and stored on its own, idempotent on its fbsChargeId:"
                            + " one bad charge never stops the others. The charges are stored in chunks that each commit before the"
                            + " answer is written, so whatever the answer says is stored is stored; the same batch posted again"
                            + " changes nothing (all 200). The answer lists each charge's result in the order sent, with the status"
                            + " the single endpoint would give it. A body that is no such array is a 400 for the whole request.")
    @ApiResponse(responseCode = "200", description = "Each charge's result, in the order sent")
    public ChargeBatchResponse receiveBatch(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            array =
                                                    @ArraySchema(
                                                            minItems = 1,
                                                            maxItems = ChargeBatchReader.MAX_CHARGES,
                                                            schema = @Schema(implementation = ChargeRequest.class))))
                    @RequestBody
                    String body) {
        List<Element> elements = reader.read(body);
        List<NewCharge> valid = elements.stream()
                .filter(e -> e.request() != null)
                .map(e -> e.request().toNewCharge())
                .toList();
        Iterator<Outcome> outcomes = charges.receiveAll(valid).iterator();
        List<ChargeResult> results = new ArrayList<>(elements.size());
        for (Element element : elements) {
            results.add(
                    element.request() == null
                            ? new ChargeResult(
                                    element.fbsChargeId(), HttpStatus.BAD_REQUEST.value(), null, element.problem())
                            : result(element.fbsChargeId(), outcomes.next()));
        }
        return new ChargeBatchResponse(results);
    }

    private ChargeResult result(String fbsChargeId, Outcome outcome) {
        if (outcome.refusal() != null) {
            ResponseEntity<ProblemDetail> answer = problems.answer(outcome.refusal());
            return new ChargeResult(fbsChargeId, answer.getStatusCode().value(), null, answer.getBody());
        }
        HttpStatus status = outcome.intake().created() ? HttpStatus.ACCEPTED : HttpStatus.OK; // as the single endpoint
        return new ChargeResult(
                fbsChargeId, status.value(), views.of(outcome.intake().charge()), null);
    }
}
