package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;

/** What makes each simulated debtor system recognisable: its own claim-number format. */
final class Personality {

  private Personality() {}

  /**
   * KMD Opus {@code OP101-00000042}, Prisme 2015 {@code P15/2026/000042}, Prisme 2009
   * {@code 900000042}, EG ØS-indsigt {@code EG-561-0000002A}.
   */
  static String claimId(DebtorSystem system, long claimNo, String municipalityCode, LocalDate today) {
    return switch (system) {
      case KMD_OPUS -> "OP%s-%08d".formatted(municipalityCode, claimNo);
      case PRISME_2015 -> "P15/%d/%06d".formatted(today.getYear(), claimNo);
      case PRISME_2009 -> String.valueOf(900_000_000L + claimNo);
      case EG_OS_INDSIGT -> "EG-%s-%08X".formatted(municipalityCode, claimNo);
    };
  }

  /** The reference a citizen types into the payment solution; none without one. */
  static String paymentReference(DebtorSystem system, long claimNo) {
    if (!system.hasPaymentSolution()) {
      return null;
    }
    return (system == DebtorSystem.KMD_OPUS ? "+71<" : "FIK71-") + "%015d".formatted(claimNo);
  }
}
