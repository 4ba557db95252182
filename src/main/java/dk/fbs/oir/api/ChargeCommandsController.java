package dk.fbs.oir.api;

import dk.fbs.oir.charge.ChargeService;
import dk.fbs.oir.charge.ChargeUpdates;
import dk.fbs.oir.charge.ChargeUpdates.CancellationReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** FBS' commands on a charge it has handed over: cancel it, or pass on the citizen's dispute. */
@RestController
@RequestMapping("/api/v1/charges/{fbsChargeId}")
@Tag(name = "Charges")
public class ChargeCommandsController {

  private final ChargeUpdates updates;
  private final ChargeService charges;

  public ChargeCommandsController(ChargeUpdates updates, ChargeService charges) {
    this.updates = updates;
    this.charges = charges;
  }

  public record CancellationRequest(@NotNull CancellationReason reason, @Size(max = 500) String note) {}

  public record DisputeRequest(@NotBlank @Size(max = 1000) String text) {}

  @PostMapping("/cancellation")
  @Operation(summary = "Cancel a charge (material returned, fee waived, entered by mistake)",
      description = "The claim is credited in the debtor system in whatever state it is, recalled from collection"
          + " if needed, and the charge ends as CANCELLED. 409 for a charge that is already over.")
  public ResponseEntity<ChargeResponse> cancel(@PathVariable String fbsChargeId,
      @Valid @RequestBody CancellationRequest request) {
    var charge = updates.cancel(fbsChargeId, request.reason(), request.note());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(ChargeResponse.of(charge, charges.timeline(fbsChargeId)));
  }

  @PostMapping("/disputes")
  @Operation(summary = "Pass on the citizen's dispute (indsigelse)",
      description = "Reminders and collection pause until a caseworker decides: uphold, reduce or cancel."
          + " 409 unless the charge is invoiced or reminded.")
  public ResponseEntity<ChargeResponse> dispute(@PathVariable String fbsChargeId,
      @Valid @RequestBody DisputeRequest request) {
    var charge = updates.dispute(fbsChargeId, request.text());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(ChargeResponse.of(charge, charges.timeline(fbsChargeId)));
  }
}
