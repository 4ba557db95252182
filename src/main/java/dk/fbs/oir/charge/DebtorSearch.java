package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.routing.Route;
import dk.fbs.oir.routing.RoutingService;
import jakarta.xml.ws.WebServiceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Søg og hent: a citizen's open and recent charges in a municipality, live from the debtor system
 * (what the library desk and a payment overview need), or from our ledger — and saying so — when
 * the debtor system does not answer or the municipality is not live.
 */
@Service
public class DebtorSearch {

    private static final Logger log = LoggerFactory.getLogger(DebtorSearch.class);
    /** Closed claims changed within this many days count as recent. */
    private static final int RECENT_DAYS = 90;

    private final RoutingService routing;
    private final OirGateway oir;
    private final ChargeLedger ledger;
    private final Freshness freshness;
    private final Clock clock;

    public DebtorSearch(RoutingService routing, OirGateway oir, ChargeLedger ledger, Freshness freshness, Clock clock) {
        this.routing = routing;
        this.oir = oir;
        this.ledger = ledger;
        this.freshness = freshness;
        this.clock = clock;
    }

    public enum Source {
        /** Answered by the debtor system just now. */
        DEBTOR_SYSTEM,
        /** From our ledger: as fresh as each charge's lastConfirmedAt. */
        LEDGER
    }

    public record Result(Source source, String note, OffsetDateTime asOf, BigDecimal openBalance, List<Item> charges) {}

    public record Item(
            String fbsChargeId,
            String debtorSystemClaimId,
            ChargeStatus status,
            String claimState,
            BigDecimal amount,
            BigDecimal balance,
            LocalDate dueDate,
            LocalDate lastPayDate,
            String paymentReference,
            OffsetDateTime lastConfirmedAt,
            boolean stale) {}

    public Result search(String cpr, String municipalityCode) {
        Route route = routing.route(municipalityCode, LocalDate.now(clock));
        Map<String, Charge> ours = ledger.ofDebtor(cpr, municipalityCode).stream()
                .collect(Collectors.toMap(Charge::fbsChargeId, Function.identity()));
        if (route.debtorSystem().isEmpty()) {
            return fromLedger(ours, "Kommunen er ikke gået live med debitorintegrationen; gebyrerne håndteres i FBS");
        }
        List<ClaimState> claims;
        try {
            claims = oir.searchDebtor(route.debtorSystem().get(), municipalityCode, cpr, true, IdempotencyRef.search());
        } catch (WebServiceException unavailable) {
            log.warn(
                    "{} did not answer a debtor search for municipality {}: {}",
                    route.debtorSystem().get().displayName(),
                    municipalityCode,
                    unavailable.getMessage());
            return fromLedger(
                    ours,
                    route.debtorSystem().get().displayName()
                            + " svarede ikke; viser integrationens seneste kendte data (se lastConfirmedAt)");
        }
        OffsetDateTime recent = OffsetDateTime.now(clock).minusDays(RECENT_DAYS);
        List<Item> items = claims.stream()
                .filter(c -> c.balance().signum() != 0 || c.changedAt().isAfter(recent))
                .map(c -> {
                    Charge charge = ours.get(c.fbsChargeId());
                    return new Item(
                            c.fbsChargeId(),
                            c.claimId(),
                            charge == null ? null : charge.status(),
                            c.state().oirName(),
                            c.principal().kroner(),
                            c.balance().kroner(),
                            c.dueDate(),
                            c.lastPayDate(),
                            c.paymentReference(),
                            c.changedAt(),
                            false);
                })
                .toList();
        return new Result(Source.DEBTOR_SYSTEM, null, OffsetDateTime.now(clock), total(items), items);
    }

    private Result fromLedger(Map<String, Charge> ours, String note) {
        OffsetDateTime recent = OffsetDateTime.now(clock).minusDays(RECENT_DAYS);
        List<Item> items = ours.values().stream()
                .filter(c -> !c.status().isFinal() || c.updatedAt().isAfter(recent))
                .map(c -> new Item(
                        c.fbsChargeId(),
                        c.debtorSystemClaimId(),
                        c.status(),
                        null,
                        c.amount().kroner(),
                        c.balance().kroner(),
                        c.dueDate(),
                        c.lastPayDate(),
                        c.paymentReference(),
                        c.lastConfirmedAt(),
                        freshness.isStale(c)))
                .toList();
        return new Result(Source.LEDGER, note, OffsetDateTime.now(clock), total(items), items);
    }

    private static BigDecimal total(List<Item> items) {
        return items.stream()
                .map(i -> Money.ofKroner(i.balance()))
                .filter(Money::isPositive)
                .reduce(Money.ZERO, Money::plus)
                .kroner();
    }
}
