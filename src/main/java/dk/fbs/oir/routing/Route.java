package dk.fbs.oir.routing;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a charge goes: one of the debtor systems (named as the system), or {@code FBS_INTERNAL}
 * before go-live. Derived from {@link DebtorSystem}, so a new debtor system is a new route without
 * a change here.
 */
public final class Route {

    public static final Route FBS_INTERNAL = new Route(null);

    private static final List<Route> ALL = Stream.concat(
                    Arrays.stream(DebtorSystem.values()).map(Route::new), Stream.of(FBS_INTERNAL))
            .toList();

    private final DebtorSystem debtorSystem;

    private Route(DebtorSystem debtorSystem) {
        this.debtorSystem = debtorSystem;
    }

    public static Route to(DebtorSystem system) {
        return ALL.get(system.ordinal());
    }

    /** The route of a name as the routing table and our ledger write it. */
    public static Route valueOf(String name) {
        return ALL.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No route " + name));
    }

    public static List<Route> values() {
        return ALL;
    }

    public Optional<DebtorSystem> debtorSystem() {
        return Optional.ofNullable(debtorSystem);
    }

    @JsonValue
    public String name() {
        return debtorSystem == null ? "FBS_INTERNAL" : debtorSystem.name();
    }

    @Override
    public String toString() {
        return name();
    }
}
