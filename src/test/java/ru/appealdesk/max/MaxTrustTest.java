package ru.appealdesk.max;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.appealdesk.support.FakeMax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MAX_TRUSTSTORE: a fake MAX served over HTTPS with a self-signed certificate (made by keytool, standing in for the
 * Ministry's root) is refused by the JVM's default trust and reached with the trust store, which changes nothing
 * for the rest of the JVM.
 */
class MaxTrustTest {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    static Path dir;
    private static FakeMax max;
    private static Path truststore;

    @BeforeAll
    static void serveHttpsWithASelfSignedCertificate() throws Exception {
        Path server = dir.resolve("server.p12");
        Path cert = dir.resolve("root.cer");
        truststore = dir.resolve("max-truststore.p12");
        keytool("-genkeypair", "-alias", "max", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Test Root for MAX", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", server.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "max", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "root", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        max = new FakeMax(tls);
    }

    @AfterAll
    static void close() {
        max.close();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    @Test
    void withoutTheTrustStoreTheCallFailsWithItItSucceeds() throws Exception {
        MaxApi untrusting = new MaxClients(max.url(), FakeMax.TOKEN, null, null).api;
        assertThatThrownBy(untrusting::me).isInstanceOfSatisfying(MaxApiException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("unable to find valid certification path");
        });

        MaxApi trusting = new MaxClients(max.url(), FakeMax.TOKEN, truststore.toString(), PASSWORD).api;
        assertThat(trusting.me().path("username").asText()).isEqualTo("test-bot");

        MaxMessenger messenger = new MaxClients(max.url(), FakeMax.TOKEN, truststore.toString(), PASSWORD).messenger;
        assertThat(messenger.send(42L, "over https", null)).startsWith("mid.");
        assertThat(max.violations()).isEmpty();
    }

    @Test
    void theJvmsOwnTrustIsUntouched() throws Exception {
        new MaxClients(max.url(), FakeMax.TOKEN, truststore.toString(), PASSWORD).api.me();

        java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
        assertThatThrownBy(() -> plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(max.url()
                + "/me")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        assertThat(System.getProperty("javax.net.ssl.trustStore")).isNull();
    }

    @Test
    void aWrongPasswordStopsTheStartUp() {
        MaxProperties wrong = new MaxClients(max.url(), FakeMax.TOKEN, null, null).properties;
        MaxProperties withWrongPassword = new MaxProperties(wrong.botToken(), wrong.apiUrl(), wrong.mode(), null,
                null, null, truststore.toString(), "not-the-password", wrong.requestTimeout(), wrong.pollTimeout(),
                wrong.fileDownloadTimeout(), 1, wrong.attachmentBackoff(), true);
        assertThatThrownBy(() -> MaxTrust.context(withWrongPassword)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MAX_TRUSTSTORE cannot be read").hasMessageNotContaining("not-the-password");
    }
}
