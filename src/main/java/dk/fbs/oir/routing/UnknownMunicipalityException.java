package dk.fbs.oir.routing;

/** The routing register has no municipality with this code. Never routed by default. */
public class UnknownMunicipalityException extends RuntimeException {

    private final String municipalityCode;

    public UnknownMunicipalityException(String municipalityCode) {
        super("Ukendt kommunekode '" + municipalityCode + "': den findes ikke i dmn/debtor-routing.dmn");
        this.municipalityCode = municipalityCode;
    }

    public String municipalityCode() {
        return municipalityCode;
    }
}
