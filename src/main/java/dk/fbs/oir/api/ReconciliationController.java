package dk.fbs.oir.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.reconciliation.Difference;
import dk.fbs.oir.reconciliation.ReconciliationProcess;
import dk.fbs.oir.reconciliation.Reconciliations;
import dk.fbs.oir.reconciliation.Report;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.security.MunicipalityAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reconciliation reports: per municipality and day as JSON or CSV, a range of days for the
 * finance officer's page ({@code /afstemning.html}), and an operator's request to reconcile a day now.
 * Amounts are kroner as exact decimal strings, like everywhere in the API.
 */
@RestController
@RequestMapping("/api/v1/reconciliations")
@Tag(name = "Reconciliation")
public class ReconciliationController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int MAX_DAYS = 366;

    private final Reconciliations reconciliations;
    private final RoutingService routing;
    private final RuntimeService runtime;
    private final MunicipalityAccess access;
    private final Clock clock;

    public ReconciliationController(
            Reconciliations reconciliations,
            RoutingService routing,
            RuntimeService runtime,
            MunicipalityAccess access,
            Clock clock) {
        this.reconciliations = reconciliations;
        this.routing = routing;
        this.runtime = runtime;
        this.access = access;
        this.clock = clock;
    }

    /** Both sides' totals of a day, in kroner. */
    public record Totals(
            int claims,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal payments,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credits,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal writeOffs,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fees) {}

    public record DifferenceView(
            long id,
            String kind,
            String kindText,
            String fbsChargeId,
            String claimId,
            String postingId,
            String ours,
            String theirs,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            LocalDate firstSeenOn,
            String state,
            String resolution,
            String note,
            String resolvedBy,
            OffsetDateTime resolvedAt) {}

    public record ReportView(
            String municipalityCode,
            LocalDate day,
            String debtorSystem,
            OffsetDateTime reconciledAt,
            Totals ours,
            Totals theirs,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balanceDifference,
            int pending,
            int inFlight,
            int differences,
            int openDifferences,
            List<DifferenceView> differenceList) {}

    public record ReconciliationRequest(
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
            String municipalityCode,

            @NotNull LocalDate day) {}

    @GetMapping("/{municipalityCode}")
    @Operation(
            summary = "A municipality's daily reports from `from` to `to` (at most 366 days; default the last 30)",
            description = "Totals only (differenceList empty): what the finance officer's page charts.")
    public List<ReportView> reports(
            @PathVariable String municipalityCode,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Authentication caller) {
        municipality(municipalityCode, caller);
        LocalDate until = to == null ? LocalDate.now(clock) : date("to", to);
        LocalDate since = from == null ? until.minusDays(29) : date("from", from);
        if (since.isAfter(until) || since.plusDays(MAX_DAYS).isBefore(until)) {
            throw invalid("from", "must be on or before 'to' and at most " + MAX_DAYS + " days before it");
        }
        return reconciliations.reports(municipalityCode, since, until).stream()
                .map(r -> view(r, List.of()))
                .toList();
    }

    @GetMapping(
            value = "/{municipalityCode}/{day}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "A municipality's report of a day with every difference (JSON; CSV with Accept: text/csv)")
    public ResponseEntity<?> report(
            @PathVariable String municipalityCode,
            @PathVariable String day,
            @RequestParam(required = false) String format,
            Authentication caller,
            @RequestHeader(value = "Accept", required = false) String accept) {
        municipality(municipalityCode, caller);
        LocalDate date = date("day", day);
        Report report = reconciliations
                .report(municipalityCode, date)
                .orElseThrow(
                        () -> new ErrorResponseException(HttpStatus.NOT_FOUND, notFound(municipalityCode, date), null));
        ReportView view = view(
                report,
                reconciliations.differences(municipalityCode, date).stream()
                        .map(ReconciliationController::view)
                        .toList());
        if ("csv".equals(format) || (accept != null && accept.contains("text/csv"))) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"afstemning-" + municipalityCode + "-" + date + ".csv\"")
                    .body(ReconciliationCsv.of(view));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    @PostMapping
    @Operation(
            summary = "Reconcile a municipality's day now (operators)",
            description = "Starts reconciliation.bpmn for one municipality and day; the report follows at the Location."
                    + " Running a day again finds the same differences and starts no repair or task twice.")
    @ApiResponse(responseCode = "202", description = "Reconciliation started; the report will be at the Location")
    public ResponseEntity<Void> request(@Valid @RequestBody ReconciliationRequest request) {
        if (!routing.isKnown(request.municipalityCode())) {
            throw invalid("municipalityCode", "'" + request.municipalityCode() + "' is not a known municipality code");
        }
        if (request.day().isAfter(LocalDate.now(clock))) {
            throw invalid("day", "must not be in the future");
        }
        if (reconciliations
                .debtorSystem(request.municipalityCode(), request.day())
                .isEmpty()) {
            throw invalid(
                    "day", "the municipality had not gone live on " + request.day() + ": its charges stayed in FBS");
        }
        ReconciliationProcess.request(runtime, request.municipalityCode(), request.day());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/reconciliations/" + request.municipalityCode() + "/" + request.day()))
                .build();
    }

    private void municipality(String municipalityCode, Authentication caller) {
        if (!municipalityCode.matches("\\d{3}") || !routing.isKnown(municipalityCode)) {
            throw invalid("municipalityCode", "'" + municipalityCode + "' is not a known municipality code");
        }
        if (!access.maySee(caller, municipalityCode)) {
            throw new ErrorResponseException(
                    HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.FORBIDDEN, "You may see the reconciliation of your own municipality only"),
                    null);
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date as yyyy-MM-dd");
        }
    }

    private static ErrorResponseException invalid(String field, String message) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, ApiProblems.invalid(List.of(new ApiProblems.FieldError(field, message))), null);
    }

    private static ProblemDetail notFound(String municipalityCode, LocalDate day) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No reconciliation of " + municipalityCode + " on " + day + " yet");
        problem.setTitle("No report");
        return problem;
    }

    private static ReportView view(Report r, List<DifferenceView> differences) {
        return new ReportView(
                r.municipalityCode(),
                r.reconciledOn(),
                r.debtorSystem().name(),
                r.createdAt(),
                new Totals(r.ourClaims(), kr(r.ourBalanceOre()), kr(r.ourDeskPaymentsOre()), null, null, null),
                new Totals(
                        r.theirClaims(),
                        kr(r.theirBalanceOre()),
                        kr(r.theirPaymentsOre()),
                        kr(r.theirCreditsOre()),
                        kr(r.theirWriteOffsOre()),
                        kr(r.theirFeesOre())),
                kr(r.theirBalanceOre() - r.ourBalanceOre()),
                r.pending(),
                r.inFlight(),
                r.differences(),
                r.openDifferences(),
                differences);
    }

    private static DifferenceView view(Difference d) {
        return new DifferenceView(
                d.id(),
                d.kind().name(),
                d.kind().text(),
                d.fbsChargeId(),
                d.claimId(),
                d.postingId(),
                d.ours(),
                d.theirs(),
                d.amountOre() == null ? null : kr(d.amountOre()),
                d.firstSeenOn(),
                d.state(),
                d.resolution(),
                d.note(),
                d.resolvedBy(),
                d.resolvedAt());
    }

    private static BigDecimal kr(long ore) {
        return Money.ofOre(ore).kroner();
    }
}
