package dk.fbs.oir.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * CPR numbers: ten digits, the first six a valid date DDMMYY. Modulus 11 is deliberately not
 * checked (numbers without it have been issued since 2007). A CPR number is sensitive: show it
 * masked, never log it, never put it in a URL.
 */
public final class Cpr {

    private Cpr() {}

    public static boolean isValid(String cpr) {
        if (cpr == null || !cpr.matches("\\d{10}")) {
            return false;
        }
        int day = Integer.parseInt(cpr.substring(0, 2));
        int month = Integer.parseInt(cpr.substring(2, 4));
        int yy = Integer.parseInt(cpr.substring(4, 6));
        // the century comes from the 7th digit; a date valid in either 1900s or 2000s is accepted
        return isDate(1900 + yy, month, day) || isDate(2000 + yy, month, day);
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * The birth date, with the century from the 7th digit (CPR-kontoret's table). Empty when the
     * first six digits are not a date in that century.
     */
    public static Optional<LocalDate> birthDate(String cpr) {
        if (!isValid(cpr)) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(cpr.substring(4, 6));
        int seventh = cpr.charAt(6) - '0';
        int century;
        if (seventh <= 3) {
            century = 1900;
        } else if (seventh == 4 || seventh == 9) {
            century = yy <= 36 ? 2000 : 1900;
        } else {
            century = yy <= 57 ? 2000 : 1800;
        }
        try {
            return Optional.of(LocalDate.of(
                    century + yy, Integer.parseInt(cpr.substring(2, 4)), Integer.parseInt(cpr.substring(0, 2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the citizen was under 18 on the given day (unknown birth dates count as adult). */
    public static boolean isUnder18(String cpr, LocalDate on) {
        return birthDate(cpr).map(born -> born.plusYears(18).isAfter(on)).orElse(false);
    }

    /** {@code DDMMYY-****}: enough for a person to recognise the citizen, not to identify them. */
    public static String mask(String cpr) {
        if (cpr == null || cpr.length() < 6) {
            return "******-****";
        }
        return cpr.substring(0, 6) + "-****";
    }
}
