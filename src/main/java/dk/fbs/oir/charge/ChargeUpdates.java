package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.COLLECTION_OUTCOME;
import static dk.fbs.oir.charge.ChargeProcess.COLLECTION_OUTCOME_TEXT;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_TEXT;
import static dk.fbs.oir.charge.ChargeProcess.DUE_DATE;
import static dk.fbs.oir.charge.ChargeProcess.LAST_PAY_DATE;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway.DebtorEvent;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes a running charge from outside its process: FBS' cancellations and
 * disputes, and the debtor system's events. The ledger is updated first, the process is told
 * second: a message the process is not waiting for is not lost, because the process reads the
 * ledger's balance at its next wait.
 */
@Service
public class ChargeUpdates {

  /** Statuses in which a charge is over. */
  public static final Set<ChargeStatus> FINAL = EnumSet.of(ChargeStatus.HANDLED_IN_FBS, ChargeStatus.PAID,
      ChargeStatus.CANCELLED, ChargeStatus.COLLECTED, ChargeStatus.WRITTEN_OFF);

  /** What became of an event. */
  public enum Outcome {
    APPLIED,
    /** Older than what the charge already shows, or nothing to change. */
    IGNORED,
    /** For a claim we do not know: kept for an operator. */
    PARKED,
    /** For a claim whose submission has not committed yet: read again next time. */
    NOT_YET
  }

  private final ChargeLedger ledger;
  private final RuntimeService runtimeService;
  private final ChargeFacts facts;

  public ChargeUpdates(ChargeLedger ledger, RuntimeService runtimeService, ChargeFacts facts) {
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.facts = facts;
  }

  /** Reasons FBS gives for a cancellation. */
  public enum CancellationReason {
    MATERIAL_RETURNED("materialet er afleveret"),
    FEE_WAIVED("gebyret er eftergivet"),
    ENTERED_BY_MISTAKE("oprettet ved en fejl");

    private final String text;

    CancellationReason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  @Transactional
  public Charge cancel(String fbsChargeId, CancellationReason reason, String note) {
    Charge charge = existing(fbsChargeId);
    if (FINAL.contains(charge.status())) {
      throw new ChargeStateException("The charge is " + charge.status() + " and cannot be cancelled");
    }
    String text = reason.text() + (note == null || note.isBlank() ? "" : " (" + note.trim() + ")");
    correlate(charge, ChargeProcess.Message.CancellationRequested, Map.of(CANCELLATION_REASON.name(), text),
        "The charge cannot be cancelled right now; try again");
    return ledger.get(fbsChargeId);
  }

  @Transactional
  public Charge dispute(String fbsChargeId, String text) {
    Charge charge = existing(fbsChargeId);
    switch (charge.status()) {
      case INVOICED, REMINDED -> { }
      case DISPUTED -> throw new ChargeStateException("The charge is already disputed; a caseworker is deciding");
      case IN_COLLECTION -> throw new ChargeStateException(
          "The charge is in collection; the citizen's objection goes to Gældsstyrelsen");
      default -> throw new ChargeStateException("The charge is " + charge.status() + ": only an invoiced charge can be"
          + " disputed" + (FINAL.contains(charge.status()) ? "" : "; try again when it is invoiced"));
    }
    correlate(charge, ChargeProcess.Message.DisputeReceived, Map.of(DISPUTE_TEXT.name(), text),
        "The charge cannot be disputed right now; try again");
    return ledger.get(fbsChargeId);
  }

