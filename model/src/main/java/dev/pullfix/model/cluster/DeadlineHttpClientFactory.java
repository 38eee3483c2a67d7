package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Duration;

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

    @Override
    public HttpClient.Builder newBuilder() {
        HttpClient.Builder b = jdk.newBuilder();
        b.addOrReplaceInterceptor(RequestDeadlines.NAME, new RequestDeadlines(total, idle, retry));
        return b;
    }
}
