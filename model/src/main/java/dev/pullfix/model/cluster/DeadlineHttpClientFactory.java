package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.TrustManager;

/**
 * fabric8's JDK HTTP client with {@link RequestDeadlines} as its first interceptor, so that its byte counter
 * sits next to the body and its retry comes before any other interceptor's.
 */
final class DeadlineHttpClientFactory implements HttpClient.Factory {

    private final JdkHttpClientFactory jdk = new JdkHttpClientFactory();
    private final Duration total;
    private final Duration idle;
    private final boolean retry;

    DeadlineHttpClientFactory(Duration total, Duration idle, boolean retry) {
        this.total = total;
        this.idle = idle;
        this.retry = retry;
    }

    /**
     * fabric8's common configuration (timeouts, proxy, TLS, auth interceptors), with {@link CaFirstTrustManager} as the
     * trust when the kubeconfig names a CA: fabric8 would build its trust store of the JDK's CAs and the kubeconfig's
     * right here, so it is told to trust all for this one call and its trust is then replaced before anything is sent.
     */
    @Override
    public HttpClient.Builder newBuilder(Config config) {
        TrustManager[] caFirst = CaFirstTrustManager.forConfig(config);
        if (caFirst == null) {
            return HttpClient.Factory.super.newBuilder(config);
        }
        HttpClient.Builder b;
        config.setTrustCerts(true);
        try {
            b = HttpClient.Factory.super.newBuilder(config);
        } finally {
            config.setTrustCerts(false);
        }
        try {
            b.sslContext(SSLUtils.keyManagers(config), caFirst);
        } catch (IOException | GeneralSecurityException e) {
            throw KubernetesClientException.launderThrowable(e);
        }
        return b;
    }

    @Override
    public HttpClient.Builder newBuilder() {
        HttpClient.Builder b = jdk.newBuilder();
        b.addOrReplaceInterceptor(RequestDeadlines.NAME, new RequestDeadlines(total, idle, retry));
        return b;
    }
}
