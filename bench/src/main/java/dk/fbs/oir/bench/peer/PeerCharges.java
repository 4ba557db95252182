package dk.fbs.oir.bench.peer;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeConflictException;
import dk.fbs.oir.charge.ChargeService.Intake;
import dk.fbs.oir.charge.ChargeService.NewCharge;
import dk.fbs.oir.charge.ChargeService.Outcome;
import dk.fbs.oir.charge.ChargeStatus;
import dk.fbs.oir.routing.Route;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The peer's intake, as a team would write it without a process engine: the charge is routed by
 * {@link PeerRegister}, stored in one row, idempotent on its {@code fbsChargeId} (the same charge
 * again is the one stored, another charge under the id a {@link ChargeConflictException}), and the
 * workers are woken. A batch is stored in chunks of {@value #CHUNK}, each in one transaction.
 */
public final class PeerCharges {

    static final int CHUNK = 100;

    private final PeerTable table;
    private final PeerRegister register;
    private final PeerWorkers workers;
    private final TransactionTemplate tx;
    private final Clock clock;

    PeerCharges(PeerTable table, PeerRegister register, PeerWorkers workers, TransactionTemplate tx, Clock clock) {
        this.table = table;
        this.register = register;
        this.workers = workers;
        this.tx = tx;
        this.clock = clock;
    }

    /** One charge, stored in its own transaction. */
    public Intake receive(NewCharge in) {
        Charge charge = charge(in);
        if (table.insert(charge) == 0) {
            return existing(charge);
        }
        workers.wake();
        return new Intake(charge, true);
    }

    /** A batch: each charge's outcome, in the order sent. */
    public List<Outcome> receiveAll(List<NewCharge> charges) {
        List<Outcome> outcomes = new ArrayList<>(charges.size());
        for (int from = 0; from < charges.size(); from += CHUNK) {
            outcomes.addAll(chunk(charges.subList(from, Math.min(from + CHUNK, charges.size()))));
        }
        workers.wake();
        return outcomes;
    }

    private List<Outcome> chunk(List<NewCharge> chunk) {
        Outcome[] outcomes = new Outcome[chunk.size()];
        List<Charge> known = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            try {
                known.add(charge(chunk.get(i)));
                positions.add(i);
            } catch (UnknownMunicipalityException unknownMunicipality) {
                outcomes[i] = new Outcome(null, unknownMunicipality);
            }
        }
        // in the order of their ids, so concurrent chunks never wait for each other in a circle
        List<Integer> order = IntStream.range(0, known.size())
                .boxed()
                .sorted(Comparator.comparing(k -> known.get(k).fbsChargeId()))
                .toList();
        int[] inserted = known.isEmpty()
                ? new int[0]
                : tx.execute(
                        status -> table.insertAll(order.stream().map(known::get).toList()));
        for (int k = 0; k < order.size(); k++) {
            Charge charge = known.get(order.get(k));
            outcomes[positions.get(order.get(k))] =
                    inserted[k] == 0 ? outcome(charge) : new Outcome(new Intake(charge, true), null);
        }
        return List.of(outcomes);
    }

    private Outcome outcome(Charge sent) {
        try {
            return new Outcome(existing(sent), null);
        } catch (ChargeConflictException conflict) {
            return new Outcome(null, conflict);
        }
    }

    /** The charge already stored under the id: the same one again, or a conflict. */
    private Intake existing(Charge sent) {
        Charge stored = table.find(sent.fbsChargeId()).orElseThrow();
        if (!stored.requestHash().equals(sent.requestHash())) {
            throw new ChargeConflictException(sent.fbsChargeId());
        }
        return new Intake(stored, false);
    }

    private Charge charge(NewCharge in) {
        PeerRegister.Entry entry = register.lookup(in.municipalityCode(), in.occurredOn());
        ChargeStatus status = entry.route() == Route.FBS_INTERNAL ? ChargeStatus.HANDLED_IN_FBS : ChargeStatus.RECEIVED;
        OffsetDateTime now = OffsetDateTime.now(clock);
        return PeerTable.charge(in, entry, status, null, hash(in), now, now);
    }

    /** Fingerprint of everything FBS sent, to tell the same charge again from another one. */
    static String hash(NewCharge in) {
        String canonical = Stream.of(
                        in.fbsChargeId(),
                        in.municipalityCode(),
                        in.debtorCpr(),
                        in.debtorName(),
                        in.type(),
                        in.amount().ore(),
                        in.description(),
                        in.materialId(),
                        in.branch(),
                        in.occurredOn())
                .map(value -> Objects.toString(value, ""))
                .collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
