package dk.fbs.oir.common;

import java.math.BigDecimal;

/**
 * An amount of Danish kroner, exact to the øre and kept as whole øre: the one money type on our side
 * of every boundary. Never floating point; more than two decimals is an error, never rounded.
 */
public record Money(long ore) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofOre(long ore) {
        return new Money(ore);
    }

    /** Kroner with at most two decimals; more decimals throw {@link ArithmeticException}. */
    public static Money ofKroner(BigDecimal kroner) {
        return new Money(kroner.movePointRight(2).longValueExact());
    }

    /** Null stays null: for optional amounts on the wire. */
    public static Money ofKronerOrNull(BigDecimal kroner) {
        return kroner == null ? null : ofKroner(kroner);
    }

    /** Kroner with two decimals, as on the wire and in FBS' contract. */
    public BigDecimal kroner() {
        return BigDecimal.valueOf(ore, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(ore, other.ore));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(ore, other.ore));
    }

    public int signum() {
        return Long.signum(ore);
    }

    public boolean isPositive() {
        return ore > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    /** {@code 125.00}: kroner with two decimals. */
    @Override
    public String toString() {
        return kroner().toPlainString();
    }
}
