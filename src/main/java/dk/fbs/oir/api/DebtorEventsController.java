package dk.fbs.oir.api;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import dk.fbs.oir.sync.DebtorSync;
import dk.fbs.oir.sync.ParkedEvents;
import dk.fbs.oir.sync.ParkedEvents.ParkedEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The debtor systems' side: a notification that a municipality has new events (push, in the manner
 * of KOMBIT's Beskedfordeler), answered by reading them at once through the same code as the timed
 * pull; and the events no charge of ours matches, for an operator.
 */
@RestController
@RequestMapping("/api/v1/debtor-systems")
@Tag(name = "Debtor systems")
public class DebtorEventsController {

    private final DebtorSync sync;
    private final RoutingService routing;
    private final ParkedEvents parked;

    public DebtorEventsController(DebtorSync sync, RoutingService routing, ParkedEvents parked) {
        this.sync = sync;
        this.routing = routing;
        this.parked = parked;
    }

    public record Notification(
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
            String municipalityCode) {}

    public record SyncResult(int eventsApplied) {}

    @PostMapping("/{debtorSystem}/notifications")
    @Operation(summary = "A debtor system has new events for a municipality: read them now")
    public ResponseEntity<SyncResult> notified(
            @PathVariable DebtorSystem debtorSystem, @Valid @RequestBody Notification notification) {
        if (!routing.isKnown(notification.municipalityCode())) {
            throw new UnknownMunicipalityException(notification.municipalityCode());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new SyncResult(sync.sync(debtorSystem, notification.municipalityCode())));
    }

    @GetMapping("/parked-events")
    @Operation(summary = "Events for claims we do not know, and messages that could not be read, kept for an operator")
    public List<ParkedEvent> parked() {
        return parked.list();
    }
}