  /** Applies one debtor-system event, in the caller's transaction. */
  public Outcome apply(DebtorEvent event) {
    Charge charge = event.fbsChargeId() == null ? null : ledger.find(event.fbsChargeId()).orElse(null);
    if (charge == null) {
      return Outcome.PARKED;
    }
    if (charge.debtorSystemClaimId() == null) {
      return FINAL.contains(charge.status()) ? Outcome.PARKED : Outcome.NOT_YET;
    }
    if (!charge.debtorSystemClaimId().equals(event.claimId())) {
      return Outcome.PARKED;
    }
    if (!ledger.acceptEvent(charge.fbsChargeId(), event.seq(), event.occurredAt())) {
      return Outcome.IGNORED;
    }
    long balance = Money.toOre(event.balance());
    String amount = event.amount() == null ? "" : event.amount() + " kr.";
    switch (event.kind()) {
      case "OPKRAEVNING_UDSENDT" -> correlateIfWaiting(charge, ChargeProcess.Message.InvoiceIssued,
          Map.of(DUE_DATE.name(), event.dueDate().toString(), LAST_PAY_DATE.name(), event.lastPayDate().toString()));
      case "INDBETALING_MODTAGET" -> paid(charge, balance, event.state(), event.occurredAt(),
          "Indbetaling " + amount + " modtaget i debitorsystemet; restsaldo " + event.balance() + " kr.");
      case "INDDRIVELSE_AFSLUTTET" -> collectionOutcome(charge, "COLLECTED", event.text());
      case "INDDRIVELSE_RETURNERET" -> collectionOutcome(charge, "RETURNED", event.text());
      case "FORDRING_AFSKREVET" -> {
        if (charge.status() == ChargeStatus.IN_COLLECTION) {
          collectionOutcome(charge, "WRITTEN_OFF", event.text());
        }
      }
      case "FORDRING_AENDRET_MANUELT" -> {
        ledger.recordBalance(charge.fbsChargeId(), balance, event.occurredAt(), null,
            "Ændret manuelt i debitorsystemet" + (event.text() == null ? "" : ": " + event.text())
                + "; restsaldo " + event.balance() + " kr.");
        setBalance(charge, balance);
        correlateIfWaiting(charge, ChargeProcess.Message.PaymentReceived, Map.of(BALANCE_ORE.name(), balance));
      }
      default -> { } // our own requests confirmed (created, reminded, transferred, credited): freshness only
    }
    return Outcome.APPLIED;
  }

  /**
   * A payment taken at the library reached the debtor system: its answer gives the balance at
   * once, and the process hears of it as of any payment.
   */
  public void paymentForwarded(Charge charge, ClaimState claim, String text) {
    paid(charge, Money.toOre(claim.balance()), claim.state(), claim.changedAt(), text);
  }

  /** A payment lowered the balance: the ledger first, then the process (or PSRM's outcome in collection). */
  private void paid(Charge charge, long balanceOre, String claimState, OffsetDateTime confirmedAt, String text) {
    ledger.recordBalance(charge.fbsChargeId(), balanceOre, confirmedAt, null, text);
    setBalance(charge, balanceOre);
    if ("INDDREVET".equals(claimState)) {
      collectionOutcome(charge, "COLLECTED", "Betalt under inddrivelse");
    } else {
      correlateIfWaiting(charge, ChargeProcess.Message.PaymentReceived, Map.of(BALANCE_ORE.name(), balanceOre));
    }
  }

  private void collectionOutcome(Charge charge, String outcome, String text) {
    correlateIfWaiting(charge, ChargeProcess.Message.CollectionOutcome,
        Map.of(COLLECTION_OUTCOME.name(), outcome, COLLECTION_OUTCOME_TEXT.name(), text == null ? "" : text));
  }

  /**
   * The process reads the balance at its next wait, whether or not it waits for a payment now; an
   * open task shows it at once.
   */
  private void setBalance(Charge charge, long balanceOre) {
    ProcessInstance instance = instance(charge);
    if (instance != null) {
      runtimeService.setVariable(instance.getId(), BALANCE_ORE.name(), balanceOre);
      facts.refresh(ledger.get(charge.fbsChargeId()), instance.getId());
    }
  }

  private void correlateIfWaiting(Charge charge, ChargeProcess.Message message, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(message.name())
        .processInstanceBusinessKey(charge.fbsChargeId())
        .setVariables(variables)
        .correlateAllWithResult();
  }

  private void correlate(Charge charge, ChargeProcess.Message message, Map<String, Object> variables,
      String whenNotWaiting) {
    boolean delivered = !runtimeService.createMessageCorrelation(message.name())
        .processInstanceBusinessKey(charge.fbsChargeId())
        .setVariables(variables)
        .correlateAllWithResult()
        .isEmpty();
    if (!delivered) {
      throw new ChargeStateException(whenNotWaiting);
    }
  }

  private ProcessInstance instance(Charge charge) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ChargeProcess.KEY)
        .processInstanceBusinessKey(charge.fbsChargeId())
        .singleResult();
  }

  private Charge existing(String fbsChargeId) {
    return ledger.find(fbsChargeId).orElseThrow(() -> new ChargeNotFoundException(fbsChargeId));
  }
}
