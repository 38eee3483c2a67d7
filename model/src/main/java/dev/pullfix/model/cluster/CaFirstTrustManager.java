package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust for an API server whose kubeconfig names its CA: the server's chain is checked against that CA first, and
 * against the JDK's own CAs only when that CA does not vouch for it. fabric8 trusts the same certificates by building
 * one trust store of the JDK's ~140 CAs plus the kubeconfig's at every client start, which parses them all for a
 * server that nearly always chains to the kubeconfig's CA (a third of a cold {@code pullfix events}' TLS set-up);
 * here the JDK's are read only when a chain needs them. Host names are verified by the delegates, as before.
 */
final class CaFirstTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager ca;
    private volatile X509ExtendedTrustManager system;

    private CaFirstTrustManager(X509ExtendedTrustManager ca) {
        this.ca = ca;
    }

    /**
     * The CA-first trust for this configuration, or null when it does not name a CA, trusts every certificate or
     * names a trust store (fabric8's own trust then applies unchanged), or when its CA cannot be read here (fabric8
     * then reports it as before).
     */
    static TrustManager[] forConfig(Config config) {
        boolean hasCa = notBlank(config.getCaCertData()) || notBlank(config.getCaCertFile());
        if (!hasCa || config.isTrustCerts() || notBlank(config.getTrustStoreFile())) {
            return null;
        }
        try (InputStream in = CertUtils.getInputStreamFromDataOrFile(config.getCaCertData(), config.getCaCertFile())) {
            if (in == null) {
                return null;
            }
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                return null;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("kubeconfig-ca-" + i++, c);
            }
            return new TrustManager[] {new CaFirstTrustManager(trustManager(store))};
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** The JDK's CAs (javax.net.ssl.trustStore, else jssecacerts or cacerts), read on first need. */
    private X509ExtendedTrustManager system() throws CertificateException {
        X509ExtendedTrustManager s = system;
        if (s == null) {
            try {
                s = trustManager(null);
            } catch (GeneralSecurityException e) {
                throw new CertificateException("the JDK's trust store cannot be read", e);
            }
            system = s;
        }
        return s;
    }

    private interface Check {
        void run(X509ExtendedTrustManager t) throws CertificateException;
    }

    private void either(Check check) throws CertificateException {
        try {
            check.run(ca);
        } catch (CertificateException notByTheCa) {
            try {
                check.run(system());
            } catch (CertificateException notBySystem) {
                notBySystem.addSuppressed(notByTheCa);
                throw notBySystem;
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        either(t -> t.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        either(t -> t.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        either(t -> t.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        either(t -> t.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        either(t -> t.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        either(t -> t.checkClientTrusted(chain, authType));
    }

    /** Both sets of issuers (reads the JDK's; a client's handshake never asks). */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509Certificate[] own = ca.getAcceptedIssuers();
        try {
            X509Certificate[] sys = system().getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(own, own.length + sys.length);
            System.arraycopy(sys, 0, all, own.length, sys.length);
            return all;
        } catch (CertificateException e) {
            return own;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
