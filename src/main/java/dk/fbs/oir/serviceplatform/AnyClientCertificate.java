package dk.fbs.oir.serviceplatform;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The demo connector's TLS trust manager: lets any client certificate through the handshake, so
 * that {@link CallerCertificateCheck} refuses an untrusted, expired or revoked one with a SOAP fault
 * the caller can read. It names no issuers, so a client offers its certificate whoever issued it.
 * Tomcat creates it by class name ({@code SSLHostConfig.trustManagerClassName}).
 */
public class AnyClientCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // CallerCertificateCheck decides, after the handshake
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server connector trusts no server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
