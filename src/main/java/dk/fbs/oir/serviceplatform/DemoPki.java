package dk.fbs.oir.serviceplatform;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certificate authority and the certificates it issues, with BouncyCastle: the demo's stand-in
 * for OCES3 (our function certificate) and for Serviceplatformen's server certificate. Never for
 * production: there the certificates come from the issuer, the files from the operator.
 */
public final class DemoPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key pair with its certificate and the chain up to (and including) its authority. */
    public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate... chain) {}

    /** What a certificate is for. */
    public enum Use {
        AUTHORITY,
        CLIENT,
        SERVER
    }

    private DemoPki() {}

    /** A self-signed certificate authority valid in {@code [from, to]}. */
    public static Issued authority(String commonName, Instant from, Instant to) {
        KeyPair keys = rsa();
        X509Certificate certificate = sign(keys, name(commonName), keys, name(commonName), from, to, Use.AUTHORITY);
        return new Issued(keys, certificate, certificate);
    }

    /** A certificate issued by {@code authority}: a function certificate (CLIENT) or a TLS server's for localhost. */
    public static Issued issue(Issued authority, String commonName, Instant from, Instant to, Use use) {
        KeyPair keys = rsa();
        X509Certificate certificate = sign(
                keys,
                name(commonName),
                authority.keys(),
                X500Name.getInstance(
                        authority.certificate().getSubjectX500Principal().getEncoded()),
                from,
                to,
                use);
        return new Issued(keys, certificate, certificate, authority.certificate());
    }

    /** A PKCS#12 key store holding the key with its chain under {@code alias}. */
    public static void writeKeyStore(Path file, char[] password, String alias, Issued entry) {
        write(
                file,
                password,
                keyStore -> keyStore.setKeyEntry(alias, entry.keys().getPrivate(), password, entry.chain()));
    }

    /** A PKCS#12 trust store holding the certificates. */
    public static void writeTrustStore(Path file, char[] password, X509Certificate... trusted) {
        write(file, password, keyStore -> {
            for (int i = 0; i < trusted.length; i++) {
                keyStore.setCertificateEntry("trusted-" + i, trusted[i]);
            }
        });
    }

    private interface Entries {
        void add(KeyStore keyStore) throws GeneralSecurityException;
    }

    private static void write(Path file, char[] password, Entries entries) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            entries.add(keyStore);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                keyStore.store(out, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(
            KeyPair subjectKeys,
            X500Name subject,
            KeyPair issuerKeys,
            X500Name issuer,
            Instant from,
            Instant to,
            Use use) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer,
                            new BigInteger(64, RANDOM).abs(),
                            Date.from(from),
                            Date.from(to),
                            subject,
                            subjectKeys.getPublic())
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            utils.createSubjectKeyIdentifier(subjectKeys.getPublic()))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(use == Use.AUTHORITY));
            if (use == Use.AUTHORITY) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                        .addExtension(
                                Extension.extendedKeyUsage,
                                false,
                                new ExtendedKeyUsage(
                                        use == Use.CLIENT
                                                ? KeyPurposeId.id_kp_clientAuth
                                                : KeyPurposeId.id_kp_serverAuth));
            }
            if (use == Use.SERVER) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue the demo certificate " + subject + ": " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName + ",O=FBS demo,C=DK");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
