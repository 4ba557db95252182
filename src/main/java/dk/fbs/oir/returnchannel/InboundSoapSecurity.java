package dk.fbs.oir.returnchannel;

import org.apache.cxf.jaxws.EndpointImpl;

/**
 * The hook where the Serviceplatformen security goes on the SOAP endpoints we host (the return
 * channel): every bean of this type is applied to the endpoint before it is published, e.g. a
 * WS-Security policy with the STS token's checks, and the check of the caller's function
 * certificate (mutual TLS is the server's connector). Without one the endpoint is guarded by
 * HTTP Basic alone (role {@code DEBTOR_SYSTEM}, {@link ReturnChannelConfiguration}).
 */
@FunctionalInterface
public interface InboundSoapSecurity {

    void secure(EndpointImpl endpoint);
}
