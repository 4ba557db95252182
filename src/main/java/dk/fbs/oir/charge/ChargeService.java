package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Receives charges from FBS: exactly one ledger row and one process instance per FBS charge id. */
@Service
public class ChargeService {

  private final ChargeLedger ledger;
  private final RuntimeService runtimeService;
  private final RoutingService routing;
  private final TransactionTemplate tx;

  public ChargeService(ChargeLedger ledger, RuntimeService runtimeService, RoutingService routing,
      TransactionTemplate tx) {
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.routing = routing;
    this.tx = tx;
  }

  /** A charge as FBS sends it. */
  public record NewCharge(String fbsChargeId, String municipalityCode, String debtorCpr, String debtorName,
      ChargeType type, Money amount, String description, String materialId, String branch, LocalDate occurredOn) {}

  /** The charge after intake, and whether this call created it. */
  public record Intake(Charge charge, boolean created) {}

  /**
   * Stores the charge and starts its process in one transaction. The same charge again returns
   * the existing one; another charge under the same id is a {@link ChargeConflictException}.
   * Concurrent posts of one id meet at the primary key: one wins, the others see its charge.
   */
  public Intake receive(NewCharge in) {
    if (!routing.isKnown(in.municipalityCode())) {
      throw new UnknownMunicipalityException(in.municipalityCode());
    }
    Charge charge = new Charge(in.fbsChargeId(), in.municipalityCode(), in.debtorCpr(), in.debtorName(), in.type(),
        in.amount(), in.amount(), in.description(), in.materialId(), in.branch(), in.occurredOn(), null, null,
        ChargeStatus.RECEIVED, null, null, null, null, null, hash(in), null, null, null);
    try {
      tx.executeWithoutResult(status -> {
        ledger.insert(charge);
        ChargeProcess.start(runtimeService, charge);
      });
      return new Intake(ledger.get(charge.fbsChargeId()), true);
    } catch (DuplicateKeyException alreadyThere) {
      Charge existing = ledger.get(charge.fbsChargeId());
      if (!existing.requestHash().equals(charge.requestHash())) {
        throw new ChargeConflictException(charge.fbsChargeId());
      }
      return new Intake(existing, false);
    }
  }

  public Optional<Charge> find(String fbsChargeId) {
    return ledger.find(fbsChargeId);
  }

  public List<TimelineEntry> timeline(String fbsChargeId) {
    return ledger.timeline(fbsChargeId);
  }

  /** Fingerprint of everything FBS sent, to tell a repeated post from a different charge. */
  static String hash(NewCharge c) {
    String canonical = String.join("\u001f", c.fbsChargeId(), c.municipalityCode(), c.debtorCpr(), c.debtorName(),
        c.type().name(), Long.toString(c.amount().ore()), c.description(), Objects.toString(c.materialId(), ""),
        Objects.toString(c.branch(), ""), c.occurredOn().toString());
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
