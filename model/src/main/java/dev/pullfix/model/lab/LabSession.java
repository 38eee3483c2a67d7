package dev.pullfix.model.lab;

import dev.pullfix.model.lab.world.Scenario;
import dev.pullfix.model.lab.world.LabWorld;
import dev.pullfix.model.lab.aws.LabAwsServer;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.LabPopulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running practice lab: the Kubernetes API server, the AWS endpoint, the controller/kubelet loop and the
 * files a shell or the app needs (kubeconfig, AWS config and credentials with the {@code pullfix-lab} profile,
 * {@code env.sh}). The GUI and {@code pullfix lab} both use this class.
 *
 * <pre>{@code
 * try (LabSession lab = LabSession.start("S1", LabSession.Options.defaults())) {
 *     lab.kubeconfig();          // context arn:aws:eks:us-west-2:682844965773:cluster/eks-workshop (HTTPS, CA, token)
 *     lab.awsEndpoint();         // http://127.0.0.1:PORT (every service)
 *     lab.awsConfigFile(); lab.awsCredentialsFile(); lab.profile();
 *     lab.reset();               // the broken state again
 * }
 * }</pre>
 */
public final class LabSession implements AutoCloseable {
    public static final String PROFILE = "pullfix-lab";
    /**
     * A fake, local access key: the lab's AWS endpoint requires it in a SigV4-shaped Authorization (it checks no
     * signature); spelled in parts so it never looks like a live key.
     */
    public static final String ACCESS_KEY = "AKIA" + "PULLFIXLAB000000";
    public static final String SECRET_KEY = "pullfix-lab-local-only-not-a-secret";

    /**
     * @param kubePort  API server port (0: free one)
     * @param awsPort   AWS endpoint port (0: free one)
     * @param dir       where to write the files (null: a new owner-only temporary directory {@code pullfix-lab-*});
     *                  {@link #close} deletes the files, and the directory when the lab created it
     * @param extraPods extra scale population over 50 namespaces (one in ten failing); 0 for none
     * @param speed     how much faster than real time the lab clock runs (back-off)
     */
    public record Options(int kubePort, int awsPort, Path dir, int extraPods, double speed) {
        public static Options defaults() {
            return new Options(0, 0, null, 0, 30);
        }

        public Options withDir(Path d) {
            return new Options(kubePort, awsPort, d, extraPods, speed);
        }

        public Options withPorts(int kube, int aws) {
            return new Options(kube, aws, dir, extraPods, speed);
        }

        public Options withExtraPods(int n) {
            return new Options(kubePort, awsPort, dir, n, speed);
        }

        public Options withSpeed(double s) {
            return new Options(kubePort, awsPort, dir, extraPods, s);
        }
    }

    /** A scenario for pickers: id and titles. */
    public record ScenarioInfo(String id, String titleEn, String titleJa) {
        public String title(Locale locale) {
            return locale != null && "ja".equals(locale.getLanguage()) ? titleJa : titleEn;
        }
    }

    private final Scenario scenario;
    private final LabClock clock;
    private final LabWorld world;
    private final LabApiServer api;
    private final LabAwsServer aws;
    private final dev.pullfix.model.lab.registry.LabRegistries registries;
    private final LabCluster cluster;
    private final ScheduledExecutorService loop;
    private final Path dir;
    /** Whether the lab made {@link #dir} (then {@link #close} removes it, not only the files it wrote). */
    private final boolean ownsDir;
    private volatile Consumer<String> log = s -> { };

    /** The built-in scenarios, S1..S10. */
    public static List<ScenarioInfo> scenarios() {
        return Scenario.all().stream().map(s -> new ScenarioInfo(s.id(), s.titleEn(), s.titleJa())).toList();
    }

    /** Starts the lab for a scenario id; IllegalArgumentException for an unknown id or a busy port. */
    public static LabSession start(String scenarioId, Options options) {
        Scenario s = Scenario.find(scenarioId).orElseThrow(() -> new IllegalArgumentException(
                "unknown scenario " + scenarioId + " (known: " + String.join(", ", Scenario.IDS) + ")"));
        return new LabSession(s, options);
    }

