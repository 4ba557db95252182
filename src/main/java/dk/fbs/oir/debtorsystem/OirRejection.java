package dk.fbs.oir.debtorsystem;

import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * The debtor system refused a request for a business reason (ØiR fault Forretningsfejl): unknown
 * debtor, invalid data, wrong state. Processes model it as a BPMN error; it is never retried.
 * Technical failures (timeouts, transport errors, other SOAP faults) are not this exception: they
 * propagate so the job is retried and finally raises an incident.
 */
public class OirRejection extends RuntimeException {

    private static final String UNKNOWN_CLAIM = "UKENDT_FORDRING";

    private final String code;

    public OirRejection(String code, String text) {
        super(code + ": " + text);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The debtor system does not know the claim (fault code UKENDT_FORDRING). */
    public boolean isUnknownClaim() {
        return UNKNOWN_CLAIM.equals(code);
    }

    /** The rejection as the BPMN error {@code errorCode} of the diagram, its message behind {@code what}. */
    public BpmnError asBpmnError(String errorCode, String what) {
        return new BpmnError(errorCode, what + ": " + getMessage());
    }
}
