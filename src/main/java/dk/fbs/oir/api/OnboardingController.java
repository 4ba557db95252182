package dk.fbs.oir.api;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.onboarding.OnboardingOverview;
import dk.fbs.oir.onboarding.OnboardingOverview.Status;
import dk.fbs.oir.onboarding.Onboardings;
import dk.fbs.oir.onboarding.Waves;
import dk.fbs.oir.routing.RegisterGoLive;
import dk.fbs.oir.security.MunicipalityAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipalities' road to go-live: an operator starts a municipality's onboarding; operators see
 * every municipality, a project leader (a Camunda user) the municipalities whose tenant they belong
 * to, as on the page {@code /implementering.html}.
 */
@RestController
@RequestMapping("/api/v1/onboardings")
@Tag(name = "Onboarding")
public class OnboardingController {

    private final Onboardings onboardings;
    private final OnboardingOverview overview;
    private final Waves waves;
    private final RegisterGoLive register;
    private final MunicipalityAccess access;

    public OnboardingController(
            Onboardings onboardings,
            OnboardingOverview overview,
            Waves waves,
            RegisterGoLive register,
            MunicipalityAccess access) {
        this.onboardings = onboardings;
        this.overview = overview;
        this.waves = waves;
        this.register = register;
        this.access = access;
    }

    public record OnboardingRequest(
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
            String municipalityCode) {}

    public record KlikTaskView(String code, String title, boolean done, String doneBy, OffsetDateTime doneAt) {}

    public record OnboardingView(
            String municipalityCode,
            String name,
            String debtorSystem,
            String debtorSystemName,
            Integer wave,
            LocalDate goLiveDate,
            String state,
            String stateText,
            List<KlikTaskView> openKlikTasks,
            List<KlikTaskView> klikTasks,
            String projectLeader,
            Integer vendorTestAttempts,
            String vendorTestResult,
            String approvedBy,
            String approvalReason,
            OffsetDateTime liveAt,
            String registerDeploymentId) {}

    public record WaveView(int wave, LocalDate goLiveDate, LocalDate enrolmentDeadline, int capacity, int taken) {}

    @PostMapping
    @Operation(
            summary = "Start a municipality's onboarding (operators)",
            description =
                    "Starts onboarding.bpmn: its project leader (group projektleder-<code>) enrols it in Tasklist."
                            + " 409 when the municipality is already in a wave of the register or its onboarding has started.")
    public ResponseEntity<OnboardingView> start(@Valid @RequestBody OnboardingRequest request, Authentication caller) {
        String code = request.municipalityCode();
        RegisterGoLive.Entry entry = register.entry(code)
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.BAD_REQUEST,
                        ApiProblems.invalid(List.of(new ApiProblems.FieldError(
                                "municipalityCode", "'" + code + "' is not a known municipality code"))),
                        null));
        if (entry.wave() != null) {
            throw conflict(entry.name() + " is in wave " + entry.wave() + " of the register already");
        }
        try {
            onboardings.start(code, entry.debtorSystem(), caller.getName());
        } catch (DuplicateKeyException started) {
            throw conflict("The onboarding of " + entry.name() + " has started already");
        }
        return ResponseEntity.created(URI.create("/api/v1/onboardings/" + code)).body(one(code, caller));
    }

    @GetMapping
    @Operation(summary = "Every municipality the caller may see: wave, go-live date, state and open KLIK tasks")
    public List<OnboardingView> list(Authentication caller) {
        return overview.statuses(code -> access.maySee(caller, code)).stream()
                .map(OnboardingController::view)
                .toList();
    }

    @GetMapping("/{municipalityCode:\\d{3}}")
    @Operation(summary = "One municipality's way to go-live, with every KLIK task")
    public OnboardingView one(@PathVariable String municipalityCode, Authentication caller) {
        if (!access.maySee(caller, municipalityCode)) {
            throw new ErrorResponseException(
                    HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.FORBIDDEN, "You may see your own municipality's onboarding only"),
                    null);
        }
        return overview.statuses(municipalityCode::equals).stream()
                .findFirst()
                .map(OnboardingController::view)
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND, "'" + municipalityCode + "' is not a known municipality code"),
                        null));
    }

    @GetMapping("/waves")
    @Operation(summary = "The waves of dmn/onboarding-waves.dmn with the places onboardings have taken: the timeline")
    public List<WaveView> waves() {
        return waves.all().stream()
                .map(w -> new WaveView(
                        w.number(),
                        w.goLiveDate(),
                        w.enrolmentDeadline(),
                        w.capacity(),
                        onboardings.taken(w.number(), "")))
                .toList();
    }

    private static OnboardingView view(Status s) {
        List<KlikTaskView> klik = s.klikTasks().stream()
                .map(t -> new KlikTaskView(t.code(), t.title(), t.doneBy() != null, t.doneBy(), t.doneAt()))
                .toList();
        var o = s.onboarding();
        return new OnboardingView(
                s.municipalityCode(),
                s.name(),
                s.debtorSystem(),
                DebtorSystem.valueOf(s.debtorSystem()).displayName(),
                s.wave(),
                s.goLiveDate(),
                s.state().name(),
                s.state().text(),
                klik.stream().filter(t -> !t.done()).toList(),
                klik,
                o == null ? null : o.projectLeaderName(),
                o == null ? null : o.vendorTestAttempts(),
                o == null ? null : o.vendorTestResult(),
                o == null ? null : o.approvedBy(),
                o == null ? null : o.approvalReason(),
                o == null ? null : o.liveAt(),
                o == null ? null : o.registerDeploymentId());
    }

    private static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(
                HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
