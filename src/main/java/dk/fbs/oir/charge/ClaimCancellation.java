package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.debtorsystem.OirRejection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A cancellation (FBS's, or a caseworker's after a dispute) in the debtor system: credits the whole
 * open balance of every claim of the charge, in whatever state; the debtor system recalls a claim
 * from collection. The claims are looked up in the debtor system, so a claim created by a
 * submission still in flight is credited too. A claim settled before the cancellation reached it
 * (paid, collected by PSRM, written off) has nothing left to credit: the charge ends as the debtor
 * system says ({@link Outcome#settledAs()}), not as cancelled.
 */
@Service
public class ClaimCancellation {

    /**
     * The balance after, and the status of the claim settled before the cancellation: null when
     * there was something to credit, or no claim at all.
     */
    public record Outcome(Money balance, ChargeStatus settledAs) {}

    private final ChargeLedger ledger;
    private final OirGateway oir;

    public ClaimCancellation(ChargeLedger ledger, OirGateway oir) {
        this.ledger = ledger;
        this.oir = oir;
    }

    public Outcome cancel(Charge charge, String reason) {
        List<ClaimState> claims = oir
                .searchDebtor(
                        charge.debtorSystem(),
                        charge.municipalityCode(),
                        charge.debtorCpr(),
                        true, // closed ones too: one settled meanwhile has nothing to credit
                        IdempotencyRef.cancellationSearch(charge.fbsChargeId()))
                .stream()
                .filter(c -> c.fbsChargeId().equals(charge.fbsChargeId()))
                .toList();
        List<ClaimState> open =
                claims.stream().filter(c -> c.balance().isPositive()).toList();
        for (ClaimState claim : open) {
            credit(charge, claim, reason);
        }
        Optional<ClaimState> settled = open.isEmpty()
                ? claims.stream().filter(c -> settledAs(c) != null).findFirst()
                : Optional.empty();
        settled.ifPresent(claim -> ledger.recordReportedBalance(charge.fbsChargeId(), claim.balance()));
        return new Outcome(
                ledger.get(charge.fbsChargeId()).balance(),
                settled.map(ClaimCancellation::settledAs).orElse(null));
    }

    private void credit(Charge charge, ClaimState claim, String reason) {
        try {
            ClaimState credited = oir.credit(
                    charge.debtorSystem(),
                    charge.municipalityCode(),
                    claim.claimId(),
                    claim.balance(),
                    reason,
                    IdempotencyRef.cancellationCredit(charge.fbsChargeId(), claim.claimId()));
            ledger.recordBalance(
                    charge.fbsChargeId(),
                    credited.balance(),
                    credited.changedAt(),
                    null,
                    "Fordring " + claim.claimId() + " krediteret med " + claim.balance() + " kr.");
            ledger.expectUpdate(charge.fbsChargeId());
        } catch (OirRejection closedMeanwhile) {
            ledger.recordBalance(
                    charge.fbsChargeId(),
                    charge.balance(),
                    charge.lastConfirmedAt(),
                    null,
                    "Fordring " + claim.claimId() + " kunne ikke krediteres: " + closedMeanwhile.getMessage());
        }
    }

    private static ChargeStatus settledAs(ClaimState claim) {
        return switch (claim.state()) {
            case PAID -> ChargeStatus.PAID;
            case COLLECTED -> ChargeStatus.COLLECTED;
            case WRITTEN_OFF -> ChargeStatus.WRITTEN_OFF;
            default -> null;
        };
    }
}
