package dk.fbs.oir.oir;

/**
 * The debtor system refused a request for a business reason (ØiR fault Forretningsfejl): unknown
 * debtor, invalid data, wrong state. Processes model it as a BPMN error; it is never retried.
 * Technical failures (timeouts, transport errors, other SOAP faults) are not this exception: they
 * propagate so the job is retried and finally raises an incident.
 */
public class OirRejection extends RuntimeException {

  private final String code;

  public OirRejection(String code, String text) {
    super(code + ": " + text);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
