package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.MunicipalityAuthorities;
import dk.fbs.oir.debtorsystem.OirProperties;
import dk.fbs.oir.debtorsystem.SecurityModel;
import dk.fbs.oir.wsdl.debitor.KontekstType;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;

/**
 * What Serviceplatformen demands of a request's context on an endpoint with the security model
 * {@code AUTHORITY_CONTEXT} (the simulator demands what our client is configured for): the authority
 * context naming the CVR number of the municipality the call is about, and a call context. Anything
 * else is refused with a SOAP fault, before the debtor system sees the request.
 */
class SimulatedAuthority {

    private final OirProperties endpoints;
    private final MunicipalityAuthorities authorities;

    SimulatedAuthority(OirProperties endpoints, MunicipalityAuthorities authorities) {
        this.endpoints = endpoints;
        this.authorities = authorities;
    }

    void check(DebtorSystem system, KontekstType kontekst) {
        if (endpoints.endpoint(system).getSecurity() != SecurityModel.AUTHORITY_CONTEXT) {
            return;
        }
        if (kontekst.getAuthorityContext() == null || kontekst.getCallContext() == null) {
            throw refused("the request has no AuthorityContext and CallContext");
        }
        String cvr = kontekst.getAuthorityContext().getMunicipalityCVR();
        String expected;
        try {
            expected = authorities.cvr(kontekst.getKommunekode());
        } catch (RuntimeException unknown) {
            throw refused("no authority for the municipality " + kontekst.getKommunekode());
        }
        if (!expected.equals(cvr)) {
            throw refused("the authority " + cvr + " is not the municipality " + kontekst.getKommunekode());
        }
    }

    private static SoapFault refused(String why) {
        return new SoapFault("Serviceplatformen afviser kaldet: " + why, Fault.FAULT_CODE_CLIENT);
    }
}
