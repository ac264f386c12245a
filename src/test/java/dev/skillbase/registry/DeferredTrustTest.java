package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredTrustTest {

    @Test
    void offers_the_protocols_and_cipher_suites_of_the_jdks_default_context() throws Exception {
        SSLParameters deferred = DeferredTrust.context().getDefaultSSLParameters();
        SSLParameters jdk = SSLContext.getDefault().getDefaultSSLParameters();

        assertThat(deferred.getProtocols()).containsExactly(jdk.getProtocols());
        assertThat(deferred.getCipherSuites()).containsExactly(jdk.getCipherSuites());
    }

    @Test
    void trusts_the_issuers_of_the_jdks_default_trust_store() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509TrustManager jdk = (X509TrustManager) factory.getTrustManagers()[0];

        X509Certificate[] issuers = new DeferredTrust.DefaultTrustManager().getAcceptedIssuers();

        assertThat(issuers).hasSizeGreaterThan(10).containsExactlyInAnyOrder(jdk.getAcceptedIssuers());
    }

    @Test
    void refuses_a_server_certificate_no_trusted_authority_signed(@TempDir Path dir) throws Exception {
        X509Certificate selfSigned = selfSignedCertificate(dir);
        DeferredTrust.DefaultTrustManager trust = new DeferredTrust.DefaultTrustManager();

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {selfSigned}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    /** A certificate made by the JDK's keytool, signed by its own key. */
    private static X509Certificate selfSignedCertificate(Path dir) throws Exception {
        Path store = dir.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=untrusted.example",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) keys.getCertificate("server");
    }
}
