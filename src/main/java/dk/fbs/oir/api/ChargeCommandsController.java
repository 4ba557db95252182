package dk.fbs.oir.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.fbs.oir.charge.ChargeCommands;
import dk.fbs.oir.charge.ChargeCommands.CancellationReason;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.payment.LibraryPayments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** FBS' commands on a charge it has handed over: a payment at the library, a cancellation, a dispute. */
@RestController
@RequestMapping("/api/v1/charges/{fbsChargeId}")
@Tag(name = "Charges")
public class ChargeCommandsController {

    private final ChargeCommands commands;
    private final ChargeViews views;
    private final LibraryPayments payments;

    ChargeCommandsController(ChargeCommands commands, ChargeViews views, LibraryPayments payments) {
        this.commands = commands;
        this.views = views;
        this.payments = payments;
    }

    public record CancellationRequest(
            @NotNull CancellationReason reason,

            @Size(max = 500) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
            String note) {}

    public record DisputeRequest(
            @NotBlank @Size(max = 1000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
            String text) {}

    public record PaymentRequest(
            @Schema(example = "KASSE-561-000123")
            @NotBlank
            @Size(max = 64)
            @Pattern(
                    regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "may contain only letters, digits, '.', '_' and '-'")
            String paymentId,

            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    example = "50.00",
                    description = MoneyInput.DESCRIPTION)
            @JsonDeserialize(using = MoneyInput.class)
            @NotNull
            @DecimalMin(value = "0.01", message = "must be positive")
            @Digits(integer = 9, fraction = 2, message = "must be kroner with at most two decimals (øre)")
            BigDecimal amount,

            @NotNull @PastOrPresent LocalDate paidOn) {}

    public record PaymentResponse(
            String paymentId,
            String fbsChargeId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            LocalDate paidOn,
            String status) {}

    @PostMapping("/payments")
    @Operation(
            summary = "Register a payment taken at the library",
            description =
                    "Stored at once and passed on to the debtor system as an indbetaling (retried while it is down);"
                            + " the charge's balance follows. Idempotent on paymentId: the same payment again is 200, another payment"
                            + " under the same paymentId is 409.")
    @ApiResponse(responseCode = "202", description = "A new payment, stored and on its way to the debtor system")
    @ApiResponse(responseCode = "200", description = "The same payment posted again: the one received before")
    public ResponseEntity<PaymentResponse> pay(
            @PathVariable String fbsChargeId, @Valid @RequestBody PaymentRequest request) {
        var intake =
                payments.receive(fbsChargeId, request.paymentId(), Money.ofKroner(request.amount()), request.paidOn());
        var p = intake.payment();
        return ResponseEntity.status(intake.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new PaymentResponse(
                        p.paymentId(), p.fbsChargeId(), p.amount().kroner(), p.paidOn(), p.status()));
    }

    @PostMapping("/cancellation")
    @Operation(
            summary = "Cancel a charge (material returned, fee waived, entered by mistake)",
            description = "The claim is credited in the debtor system in whatever state it is, recalled from collection"
                    + " if needed, and the charge ends as CANCELLED. 409 for a charge that is already over.")
    @ApiResponse(responseCode = "202", description = "The cancellation is under way; the charge as it stands")
    public ResponseEntity<ChargeResponse> cancel(
            @PathVariable String fbsChargeId, @Valid @RequestBody CancellationRequest request) {
        var charge = commands.cancel(fbsChargeId, request.reason(), request.note());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(views.of(charge));
    }

    @PostMapping("/disputes")
    @Operation(
            summary = "Pass on the citizen's dispute (indsigelse)",
            description = "Reminders and collection pause until a caseworker decides: uphold, reduce or cancel."
                    + " 409 unless the charge is invoiced or reminded.")
    @ApiResponse(responseCode = "202", description = "The dispute is passed on; the charge as it stands")
    public ResponseEntity<ChargeResponse> dispute(
            @PathVariable String fbsChargeId, @Valid @RequestBody DisputeRequest request) {
        var charge = commands.dispute(fbsChargeId, request.text());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(views.of(charge));
    }
}
