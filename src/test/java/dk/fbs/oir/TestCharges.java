package dk.fbs.oir;

import dk.fbs.oir.charge.ChargeService.NewCharge;
import dk.fbs.oir.charge.ChargeType;
import dk.fbs.oir.common.Money;
import java.time.LocalDate;

/** Charges and request bodies for tests. */
public final class TestCharges {

    /** A CPR number the simulator knows (any whose last four digits are not 0000). */
    public static final String CPR = "0101901234";
    /** A CPR number the simulator rejects as an unknown debtor. */
    public static final String UNKNOWN_DEBTOR_CPR = "0101900000";

    private TestCharges() {}

    public static NewCharge charge(String id, String municipalityCode) {
        return charge(id, municipalityCode, CPR, LocalDate.of(2026, 11, 20));
    }

    public static NewCharge charge(String id, String municipalityCode, String cpr, LocalDate occurredOn) {
        return new NewCharge(
                id,
                municipalityCode,
                cpr,
                "Jens Hansen",
                ChargeType.OVERDUE_FEE,
                Money.ofOre(12500),
                "Overskredet lånetid",
                "870970-basis:12345678",
                "Hovedbiblioteket",
                occurredOn);
    }

    /** The request body of the example, for another id and municipality. */
    public static String json(String id, String municipalityCode) {
        return """
        {"fbsChargeId":"%s","municipalityCode":"%s","debtor":{"cpr":"0101901234","name":"Jens Hansen"},\
        "type":"OVERDUE_FEE","amount":"125.00","description":"Overskredet lånetid",\
        "materialId":"870970-basis:12345678","branch":"Esbjerg Hovedbibliotek","occurredOn":"2026-11-20"}""".formatted(id, municipalityCode);
    }
}
