package dev.pullfix.cli;

import dev.pullfix.model.cluster.Kubeconfig;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Start-up work a command will do whatever its options say, begun on a second thread before picocli reads the
 * command line (picocli's reflection over the command keeps one core busy for a while at every start): the
 * kubeconfig's Jackson binding, the TLS providers and the JDK's CA certificates of the commands that talk to a
 * cluster. Reads no file of the user's and connects nowhere; each answer is still fetched when the command asks.
 * When the work is already done or not needed, nothing is lost but the second core's time.
 */
final class Prewarm {
    /** The commands whose first steps are to load the kubeconfig and open a TLS connection to the API server. */
    private static final Set<String> CLUSTER_FIRST = Set.of("events", "diagnose", "pods");

    private Prewarm() {
    }

    /** Starts the work for the command {@code first} names (the first argument), if it has any. */
    static void start(String first) {
        if (!CLUSTER_FIRST.contains(first)) {
            return;
        }
        Thread t = new Thread(Prewarm::cluster, "pullfix-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void cluster() {
        try {
            ClusterOptions.quietLogging();
            Kubeconfig.warmUp();
            SSLContext.getInstance("TLSv1.3");
            KeyStore.getInstance("PKCS12");
            CertificateFactory.getInstance("X.509");
            // the JDK's CA certificates: fabric8's trust store holds them beside the kubeconfig's CA, and the JDK's
            // host-name check reads them again; both find them parsed (the X.509 factory keeps what it parsed)
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
        } catch (Exception | LinkageError e) {
            // only time is lost: the command does the same work itself when it gets there
        }
    }
}
