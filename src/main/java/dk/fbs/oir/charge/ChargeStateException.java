package dk.fbs.oir.charge;

/** The charge is in a state where the request makes no sense (answered 409). */
public class ChargeStateException extends RuntimeException {

    public ChargeStateException(String message) {
        super(message);
    }
}
