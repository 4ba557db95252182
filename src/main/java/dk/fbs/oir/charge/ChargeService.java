package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Receives charges from FBS: exactly one ledger row and one process instance per FBS charge id. */
@Service
public class ChargeService {

    private static final Logger log = LoggerFactory.getLogger(ChargeService.class);

    private final ChargeLedger ledger;
    private final RuntimeService runtimeService;
    private final RoutingService routing;
    private final TransactionTemplate tx;

    public ChargeService(
            ChargeLedger ledger, RuntimeService runtimeService, RoutingService routing, TransactionTemplate tx) {
        this.ledger = ledger;
        this.runtimeService = runtimeService;
        this.routing = routing;
        this.tx = tx;
    }

    /** A charge as FBS sends it. */
    public record NewCharge(
            String fbsChargeId,
            String municipalityCode,
            String debtorCpr,
            String debtorName,
            ChargeType type,
            Money amount,
            String description,
            String materialId,
            String branch,
            LocalDate occurredOn) {}

    /** The charge after intake, and whether this call created it. */
    public record Intake(Charge charge, boolean created) {}

    /**
     * One charge's outcome in a batch: its intake, or why it was not taken: a {@link ChargeConflictException},
     * an {@link UnknownMunicipalityException}, or an unexpected error (nothing of that charge was stored).
     */
    public record Outcome(Intake intake, RuntimeException refusal) {

        Intake orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return intake;
        }
    }

    /** How many charges of a batch commit in one transaction. */
    static final int CHUNK = 100;

    /**
     * Stores the charge and starts its process in one transaction. The same charge again returns
     * the existing one; another charge under the same id is a {@link ChargeConflictException}.
     * Concurrent posts of one id meet at the primary key: one wins, the others see its charge.
     */
    public Intake receive(NewCharge in) {
        return intake(List.of(in)).get(0).orThrow();
    }

    /**
     * FBS' batch: each charge taken as {@link #receive} takes one, in chunks of {@value #CHUNK} that
     * each commit in one transaction, before this returns the outcomes in the charges' order. A
     * chunk that fails as a whole (another intake of one of its ids at the same moment, a process
     * that cannot start) is taken again one charge per transaction, so a charge's failure is its own.
     */
    public List<Outcome> receiveAll(List<NewCharge> charges) {
        List<Outcome> outcomes = new ArrayList<>(charges.size());
        for (int from = 0; from < charges.size(); from += CHUNK) {
            List<NewCharge> chunk = charges.subList(from, Math.min(from + CHUNK, charges.size()));
            try {
                outcomes.addAll(intake(chunk));
            } catch (RuntimeException chunkFailed) {
                log.info(
                        "A chunk of {} charges failed as a whole ({}); taking them one charge per transaction",
                        chunk.size(),
                        chunkFailed.getClass().getSimpleName());
                for (NewCharge in : chunk) {
                    outcomes.add(intakeAlone(in));
                }
            }
        }
        return outcomes;
    }

    private Outcome intakeAlone(NewCharge in) {
        try {
            return intake(List.of(in)).get(0);
        } catch (RuntimeException failed) {
            return new Outcome(null, failed);
        }
    }

    /**
     * The intake of single charges and batches: the new charges of the chunk are inserted (in the
     * order of their ids, so concurrent chunks never wait for each other in a circle) and their
     * processes started in one transaction; a charge already there is compared with what was sent.
     */
    private List<Outcome> intake(List<NewCharge> chunk) {
        Outcome[] outcomes = new Outcome[chunk.size()];
        Map<Integer, Charge> known = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            NewCharge in = chunk.get(i);
            if (routing.isKnown(in.municipalityCode())) {
                known.put(i, charge(in));
            } else {
                outcomes[i] = new Outcome(null, new UnknownMunicipalityException(in.municipalityCode()));
            }
        }
        Set<Integer> created = Set.of();
        try {
            if (!known.isEmpty()) {
                created = tx.execute(status -> insertAndStart(known));
            }
        } catch (DuplicateKeyException alreadyThere) {
            if (known.size() > 1) {
                throw alreadyThere; // which of them is there is not known: the caller takes them one by one
            }
        }
        for (Map.Entry<Integer, Charge> entry : known.entrySet()) {
            outcomes[entry.getKey()] = created.contains(entry.getKey())
                    ? new Outcome(new Intake(ledger.get(entry.getValue().fbsChargeId()), true), null)
                    : existing(entry.getValue());
        }
        return List.of(outcomes);
    }

    private Set<Integer> insertAndStart(Map<Integer, Charge> charges) {
        Set<String> stored = new HashSet<>(ledger.existing(
                charges.values().stream().map(Charge::fbsChargeId).toList()));
        Set<Integer> created = new HashSet<>();
        charges.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(Charge::fbsChargeId)))
                .filter(entry -> stored.add(entry.getValue().fbsChargeId()))
                .forEachOrdered(entry -> {
                    ledger.insert(entry.getValue());
                    ChargeProcess.start(runtimeService, entry.getValue());
                    created.add(entry.getKey());
                });
        return created;
    }

    /** The charge already received under this id: the same one again, or a conflict. */
    private Outcome existing(Charge sent) {
        Charge existing = ledger.get(sent.fbsChargeId());
        return existing.requestHash().equals(sent.requestHash())
                ? new Outcome(new Intake(existing, false), null)
                : new Outcome(null, new ChargeConflictException(sent.fbsChargeId()));
    }

    private static Charge charge(NewCharge in) {
        return new Charge(
                in.fbsChargeId(),
                in.municipalityCode(),
                in.debtorCpr(),
                in.debtorName(),
                in.type(),
                in.amount(),
                in.amount(),
                in.description(),
                in.materialId(),
                in.branch(),
                in.occurredOn(),
                null,
                null,
                ChargeStatus.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                hash(in),
                null,
                null,
                null);
    }

    public Optional<Charge> find(String fbsChargeId) {
        return ledger.find(fbsChargeId);
    }

    public List<TimelineEntry> timeline(String fbsChargeId) {
        return ledger.timeline(fbsChargeId);
    }

    /** Fingerprint of everything FBS sent, to tell a repeated post from a different charge. */
    static String hash(NewCharge c) {
        String canonical = String.join(
                "\u001f",
                c.fbsChargeId(),
                c.municipalityCode(),
                c.debtorCpr(),
                c.debtorName(),
                c.type().name(),
                Long.toString(c.amount().ore()),
                c.description(),
                Objects.toString(c.materialId(), ""),
                Objects.toString(c.branch(), ""),
                c.occurredOn().toString());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
