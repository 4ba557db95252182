package dk.fbs.oir.charge;

/** No charge with this FBS charge id (answered 404). */
public class ChargeNotFoundException extends RuntimeException {

    public ChargeNotFoundException(String fbsChargeId) {
        super("No charge " + fbsChargeId);
    }
}
