package dk.fbs.oir.bench.peer;

import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.routing.Route;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The peer's configuration of where a charge goes and who runs its dunning: what a team without a
 * process engine would keep as a lookup table. Filled on first use from the very tables the engine
 * decides with ({@code dmn/debtor-routing.dmn}, {@code dmn/dunning-mode.dmn}), so both send a
 * charge to the same debtor system; after that a map lookup per charge.
 */
final class PeerRegister {

    /** A municipality's route on a day, and its dunning mode (null for a charge that stays in FBS). */
    record Entry(Route route, DunningMode dunningMode) {}

    private record Key(String municipalityCode, LocalDate day) {}

    private final RoutingService routing;
    private final DecisionService decisions;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    PeerRegister(RoutingService routing, DecisionService decisions) {
        this.routing = routing;
        this.decisions = decisions;
    }

    /** The entry for a charge; an unknown code is an {@link UnknownMunicipalityException}. */
    Entry lookup(String municipalityCode, LocalDate occurredOn) {
        if (!routing.isKnown(municipalityCode)) {
            throw new UnknownMunicipalityException(municipalityCode);
        }
        return entries.computeIfAbsent(new Key(municipalityCode, occurredOn), this::decide);
    }

    private Entry decide(Key key) {
        Route route = routing.route(key.municipalityCode(), key.day());
        if (route == Route.FBS_INTERNAL) {
            return new Entry(route, null);
        }
        Object mode = decisions
                .evaluateDecisionByKey("dunning-mode")
                .variables(Variables.putValue("municipalityCode", key.municipalityCode())
                        .putValue("route", route.name()))
                .evaluate()
                .getSingleResult()
                .getSingleEntry();
        return new Entry(route, DunningMode.valueOf(mode.toString()));
    }
}
