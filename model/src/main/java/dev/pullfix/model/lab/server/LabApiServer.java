package dev.pullfix.model.lab.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The practice lab's in-process Kubernetes API server: HTTPS on 127.0.0.1 serving discovery, CRUD,
 * patch, lists with paging and selectors, server-side Tables and watches (HTTP streaming and WebSocket)
 * from an indexed {@link LabStore}, so kubectl and fabric8 use it as they would a real cluster. Like a real
 * cluster it serves TLS with a certificate from its own CA (made at start, key in memory only; the kubeconfig it
 * writes carries the CA as {@code certificate-authority-data}) and requires the bearer token of that kubeconfig.
 *
 * <pre>{@code
 * try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults())) {
 *     LabPopulation.generate(server.store(), LabPopulation.Spec.of(1000));
 *     server.writeKubeconfig(dir.resolve("kubeconfig"));
 *     ...
 * }
 * }</pre>
 */
public final class LabApiServer implements AutoCloseable {
    private final LabStore store;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup connections = new DefaultChannelGroup("lab-apiserver", GlobalEventExecutor.INSTANCE);
    private final int port;
    private final String token;
    private final LabCertificates certificates;

    private LabApiServer(LabApiServerOptions options, LabCertificates keep) {
        this.token = options.token() != null ? options.token() : LabRequestGuard.newToken();
        this.certificates = !options.tls() ? null : keep != null ? keep : LabCertificates.generate();
        this.store = new LabStore(options.changeWindow(), options.clock());
        this.group = new MultiThreadIoEventLoopGroup(Math.max(1, options.ioThreads()), NioIoHandler.newFactory());
        try {
            ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            Discovery d = discovery;
                            if (certificates != null) {
                                ch.pipeline().addLast(new SslHandler(certificates.newServerEngine()));
                            }
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024 * 1024),
                                    new ChunkedWriteHandler(), new HttpFront(store, d, options, token));
                        }
                    });
            this.serverChannel = b.bind(new InetSocketAddress("127.0.0.1", options.port())).sync().channel();
            this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
            this.discovery = new Discovery("127.0.0.1:" + port);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the lab API server", e);
        } catch (Exception e) { // netty rethrows the checked BindException from sync()
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + options.port() + ": " + Json.firstLine(e), e);
        }
        ensureNamespace("default");
        ensureNamespace("kube-system");
        ensureNamespace("kube-public");
        ensureNamespace("kube-node-lease");
    }

    private volatile Discovery discovery;

    /** Starts the server (binding 127.0.0.1) with the built-in namespaces default, kube-system, kube-public, kube-node-lease. */
    public static LabApiServer start(LabApiServerOptions options) {
        return new LabApiServer(options, null);
    }

    /**
     * Starts a server as a stopped one would come back after a restart: on its port, with its certificates and its
     * token (so its kubeconfig still works), but with a new, empty store; other settings from {@code options}.
     */
    public static LabApiServer restart(LabApiServer previous, LabApiServerOptions options) {
        LabApiServerOptions o = options.withPort(previous.port).withToken(previous.token);
        if ((previous.certificates != null) != o.tls()) {
            throw new IllegalArgumentException("a restart keeps the scheme: " + previous.url());
        }
        return new LabApiServer(o, previous.certificates);
    }

    private void ensureNamespace(String name) {
        if (store.get(ResourceTypes.NAMESPACES, null, name).isEmpty()) {
            store.create(ResourceTypes.NAMESPACES, null, Json.parseObject(
                    ("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8)), false);
        }
    }

    /** {@code https://127.0.0.1:PORT} ({@code http://} only when started with plain HTTP for a benchmark). */
    public String url() {
        return (certificates != null ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /**
     * kubeconfig's {@code certificate-authority-data}: the server's CA in PEM, Base64-encoded; null for a plain-HTTP
     * server.
     */
    public String certificateAuthorityData() {
        return certificates == null ? null : certificates.caData();
    }

    /** The server's CA certificate in PEM (for {@code curl --cacert}); null for a plain-HTTP server. */
    public String certificateAuthorityPem() {
        return certificates == null ? null : certificates.caPem();
    }

    /**
     * A TLS context for Java clients that trusts this server's CA and nothing else (readiness checks, tests); the
     * JDK's default context for a plain-HTTP server.
     */
    public javax.net.ssl.SSLContext clientSslContext() {
        if (certificates == null) {
            try {
                return javax.net.ssl.SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificates.trustingContext();
    }

    public int port() {
        return port;
    }

    /** The store behind the server: preload, put, patch and delete without HTTP. */
    public LabStore store() {
        return store;
    }

    /** Shorthand for {@code store().listen(listener)}. */
    public AutoCloseable listen(Consumer<Change> listener) {
        return store.listen(listener);
    }

    /**
     * The bearer token every request must carry ({@code Authorization: Bearer ...}); only {@code GET /version},
     * {@code /healthz}, {@code /livez} and {@code /readyz} answer without it, as on a real cluster.
     */
    public String token() {
        return token;
    }

    /** The kubeconfig text (context {@code pullfix-lab}, namespace default, the server's CA and bearer token). */
    public String kubeconfig() {
        return kubeconfig("pullfix-lab");
    }

    /**
     * The kubeconfig text with one cluster, user and context all named {@code name} (namespace default): the server's
     * URL and CA ({@code certificate-authority-data}) and its bearer token.
     */
    public String kubeconfig(String name) {
        String ca = certificateAuthorityData();
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: " + name + "\n  cluster:\n    server: " + url() + "\n"
                + (ca == null ? "" : "    certificate-authority-data: " + ca + "\n")
                + "contexts:\n- name: " + name + "\n  context:\n    cluster: " + name + "\n    user: " + name
                + "\n    namespace: default\ncurrent-context: " + name + "\npreferences: {}\nusers:\n- name: " + name
                + "\n  user:\n    token: " + token + "\n";
    }

    /** Writes {@link #kubeconfig()} to {@code file} (parent directories created) and returns it. */
    public Path writeKubeconfig(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, kubeconfig(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends all watches and connections and stops the server. Idempotent. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        store.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
