package dk.fbs.oir.api;

import dk.fbs.oir.charge.ChargeNotFoundException;
import dk.fbs.oir.charge.ChargeService;
import dk.fbs.oir.charge.ChargeService.Intake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract FBS codes against: keep its paths and field names. */
@RestController
@RequestMapping("/api/v1/charges")
@Tag(name = "Charges", description = "FBS' fees and replacement charges on their way to the debtor systems")
public class ChargeController {

    private final ChargeService charges;
    private final ChargeViews views;

    ChargeController(ChargeService charges, ChargeViews views) {
        this.charges = charges;
        this.views = views;
    }

    @PostMapping
    @Operation(
            summary = "Hand a charge over",
            description =
                    "202 and the charge when it is new; 200 and the existing charge when the same charge is posted"
                            + " again; 409 when another charge already has this fbsChargeId.")
    @ApiResponse(responseCode = "202", description = "A new charge, received; its route decided")
    @ApiResponse(responseCode = "200", description = "The same charge posted again: the one received before")
    public ResponseEntity<ChargeResponse> receive(@Valid @RequestBody ChargeRequest request) {
        Intake intake = charges.receive(request.toNewCharge());
        String id = intake.charge().fbsChargeId();
        return ResponseEntity.status(intake.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/charges/" + id))
                .body(views.of(intake.charge()));
    }

    @GetMapping("/{fbsChargeId}")
    @Operation(summary = "A charge's state, balance and timeline")
    public ChargeResponse get(@PathVariable String fbsChargeId) {
        return charges.find(fbsChargeId).map(views::of).orElseThrow(() -> new ChargeNotFoundException(fbsChargeId));
    }
}
