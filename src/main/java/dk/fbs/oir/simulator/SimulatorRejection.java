package dk.fbs.oir.simulator;

/** A business rejection by the simulated debtor system; becomes the SOAP fault Forretningsfejl. */
class SimulatorRejection extends RuntimeException {

    private final String code;

    SimulatorRejection(String code, String text) {
        super(text);
        this.code = code;
    }

    String code() {
        return code;
    }
}
