package dk.fbs.oir.api;

import dk.fbs.oir.charge.DebtorSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Søg og hent: the CPR number goes in the body, never in the URL. */
@RestController
@RequestMapping("/api/v1/debtors")
@Tag(name = "Debtors")
public class DebtorSearchController {

    private final DebtorSearch search;

    public DebtorSearchController(DebtorSearch search) {
        this.search = search;
    }

    public record SearchRequest(
            @Schema(example = "0101901234") @NotBlank @CprNumber
            String cpr,

            @Schema(example = "101")
            @NotBlank
            @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
            String municipalityCode) {

        @Override
        public String toString() {
            return "SearchRequest[" + dk.fbs.oir.common.Cpr.mask(cpr) + ", " + municipalityCode + "]";
        }
    }

    @PostMapping("/search")
    @Operation(
            summary = "A citizen's open and recent charges in a municipality",
            description =
                    "Live from the debtor system (source DEBTOR_SYSTEM); from our ledger (source LEDGER, with a note"
                            + " and each charge's lastConfirmedAt and stale flag) when the debtor system does not answer or the"
                            + " municipality is not live.")
    public DebtorSearch.Result search(@Valid @RequestBody SearchRequest request) {
        return search.search(request.cpr(), request.municipalityCode());
    }
}
