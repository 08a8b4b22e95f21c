package ru.appealdesk.max;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of MAX's client only: trusting the certificates of {@code MAX_TRUSTSTORE} (a PKCS12 or JKS file,
 * for the Russian Ministry of Digital Development's root CA MAX's API chains to), never the JVM's defaults changed.
 */
final class MaxTrust {

    private MaxTrust() {
    }

    /** An SSL context trusting the store's certificates; the JVM's default context when none is set. */
    static SSLContext context(MaxProperties properties) {
        try {
            if (!properties.hasTruststore()) {
                return SSLContext.getDefault();
            }
            char[] password = properties.truststorePassword() == null ? null
                    : properties.truststorePassword().toCharArray();
            KeyStore store = load(Path.of(properties.truststore()), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("MAX_TRUSTSTORE cannot be read: " + e.getMessage(), e);
        }
    }

    /** PKCS12 first, then JKS (Java's KeyStore of either type reads both since Java 9, this is belt and braces). */
    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException, IOException {
        GeneralSecurityException first = null;
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password);
                return store;
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                    throw e;
                }
                first = first == null ? new GeneralSecurityException(e.getMessage(), e) : first;
            }
        }
        throw first;
    }
}
