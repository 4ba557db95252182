package dk.fbs.oir.api;

/**
 * FBS' texts travel on to the debtor systems in XML, where control characters (NUL, ESC, ...) are
 * not allowed at all: a text with one is refused at the door instead of failing every submission.
 * Tabs and line breaks are fine.
 */
final class PlainText {

    static final String PATTERN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String MESSAGE = "must not contain control characters";

    private PlainText() {}
}
