package dev.pullfix.cli;

import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.LabChurn;
import dev.pullfix.model.lab.server.LabPopulation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pullfix apiserver --dir D [--port P] [--pods N]}: runs the lab's Kubernetes API server on 127.0.0.1
 * with N generated pods, writes {@code D/kubeconfig} and {@code D/env.sh} once it answers, and serves until
 * interrupted (SIGINT/SIGTERM close it cleanly).
 */
@Command(name = "apiserver", mixinStandardHelpOptions = true,
        description = "Runs the lab's Kubernetes API server on 127.0.0.1 (for kubectl, the app and scale runs) until interrupted.")
public final class ApiserverCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "D", description = "Where to write kubeconfig and env.sh.")
    Path dir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "TCP port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--pods", paramLabel = "N", defaultValue = "0",
            description = "Generated pods over 50 namespaces, one in ten failing to pull (default: ${DEFAULT-VALUE}).")
    int pods;

    @Option(names = "--changes-per-second", paramLabel = "N", defaultValue = "0",
            description = "Change N random pods a second (restarts; one in five flips between running and failing), as a busy cluster would (default: none).")
    int changesPerSecond;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile LabApiServer running;
    private volatile LabChurn churn;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.pullfix.i18n.apiserver", Locale.getDefault());

    private String t(String key, Object... args) {
        return MessageFormat.format(text.getString(key), args);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (pods < 0 || pods > 1_000_000) {
            err.println("pullfix apiserver: " + t("apiserver.error.pods"));
            return 2;
        }
        if (changesPerSecond < 0 || changesPerSecond > 100_000) {
            err.println("pullfix apiserver: " + t("apiserver.error.changes"));
            return 2;
        }
        if (port < 0 || port > 65535) {
            err.println("pullfix apiserver: --port must be between 0 and 65535");
            return 2;
        }
        LabApiServer server;
        try {
            server = LabApiServer.start(LabApiServerOptions.defaults().withPort(port));
        } catch (RuntimeException e) {
            String why = e.getCause() != null ? oneLine(e.getCause()) : oneLine(e);
            err.println("pullfix apiserver: " + t("apiserver.error.bind", String.valueOf(port), why));
            return 1;
        }
        running = server;
        Thread hook = new Thread(this::stop, "pullfix-apiserver-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LabPopulation.Result r = pods > 0 ? LabPopulation.generate(server.store(), LabPopulation.Spec.of(pods))
                    : new LabPopulation.Result(0, 0, 0, 0, 0, Duration.ZERO);
            if (!answers(server.url(), server.clientSslContext())) {
                err.println("pullfix apiserver: " + t("apiserver.error.notAnswering", server.url()));
                return 1;
            }
            Path kubeconfig = dir.resolve("kubeconfig").toAbsolutePath();
            Path env = dir.resolve("env.sh").toAbsolutePath();
            try {
                server.writeKubeconfig(kubeconfig);
                Files.writeString(env, "export KUBECONFIG='" + kubeconfig.toString().replace("'", "'\\''") + "'\n",
                        StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("pullfix apiserver: " + t("apiserver.error.dir", dir, oneLine(e)));
                return 1;
            }
            if (changesPerSecond > 0) {
                churn = LabChurn.start(server.store(), changesPerSecond);
            }
            out.println(t("apiserver.serving", server.url(), r.pods(), r.failingPods(), r.events(), r.nodes(),
                    r.took().toMillis()));
            out.println(t("apiserver.kubeconfig", kubeconfig));
            out.println(t("apiserver.use", env, kubeconfig));
            out.println(t("apiserver.stop"));
            out.flush();
            stopped.await();
            return 0;
        } catch (RuntimeException e) {
            err.println("pullfix apiserver: " + oneLine(e));
            return 1;
        } finally {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    /** Stops serving (SIGINT/SIGTERM via the shutdown hook, or a test); {@link #call()} then returns 0. */
    void stop() {
        LabApiServer s = running;
        if (s != null && closed.compareAndSet(false, true)) {
            LabChurn c = churn;
            if (c != null) {
                c.close();
            }
            s.close();
            spec.commandLine().getErr().println(t("apiserver.stopped"));
            spec.commandLine().getErr().flush();
        }
        stopped.countDown();
    }

    /** Whether {@code url/version} answers 200, over HTTPS trusting the server's own CA. */
    private static boolean answers(String url, javax.net.ssl.SSLContext tls) {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(tls).build();
        for (int i = 0; i < 20; i++) {
            try {
                HttpResponse<Void> r = c.send(HttpRequest.newBuilder(URI.create(url + "/version")).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String oneLine(Throwable e) {
        return dev.pullfix.app.common.UserText.firstLine(e.getMessage() == null ? "" : e.getMessage());
    }

}
