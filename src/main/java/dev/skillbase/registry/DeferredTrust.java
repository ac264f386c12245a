package dev.skillbase.registry;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of skillbase's HTTP clients: the JDK's default one, except that the trust store is read when a
 * connection first checks a certificate rather than when the client is built. {@link java.net.http.HttpClient}
 * takes {@link SSLContext#getDefault()} as it is built, which reads and parses every certificate of the JDK's trust
 * store even for a client that only ever talks plain HTTP to a local registry (a tenth of such a command's time).
 *
 * <p>The certificates are checked by the trust manager the JDK's default context would use (the default algorithm,
 * over {@code javax.net.ssl.trustStore} or the JDK's {@code cacerts}), and the protocols and cipher suites are the
 * defaults of a TLS context. When any {@code javax.net.ssl.keyStore*} property is set (client certificates), the
 * JDK's default context itself is used.
 */
public final class DeferredTrust {
    private DeferredTrust() {
    }

    /** A TLS context for an HTTP client, as described above. */
    public static SSLContext context() {
        try {
            if (System.getProperty("javax.net.ssl.keyStore") != null
                    || System.getProperty("javax.net.ssl.keyStoreType") != null
                    || System.getProperty("javax.net.ssl.keyStoreProvider") != null) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new DefaultTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable TLS implementation", e);
        }
    }

    /** Delegates to the JDK's default trust manager, made on first use. */
    static final class DefaultTrustManager extends X509ExtendedTrustManager {
        private volatile X509ExtendedTrustManager delegate;

        private X509ExtendedTrustManager delegate() throws CertificateException {
            X509ExtendedTrustManager made = delegate;
            if (made == null) {
                synchronized (this) {
                    made = delegate;
                    if (made == null) {
                        made = defaultTrustManager();
                        delegate = made;
                    }
                }
            }
            return made;
        }

        private static X509ExtendedTrustManager defaultTrustManager() throws CertificateException {
            try {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509ExtendedTrustManager x509) {
                        return x509;
                    }
                }
                throw new CertificateException("the JDK's default trust manager does not check X.509 certificates");
            } catch (NoSuchAlgorithmException | KeyStoreException e) {
                throw new CertificateException("cannot read the trust store: " + e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return delegate().getAcceptedIssuers();
            } catch (CertificateException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
