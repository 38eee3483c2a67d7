package dev.pullfix.cli;

import dev.pullfix.model.lab.LabSession;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pullfix lab}: runs a practice-lab scenario on loopback (Kubernetes API server + AWS endpoint +
 * simulated kubelet) and prints the shell settings to use it; runs until interrupted.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run a practice-lab scenario (a broken workload on a local cluster and AWS account) until "
                + "interrupted; prints the export lines for kubectl, aws and pullfix.")
public final class LabCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "ID", description = "Scenario S1..S10 (default: S1).")
    String scenario = "S1";

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    @Option(names = "--port", paramLabel = "P", description = "Kubernetes API server port (default: a free one); "
            + "the AWS endpoint takes P+1.")
    int port;

    @Option(names = "--dir", paramLabel = "D", description = "Write kubeconfig, aws-config, aws-credentials and env.sh "
            + "here (default: a new temporary directory).")
    Path dir;

    @Option(names = "--extra-pods", paramLabel = "N", description = "Add N pods over 50 namespaces (one in ten failing).")
    int extraPods;

    @Option(names = "--speed", paramLabel = "X", description = "Lab clock speed against real time (default: 30).")
    double speed = 30;

    @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the scenario titles (default: en).")
    String lang = "en";

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = "ja".equals(lang) ? Locale.JAPANESE : Locale.ENGLISH;
        if (list) {
            for (LabSession.ScenarioInfo s : LabSession.scenarios()) {
                out.println(s.id() + "\t" + s.title(locale));
            }
            out.flush();
            return 0;
        }
        if (port < 0 || port > 65534) {
            err.println("pullfix lab: --port must be 0..65534");
            return 2;
        }
        if (extraPods < 0 || extraPods > 200_000) {
            err.println("pullfix lab: --extra-pods must be 0..200000");
            return 2;
        }
        if (!(speed > 0) || speed > 100_000) {
            err.println("pullfix lab: --speed must be > 0 and at most 100000");
            return 2;
        }
        LabSession lab;
        try {
            lab = LabSession.start(scenario, LabSession.Options.defaults().withPorts(port, port == 0 ? 0 : port + 1)
                    .withDir(dir).withExtraPods(extraPods).withSpeed(speed));
        } catch (IllegalArgumentException e) {
            err.println("pullfix lab: " + e.getMessage());
            return 2;
        }
        Thread hook = new Thread(() -> {
            shutdown(lab);
        }, "pullfix-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            java.util.ResourceBundle text = java.util.ResourceBundle.getBundle("dev.pullfix.i18n.lab", locale);
            if (!answers(lab.apiServer().url() + "/version", lab.apiServer().clientSslContext())
                    || !answers(lab.awsEndpoint() + "/clusters", null)) {
                err.println(text.getString("lab.notAnswering"));
                return 1;
            }
            lab.onLog(m -> {
                out.println("# " + m);
                out.flush();
            });
            out.println(java.text.MessageFormat.format(text.getString("lab.started"), lab.scenario().id(), lab.scenario().title(locale)));
            out.println(java.text.MessageFormat.format(text.getString("lab.servers"), lab.apiServer().url(), lab.awsEndpoint(), lab.dir()));
            out.println(java.text.MessageFormat.format(text.getString("lab.source"), lab.envFile()));
            lab.exportLines().forEach(out::println);
            out.println(java.text.MessageFormat.format(text.getString("lab.endpointHint"), lab.awsEndpoint()));
            out.flush();
            stopped.await();
            return 0;
        } finally {
            shutdown(lab);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /** Ends a running lab as SIGINT/SIGTERM would (tests). */
    void stop() {
        stopped.countDown();
    }

    private void shutdown(LabSession lab) {
        if (closed.compareAndSet(false, true)) {
            lab.close();
            stopped.countDown();
        }
    }

    /** Whether {@code url} answers at all (any status); {@code tls}: the context an https URL is checked with. */
    static boolean answers(String url, javax.net.ssl.SSLContext tls) {
        for (int i = 0; i < 50; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (tls != null && c instanceof javax.net.ssl.HttpsURLConnection s) {
                    s.setSSLSocketFactory(tls.getSocketFactory());
                }
                c.setConnectTimeout(500);
                c.setReadTimeout(1000);
                int code = c.getResponseCode();
                c.disconnect();
                if (code > 0) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // not yet
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
}
