package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as Go's net/http (containerd) reads them. */
class EnvProxySelectorTest {
    static final EnvProxySelector SEL = new EnvProxySelector(Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
            "http_proxy", "proxy.corp:8080", "NO_PROXY", "internal.example, .svc.local,10.0.0.0/8, quay.io:8443,*.ecr.aws"));

    @ParameterizedTest
    @CsvSource({
        "https://registry-1.docker.io/v2/, proxy.corp:3128",
        "http://registry.plain.example/v2/, proxy.corp:8080",
        "https://internal.example/v2/, DIRECT",
        "https://reg.internal.example/v2/, DIRECT",
        "https://svc.local/v2/, proxy.corp:3128",
        "https://a.svc.local/v2/, DIRECT",
        "https://10.1.2.3:5000/v2/, DIRECT",
        "https://11.1.2.3/v2/, proxy.corp:3128",
        "https://quay.io:8443/v2/, DIRECT",
        "https://quay.io/v2/, proxy.corp:3128",
        "https://public.ecr.aws/v2/, DIRECT",
        "https://localhost:5000/v2/, DIRECT",
        "https://127.0.0.1:5000/v2/, DIRECT",
        "https://[::1]:5000/v2/, DIRECT"})
    void choosesTheProxyAsGoDoes(String url, String expected) {
        Proxy p = SEL.select(URI.create(url)).get(0);
        String got = p.type() == Proxy.Type.DIRECT ? "DIRECT"
                : ((InetSocketAddress) p.address()).getHostString() + ":" + ((InetSocketAddress) p.address()).getPort();
        assertThat(got).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"*, https://anything.example/v2/"})
    void aStarBypassesEverything(String noProxy, String url) {
        EnvProxySelector s = new EnvProxySelector(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", noProxy));
        assertThat(s.select(URI.create(url)).get(0).type()).isEqualTo(Proxy.Type.DIRECT);
    }
}
