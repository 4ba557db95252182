package dk.fbs.oir.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of money FBS sends: kroner written as digits with at most two decimals ({@code "125.00"},
 * {@code "125.5"}, {@code "125"}), as a JSON string or, read from its literal text, a JSON number.
 * No sign, exponent ({@code "1E+2"}), blanks or thousands separators: those are refused naming the
 * field, never interpreted. How large or small an amount may be is the field's own validation.
 */
final class MoneyInput extends StdScalarDeserializer<BigDecimal> {

    /** The OpenAPI schema's pattern and description of a money input. */
    static final String PATTERN = "^\\d+(\\.\\d{1,2})?$";

    static final String DESCRIPTION = "DKK: digits with at most two decimals, no sign or exponent";
    static final String MESSAGE = "must be kroner written as digits with at most two decimals, e.g. \"125.00\""
            + " (no sign, exponent or blanks)";
    private static final Pattern KRONER = Pattern.compile(PATTERN);

    MoneyInput() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_STRING
                && token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, p);
        }
        String text = p.getText();
        if (!KRONER.matcher(text).matches()) {
            throw InvalidFormatException.from(p, MESSAGE, text, BigDecimal.class);
        }
        return new BigDecimal(text);
    }
}
