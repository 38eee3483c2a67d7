package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The cluster options of the commands that talk to a cluster: {@code --context}, {@code --kubeconfig}, {@code -n}. */
public final class ClusterOptions {
    static {
        quietLogging();
    }

    /** fabric8 logs through SLF4J; without a provider SLF4J prints three warning lines on stderr. */
    static synchronized void quietLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context (default: current).")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this kubeconfig file only.")
    Path kubeconfig;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    public String context() {
        return context;
    }

    public String namespace() {
        return namespace;
    }

    /** The kubeconfig as kubectl would merge it (KUBECONFIG, ~/.kube/config, or --kubeconfig). */
    public Kubeconfig kubeconfig() {
        return Kubeconfig.load(ClusterEnvironment.system(), kubeconfig);
    }

    /** A connection to the context's API server whose calls each end within {@code timeout}. */
    public ClusterConnection connect(Duration timeout) {
        return connect(timeout, context);
    }

    /** As {@link #connect(Duration)} to another context than {@code --context} names (an undo's backup's). */
    public ClusterConnection connect(Duration timeout, String contextName) {
        ClusterEnvironment env = ClusterEnvironment.system();
        Kubeconfig kc = Kubeconfig.load(env, kubeconfig);
        return new ClusterConnector(env, ClusterConnector.Options.defaults().withTimeout(timeout)).connect(kc, contextName);
    }

    /** The namespace asked for, else the context's. */
    public String namespaceOr(ClusterConnection conn) {
        return namespace != null ? namespace : conn.defaultNamespace();
    }
}
