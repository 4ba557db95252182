package dk.fbs.oir.debtorsystem;

import org.apache.cxf.transport.http.HTTPConduit;

/**
 * Secures a debtor system's CXF client as its endpoint's {@link SecurityModel} demands (TLS with our
 * function certificate on Serviceplatformen); {@link OirClients} calls it once per client.
 */
public interface ClientSecurity {

    void secure(DebtorSystem system, HTTPConduit conduit);
}
