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
 * The practice lab's in-process Kubernetes API server: plain HTTP on 127.0.0.1 serving discovery, CRUD,
 * patch, lists with paging and selectors, server-side Tables and watches (HTTP streaming and WebSocket)
 * from an indexed {@link LabStore}, so kubectl and fabric8 use it as they would a real cluster.
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

    private LabApiServer(LabApiServerOptions options) {
        this.token = options.token() != null ? options.token() : LabRequestGuard.newToken();
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
        return new LabApiServer(options);
    }

    private void ensureNamespace(String name) {
        if (store.get(ResourceTypes.NAMESPACES, null, name).isEmpty()) {
            store.create(ResourceTypes.NAMESPACES, null, Json.parseObject(
                    ("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8)), false);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
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

    /** The kubeconfig text (context {@code pullfix-lab}, namespace default, the server's bearer token). */
    public String kubeconfig() {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: pullfix-lab\n  cluster:\n    server: " + url() + "\n"
                + "contexts:\n- name: pullfix-lab\n  context:\n    cluster: pullfix-lab\n    user: pullfix-lab\n    namespace: default\n"
                + "current-context: pullfix-lab\npreferences: {}\nusers:\n- name: pullfix-lab\n  user:\n    token: " + token + "\n";
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
