package dk.fbs.oir.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import org.springframework.boot.jackson.JsonComponent;

/**
 * Every amount in every answer is kroner as a decimal string with two places ({@code "349.50"}),
 * whichever record carries it: a {@link BigDecimal} in our JSON is always money. An amount with
 * more than two decimals cannot exist in the ledger; writing one fails rather than rounds.
 */
@JsonComponent
class MoneyOutput extends StdSerializer<BigDecimal> {

    MoneyOutput() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal kroner, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(kroner.setScale(2).toPlainString());
    }
}
