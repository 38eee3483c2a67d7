package dev.pullfix.model.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CNCF distribution registry (Debian's {@code docker-registry}) on a free loopback port, with a config file this
 * class writes: filesystem storage with deletes enabled, and optionally htpasswd Basic auth, TLS, or token auth.
 * Images are pushed with {@code skopeo copy} from an {@link OciLayout}. Close stops the process.
 */
public final class DistributionRegistry implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;
    private final boolean tls;
    private final String pushCreds;

    /** What to configure. */
    public static final class Builder {
        private final Path dir;
        private String htpasswdLine;
        private TestCert tlsCert;
        private String tokenRealm;
        private String tokenService;
        private String tokenIssuer;
        private Path tokenRoots;
        private String pushCreds;

        Builder(Path dir) {
            this.dir = dir;
        }

        /** Basic auth from an htpasswd file (bcrypt, made by {@code htpasswd -Bbn}). */
        public Builder htpasswd(String user, String password) {
            Tools.need("htpasswd");
            this.htpasswdLine = run(List.of("htpasswd", "-Bbn", user, password)).strip();
            this.pushCreds = user + ":" + password;
            return this;
        }

        public Builder tls(TestCert cert) {
            this.tlsCert = cert;
            return this;
        }

        /** Token auth: the registry trusts JWTs signed by {@code signer} from {@code realm}. */
        public Builder token(String realm, String service, String issuer, TestCert signer, String pushUser,
                             String pushPassword) {
            this.tokenRealm = realm;
            this.tokenService = service;
            this.tokenIssuer = issuer;
            this.tokenRoots = signer.certPem();
            this.pushCreds = pushUser + ":" + pushPassword;
            return this;
        }

        public DistributionRegistry start() {
            Tools.need("docker-registry", "skopeo");
            return new DistributionRegistry(this);
        }
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    private DistributionRegistry(Builder b) {
        this.dir = b.dir;
        this.tls = b.tlsCert != null;
        this.pushCreds = b.pushCreds;
        this.port = freePort();
        StringBuilder cfg = new StringBuilder();
        cfg.append("version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n");
        cfg.append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append("\n");
        cfg.append("  delete:\n    enabled: true\n");
        cfg.append("http:\n  addr: 127.0.0.1:").append(port).append("\n  secret: pullfix-test-secret\n");
        if (b.tlsCert != null) {
            cfg.append("  tls:\n    certificate: ").append(b.tlsCert.certPem()).append("\n    key: ")
                    .append(b.tlsCert.keyPem()).append("\n");
        }
        try {
            Files.createDirectories(dir);
            if (b.htpasswdLine != null) {
                Path h = dir.resolve("htpasswd");
                Files.writeString(h, b.htpasswdLine + "\n");
                cfg.append("auth:\n  htpasswd:\n    realm: pullfix-test\n    path: ").append(h).append("\n");
            } else if (b.tokenRealm != null) {
                cfg.append("auth:\n  token:\n    realm: ").append(b.tokenRealm).append("\n    service: ")
                        .append(b.tokenService).append("\n    issuer: ").append(b.tokenIssuer)
                        .append("\n    rootcertbundle: ").append(b.tokenRoots).append("\n");
            }
            Path config = dir.resolve("config.yml");
            Files.writeString(config, cfg.toString());
            this.process = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPort();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + log());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("docker-registry did not listen on " + port + ": " + log());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, the registry host of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String baseUrl() {
        return (tls ? "https://" : "http://") + host();
    }

    /** Pushes {@code ref} of the layout as {@code repository:tag} with skopeo (all platforms of an index). */
    public void push(OciLayout layout, String ref, String repositoryAndTag) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--all", "--quiet", "--preserve-digests",
                "--dest-tls-verify=false"));
        if (pushCreds != null) {
            cmd.add("--dest-creds");
            cmd.add(pushCreds);
        }
        cmd.add("oci:" + layout.dir() + ":" + ref);
        cmd.add("docker://" + host() + "/" + repositoryAndTag);
        run(cmd);
    }

    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd.get(0) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd.get(0) + " failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
