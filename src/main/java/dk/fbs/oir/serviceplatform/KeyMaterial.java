package dk.fbs.oir.serviceplatform;

import dk.fbs.oir.debtorsystem.OirProperties.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Our function certificate with its private key and the certificates we trust, read from the
 * configured PKCS#12 files. Errors name the setting and the file, never the password.
 */
public final class KeyMaterial {

    private final KeyStore keyStore;
    private final char[] keyPassword;
    private final KeyStore trustStore;
    private final X509Certificate certificate;

    private KeyMaterial(KeyStore keyStore, char[] keyPassword, KeyStore trustStore, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.keyPassword = keyPassword;
        this.trustStore = trustStore;
        this.certificate = certificate;
    }

    /** Reads both stores; the key store must hold exactly one private key with its certificate. */
    public static KeyMaterial read(Store keyStore, Store trustStore) {
        KeyStore keys = load("oir.key-store", keyStore);
        KeyStore trust = load("oir.trust-store", trustStore);
        try {
            var keyAliases = Collections.list(keys.aliases()).stream()
                    .filter(alias -> isKeyEntry(keys, alias))
                    .toList();
            if (keyAliases.size() != 1) {
                throw new IllegalStateException("oir.key-store " + keyStore + " must hold exactly one private key "
                        + "(the function certificate), it holds " + keyAliases.size());
            }
            X509Certificate certificate = (X509Certificate) keys.getCertificate(keyAliases.get(0));
            if (trust.size() == 0) {
                throw new IllegalStateException("oir.trust-store " + trustStore + " holds no certificate");
            }
            return new KeyMaterial(keys, password(keyStore), trust, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("oir.key-store " + keyStore + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The function certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    public KeyManager[] keyManagers() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, keyPassword);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The function certificate's key cannot be used: " + e.getMessage(), e);
        }
    }

    public TrustManager[] trustManagers() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The trust store cannot be used: " + e.getMessage(), e);
        }
    }

    public KeyStore trustStore() {
        return trustStore;
    }

    static KeyStore load(String setting, Store store) {
        if (store == null || !store.isSet()) {
            throw new IllegalStateException(setting + ".path is not set");
        }
        Path path = Path.of(store.getPath());
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(setting + " " + path + " does not exist or cannot be read");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password(store));
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            // e.g. "keystore password was incorrect": the message never holds the password
            throw new IllegalStateException(setting + " " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static char[] password(Store store) {
        return store.getPassword() == null ? new char[0] : store.getPassword().toCharArray();
    }

    private static boolean isKeyEntry(KeyStore keys, String alias) {
        try {
            return keys.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
