package dk.fbs.oir.debtorsystem;

/**
 * How a debtor system's ØiR endpoint authenticates us on KOMBIT's Serviceplatformen. SF1590's
 * integration package (not public) fixes which one applies, so it is a setting per endpoint
 * ({@code oir.endpoints.<system>.security}).
 */
public enum SecurityModel {
    /** Plain SOAP: the simulator of the embedded run. */
    NONE,
    /**
     * Mutual TLS with our OCES3 function certificate; every request carries the authority context
     * (the municipality's CVR number) and a call context (our call identifier).
     */
    AUTHORITY_CONTEXT,
    /**
     * Mutual TLS plus a SAML holder-of-key token from KOMBIT's STS and signed messages. Not available
     * in this build (see the README, "Connecting to Serviceplatformen"): an endpoint set to it never
     * calls without it; its calls fail and {@code /actuator/health} shows it DOWN.
     */
    TOKEN
}
