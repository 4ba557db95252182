package dk.fbs.oir.common;

import java.math.BigDecimal;

/** Danish kroner as exact decimals; stored and summed as whole øre (long). Never floating point. */
public final class Money {

  private Money() {}

  /** Kroner with at most two decimals to øre; more decimals are an error, never rounded. */
  public static long toOre(BigDecimal kroner) {
    return kroner.movePointRight(2).longValueExact();
  }

  public static BigDecimal toKroner(long ore) {
    return BigDecimal.valueOf(ore, 2);
  }
}
