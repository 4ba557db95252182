package dk.fbs.oir.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** {@code POST /api/v1/charge-batches}: each charge's result, in the order the charges were sent. */
public record ChargeBatchResponse(List<ChargeResult> results) {

    /**
     * One charge's result: the status {@code POST /api/v1/charges} would have answered for it, and its
     * answer's body: the charge (202, 200) or the problem details (400, 409, 500).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChargeResult(
            @Schema(description = "As sent; absent when the charge has none as text", example = "FBS-561-000001")
            String fbsChargeId,

            @Schema(
                    description = "202 received now, 200 received before (the same charge), 400 invalid,"
                            + " 409 another charge has this fbsChargeId, 500 not handled (nothing of it stored)",
                    example = "202")
            int status,

            @Schema(description = "With 202 and 200") ChargeResponse charge,

            @Schema(description = "With 400, 409 and 500", ref = "#/components/schemas/Problem")
            ProblemDetail problem) {}
}
