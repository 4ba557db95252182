package dk.fbs.oir.reconciliation;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeLedger;
import dk.fbs.oir.charge.Freshness;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.debtorsystem.Statement;
import dk.fbs.oir.payment.LibraryPayments;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.sync.DebtorSync;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciliation of a municipality's day: our ledger against the debtor system's statement.
 * Differences new to us start {@code reconciliation-difference} in the same transaction as they
 * are recorded, so a second run of the day neither repairs nor asks a caseworker twice.
 */
@Service
public class Reconciliations {

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

    private final OirGateway oir;
    private final RoutingService routing;
    private final ChargeLedger ledger;
    private final LibraryPayments payments;
    private final DebtorSync sync;
    private final Freshness freshness;
    private final ReconciliationStore store;
    private final ReconciliationSettings settings;
    private final RuntimeService runtime;
    private final Clock clock;

    public Reconciliations(
            OirGateway oir,
            RoutingService routing,
            ChargeLedger ledger,
            LibraryPayments payments,
            DebtorSync sync,
            Freshness freshness,
            ReconciliationStore store,
            ReconciliationSettings settings,
            RuntimeService runtime,
            Clock clock) {
        this.oir = oir;
        this.routing = routing;
        this.ledger = ledger;
        this.payments = payments;
        this.sync = sync;
        this.freshness = freshness;
        this.store = store;
        this.settings = settings;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The debtor system a municipality used on a day; empty before it went live (charges stay in FBS). */
    public Optional<DebtorSystem> debtorSystem(String municipalityCode, LocalDate day) {
        return routing.route(municipalityCode, day).debtorSystem();
    }

    /** The municipalities a day's run reconciles: configured or with claims, and live on that day. */
    public List<String> municipalities(LocalDate day) {
        List<String> candidates = settings.getMunicipalities().isEmpty()
                ? ledger.municipalitiesWithClaims()
                : settings.getMunicipalities();
        return candidates.stream().filter(m -> debtorSystem(m, day).isPresent()).toList();
    }

    @Transactional
    public Report reconcile(String municipalityCode, LocalDate day) {
        DebtorSystem system = debtorSystem(municipalityCode, day)
                .orElseThrow(() ->
                        new IllegalArgumentException("Municipality " + municipalityCode + " was not live on " + day));
        sync.sync(system, municipalityCode); // what the debtor system has published, first
        Statement statement = oir.reconciliationStatement(system, municipalityCode, day);
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.lockDay(municipalityCode, day, system, now);
        List<Charge> ours = ledger.routedTo(municipalityCode, system);
        Comparison.Result result = Comparison.compare(
                statement,
                ours,
                payments.forwarded(municipalityCode, day),
                sync.reportedPayments(system, municipalityCode, day),
                (charge, claim) -> pending(system, charge, claim, now));
        store.saveReport(municipalityCode, day, system, result, now);
        Map<String, Charge> byId = ours.stream().collect(Collectors.toMap(Charge::fbsChargeId, Function.identity()));
        for (Comparison.Finding finding : result.findings()) {
            store.record(municipalityCode, day, system, finding).ifPresent(id -> {
                Difference difference = store.difference(id);
                Charge charge = finding.fbsChargeId() == null ? null : byId.get(finding.fbsChargeId());
                ReconciliationProcess.startDifference(
                        runtime,
                        difference,
                        charge == null ? "" : charge.status().name(),
                        charge != null && charge.balance().equals(charge.amount()));
                log.info(
                        "Reconciliation {} {}: difference {} {} (charge {}, claim {})",
                        municipalityCode,
                        day,
                        id,
                        finding.kind(),
                        finding.fbsChargeId(),
                        finding.claimId());
            });
        }
        Report report = store.report(municipalityCode, day).orElseThrow();
        log.info(
                "Reconciliation {} {} with {}: {} claims ours, {} theirs, {} differences, {} pending",
                municipalityCode,
                day,
                system.displayName(),
                report.ourClaims(),
                report.theirClaims(),
                report.differences(),
                report.pending());
        return report;
    }

    /**
     * A charge whose difference to its claim may still be an event on its way: we await one within
     * the system's reporting limit, or the debtor system changed the claim after it last confirmed
     * anything to us and less than that limit ago.
     */
    private boolean pending(DebtorSystem system, Charge charge, ClaimState claim, OffsetDateTime now) {
        if (charge.awaitingUpdateSince() != null && !freshness.isStale(charge)) {
            return true;
        }
        OffsetDateTime changed = claim.changedAt();
        return changed != null
                && (charge.lastConfirmedAt() == null || changed.isAfter(charge.lastConfirmedAt()))
                && changed.plus(freshness.limit(system)).isAfter(now);
    }

    public Optional<Report> report(String municipalityCode, LocalDate day) {
        return store.report(municipalityCode, day);
    }

    public List<Report> reports(String municipalityCode, LocalDate from, LocalDate to) {
        return store.reports(municipalityCode, from, to);
    }

    public List<Difference> differences(String municipalityCode, LocalDate day) {
        return store.differences(municipalityCode, day);
    }

    public Difference difference(long id) {
        return store.difference(id);
    }

    /** A difference repaired automatically. */
    void repaired(long id, Resolution how, String text) {
        store.close(id, ReconciliationStore.REPAIRED, how, text, "afstemning", OffsetDateTime.now(clock));
    }

    /** A difference a caseworker resolved. */
    void resolved(long id, Resolution how, String note, String caseworker) {
        store.close(id, ReconciliationStore.RESOLVED, how, note, caseworker, OffsetDateTime.now(clock));
    }
}