    private LabSession(Scenario scenario, Options o) {
        this.scenario = scenario;
        this.clock = new LabClock(Instant.now(), o.speed());
        this.world = new LabWorld(scenario);
        this.api = LabApiServer.start(new LabApiServerOptions(o.kubePort(), 10_000, Duration.ofSeconds(60), 2, clock));
        try {
            this.aws = LabAwsServer.start(world, o.awsPort(), ACCESS_KEY);
        } catch (IOException | RuntimeException e) {
            api.close();
            throw new IllegalArgumentException("cannot listen on 127.0.0.1:" + o.awsPort() + ": " + e.getMessage(), e);
        }
        try {
            this.registries = new dev.pullfix.model.lab.registry.LabRegistries(world);
        } catch (RuntimeException e) {
            aws.close();
            api.close();
            throw new IllegalArgumentException("cannot start the lab registries: " + e.getMessage(), e);
        }
        this.cluster = new LabCluster(api.store(), world, clock);
        cluster.onLog(m -> log.accept(m));
        this.ownsDir = o.dir() == null || !Files.exists(o.dir());
        try {
            this.dir = o.dir() != null ? LabFiles.ownerOnlyDirectory(o.dir()) : LabFiles.ownerOnlyTempDirectory();
        } catch (IOException e) {
            close0(null);
            throw new UncheckedIOException(e);
        }
        if (o.extraPods() > 0) {
            LabPopulation.generate(api.store(), new LabPopulation.Spec(o.extraPods(), 50, 0.1, 42, clock.instant()));
        }
        cluster.load(scenario);
        cluster.tick();
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pullfix-lab-loop");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(() -> {
            try {
                cluster.tick();
            } catch (RuntimeException e) {
                log.accept("lab loop: " + e);
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        writeFiles();
    }

    /** Receives one line per notable lab change (new ReplicaSet, pod Running, reset). */
    public void onLog(Consumer<String> l) {
        this.log = l == null ? s -> { } : l;
    }

    public Scenario scenario() {
        return scenario;
    }

    public LabWorld world() {
        return world;
    }

    public LabApiServer apiServer() {
        return api;
    }

    /**
     * The registry port for the diagnosis engine: the same registry client Pullfix uses for any registry, aimed at
     * the scenario's registries (Docker Hub and private ones), which run as loopback HTTP registries.
     */
    public dev.pullfix.model.registry.ClientRegistryPort registryPort() {
        return new dev.pullfix.model.registry.ClientRegistryPort(registries.client(), new LabPullSecretReader(api.store()));
    }

    /** The scenario's registries outside AWS, each a loopback HTTP registry (host → endpoint, client, options). */
    public dev.pullfix.model.lab.registry.LabRegistries registries() {
        return registries;
    }

    public LabClock clock() {
        return clock;
    }

    public URI awsEndpoint() {
        return aws.endpoint();
    }

    public Path dir() {
        return dir;
    }

    public Path kubeconfig() {
        return dir.resolve("kubeconfig");
    }

    public Path awsConfigFile() {
        return dir.resolve("aws-config");
    }

    public Path awsCredentialsFile() {
        return dir.resolve("aws-credentials");
    }

    public Path envFile() {
        return dir.resolve("env.sh");
    }

    public String profile() {
        return PROFILE;
    }

    /** The kubeconfig context: the EKS cluster ARN, as {@code aws eks update-kubeconfig} names it. */
    public String context() {
        return "arn:aws:eks:" + world.region() + ":" + world.account() + ":cluster/" + world.clusterName();
    }

    /** KUBECONFIG, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE, AWS_ENDPOINT_URL, AWS_REGION. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KUBECONFIG", kubeconfig().toAbsolutePath().toString());
        env.put("AWS_CONFIG_FILE", awsConfigFile().toAbsolutePath().toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", awsCredentialsFile().toAbsolutePath().toString());
        env.put("AWS_PROFILE", PROFILE);
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        env.put("AWS_REGION", world.region());
        // the scenario's registries on loopback, as a mirror configuration every front end's registry client reads
        env.put(dev.pullfix.model.registry.RegistryClientOptions.ENDPOINTS_ENV,
                dev.pullfix.model.registry.RegistryClientOptions.endpointsEnv(registries.endpoints()));
        return env;
    }

    /** {@code export K='V'} lines for a POSIX shell. */
    public List<String> exportLines() {
        return environment().entrySet().stream().map(e -> "export " + e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'").toList();
    }

    private void writeFiles() {
        // the API server's HTTPS URL, its CA and its bearer token, under the EKS cluster's ARN
        String kubeconfig = api.kubeconfig(context());
        String config = "[profile " + PROFILE + "]\nregion = " + world.region() + "\noutput = json\nendpoint_url = " + aws.endpoint() + "\n";
        String creds = "[" + PROFILE + "]\naws_access_key_id = " + ACCESS_KEY + "\naws_secret_access_key = " + SECRET_KEY + "\n";
        try {
            LabFiles.writeOwnerOnly(kubeconfig(), kubeconfig);
            LabFiles.writeOwnerOnly(awsConfigFile(), config);
            LabFiles.writeOwnerOnly(awsCredentialsFile(), creds);
            LabFiles.writeOwnerOnly(envFile(), "# pullfix lab " + scenario.id() + ": source this file\n"
                    + String.join("\n", exportLines()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores the scenario's broken state (account state and the scenario's namespaces). */
    public void reset() {
        synchronized (cluster) {
            cluster.clear();
            world.reset(scenario);
            cluster.load(scenario);
            cluster.tick();
        }
        log.accept("scenario " + scenario.id() + " reset");
    }

    /** Whether the broken deployment has recovered (all replicas ready). */
    public boolean fixed() {
        return cluster.brokenWorkloadReady();
    }

    @Override
    public void close() {
        close0(loop);
    }

    private void close0(ScheduledExecutorService l) {
        if (l != null) {
            l.shutdownNow();
            try {
                l.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (registries != null) {
            registries.close();
        }
        if (aws != null) {
            aws.close();
        }
        api.close();
        if (dir != null) {
            // the files hold the lab's token and AWS keys; a folder the lab made goes with them
            LabFiles.delete(dir, List.of(kubeconfig(), awsConfigFile(), awsCredentialsFile(), envFile()), ownsDir);
        }
    }
}
