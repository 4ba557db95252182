package dk.fbs.oir.routing;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.util.Optional;

/** Where a charge goes: one of the four debtor systems, or it stays in FBS before go-live. */
public enum Route {
  KMD_OPUS(DebtorSystem.KMD_OPUS),
  PRISME_2015(DebtorSystem.PRISME_2015),
  PRISME_2009(DebtorSystem.PRISME_2009),
  EG_OS_INDSIGT(DebtorSystem.EG_OS_INDSIGT),
  FBS_INTERNAL(null);

  private final DebtorSystem debtorSystem;

  Route(DebtorSystem debtorSystem) {
    this.debtorSystem = debtorSystem;
  }

  public Optional<DebtorSystem> debtorSystem() {
    return Optional.ofNullable(debtorSystem);
  }
}
