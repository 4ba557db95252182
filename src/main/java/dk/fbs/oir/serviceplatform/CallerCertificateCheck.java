package dk.fbs.oir.serviceplatform;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.transport.TLSSessionInfo;

/**
 * What the demo's Serviceplatformen demands of every caller before it reads a request: a TLS client
 * certificate whose chain leads to a trusted authority, valid now and not revoked. Anything else is
 * refused with a SOAP fault (a technical error for the caller, retried and then an incident). The
 * TLS connector accepts any client certificate on purpose, so that the refusal is this SOAP fault.
 */
public class CallerCertificateCheck extends AbstractPhaseInterceptor<Message> {

    private final KeyStore trusted;
    private final Supplier<Date> now;
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();

    public CallerCertificateCheck(KeyStore trusted, Supplier<Date> now) {
        super(Phase.RECEIVE);
        this.trusted = trusted;
        this.now = now;
    }

    /** KOMBIT revokes a system's certificate (its service agreement ended): calls with it are refused. */
    public void revoke(X509Certificate certificate) {
        revoked.add(certificate.getSerialNumber());
    }

    public void restore(X509Certificate certificate) {
        revoked.remove(certificate.getSerialNumber());
    }

    @Override
    public void handleMessage(Message message) {
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        if (tls == null) {
            throw refused("only over TLS");
        }
        if (tls.getPeerCertificates() == null || tls.getPeerCertificates().length == 0) {
            throw refused("no client certificate");
        }
        List<X509Certificate> chain = Arrays.stream(tls.getPeerCertificates())
                .map(X509Certificate.class::cast)
                // the authority itself is the trust anchor, not part of the path to it
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .toList();
        if (chain.isEmpty()) {
            throw refused("a self-signed client certificate");
        }
        if (revoked.contains(chain.get(0).getSerialNumber())) {
            throw refused("the client certificate is revoked");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(trusted);
            parameters.setRevocationEnabled(false);
            parameters.setDate(now.get());
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
        } catch (GeneralSecurityException untrusted) {
            throw refused("the client certificate is not trusted: " + untrusted.getMessage());
        }
    }

    private static Fault refused(String why) {
        return new SoapFault("Serviceplatformen afviser kaldet: " + why, Fault.FAULT_CODE_CLIENT);
    }
}
