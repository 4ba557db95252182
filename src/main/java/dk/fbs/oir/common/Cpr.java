package dk.fbs.oir.common;

import java.time.DateTimeException;
import java.time.LocalDate;

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

  /** {@code DDMMYY-****}: enough for a person to recognise the citizen, not to identify them. */
  public static String mask(String cpr) {
    if (cpr == null || cpr.length() < 6) {
      return "******-****";
    }
    return cpr.substring(0, 6) + "-****";
  }
}
