package dk.fbs.oir.charge;

/** Another charge was already received under this FBS charge id. */
public class ChargeConflictException extends RuntimeException {

    public ChargeConflictException(String fbsChargeId) {
        super("Gebyret " + fbsChargeId + " er allerede modtaget med et andet indhold");
    }
}
