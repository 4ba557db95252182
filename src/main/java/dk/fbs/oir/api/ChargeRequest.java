package dk.fbs.oir.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.fbs.oir.charge.ChargeService.NewCharge;
import dk.fbs.oir.charge.ChargeType;
import dk.fbs.oir.common.Money;
import io.swagger.v3.oas.annotations.media.Schema;
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

/** {@code POST /api/v1/charges}: a charge as FBS sends it. */
public record ChargeRequest(
        @Schema(example = "FBS-561-000001")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
        String fbsChargeId,

        @Schema(example = "561")
        @NotBlank
        @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
        String municipalityCode,

        @NotNull @Valid Debtor debtor,
        @NotNull ChargeType type,

        @Schema(type = "string", pattern = MoneyInput.PATTERN, example = "125.00", description = MoneyInput.DESCRIPTION)
        @JsonDeserialize(using = MoneyInput.class)
        @NotNull
        @DecimalMin(value = "0.01", message = "must be positive")
        @Digits(integer = 9, fraction = 2, message = "must be kroner with at most two decimals (øre)")
        BigDecimal amount,

        @Schema(example = "Overskredet lånetid")
        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
        String description,

        @Schema(example = "870970-basis:12345678")
        @Size(max = 100)
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
        String materialId,

        @Schema(example = "Esbjerg Hovedbibliotek")
        @Size(max = 200)
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
        String branch,

        @Schema(example = "2026-11-20") @NotNull @PastOrPresent
        LocalDate occurredOn) {

    /** The charge for the intake; only for a request that passed its validation. */
    NewCharge toNewCharge() {
        return new NewCharge(
                fbsChargeId,
                municipalityCode,
                debtor.cpr(),
                debtor.name(),
                type,
                Money.ofKroner(amount),
                description,
                materialId,
                branch,
                occurredOn);
    }

    /** The citizen. The CPR number is sensitive: it is only ever sent in a request body. */
    public record Debtor(
            @Schema(example = "0101901234") @NotBlank @CprNumber
            String cpr,

            @Schema(example = "Jens Hansen")
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
            String name) {

        @Override
        public String toString() {
            return "Debtor[" + dk.fbs.oir.common.Cpr.mask(cpr) + "]";
        }
    }
}
