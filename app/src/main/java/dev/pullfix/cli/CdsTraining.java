package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.PodTreeLoader;
import dev.pullfix.model.lab.LabSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class-data-sharing training run of {@code mvn package} (not a user command): run once as
 * {@code java -XX:ArchiveClassesAtExit=app/target/pullfix.jsa -cp app/target/pullfix.jar dev.pullfix.cli.CdsTraining DIR}
 * by {@code app/src/main/launcher/cds-train.sh}, it does what users do first — the command line against the
 * practice lab (started here, on loopback, in a scratch directory), then the window — so that the JVM archives every
 * class those paths load; {@code app/target/pullfix} maps the archive at each start. Writes nothing outside DIR;
 * reads no kubeconfig or AWS profile of the machine (the script clears them).
 *
 * <p>The window needs a display: without one ({@code DISPLAY} unset) the classes of the window are loaded by name
 * (not initialised), which archives them just the same.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).resolve("cds-training");
        Files.createDirectories(dir);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Long.getLong("pullfix.cds.maxSeconds", 300) * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(0); // the archive is still written at exit, with what was loaded so far
        }, "cds-training-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        PrintStream realOut = System.out;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        InputStream realIn = System.in;
        System.setOut(quiet);
        System.setErr(quiet);
        int failures = 0;
        try (LabSession lab = LabSession.start("S1", LabSession.Options.defaults().withDir(dir.resolve("lab"))
                .withExtraPods(200))) {
            System.setProperty("aws.configFile", lab.awsConfigFile().toString());
            System.setProperty("aws.sharedCredentialsFile", lab.awsCredentialsFile().toString());
            System.setProperty("aws.profile", lab.profile());
            String kc = lab.kubeconfig().toString();
            String endpoint = lab.awsEndpoint().toString();
            String[] failing = failingPod(lab);
            List<String[]> commands = List.of(
                    new String[] {"--version"},
                    new String[] {"--help"},
                    new String[] {"contexts", "--kubeconfig", kc},
                    new String[] {"pods", "-A", "--kubeconfig", kc},
                    new String[] {"pods", "-A", "--json", "--kubeconfig", kc},
                    new String[] {"pods", "-A", "--failing", "--kubeconfig", kc},
                    new String[] {"events", "--kubeconfig", kc, "-n", failing[0], failing[1]},
                    new String[] {"events", "--kubeconfig", kc, "-n", failing[0], failing[1], "--json"},
                    new String[] {"diagnose", "--kubeconfig", kc, "-n", failing[0], failing[1], "--endpoint-url", endpoint},
                    new String[] {"diagnose", "--kubeconfig", kc, "-n", failing[0], failing[1], "--json",
                        "--endpoint-url", endpoint},
                    new String[] {"diagnose", "--all", "-A", "--kubeconfig", kc, "--endpoint-url", endpoint},
                    new String[] {"image", "nginx"},
                    new String[] {"ecr", "check", "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0",
                        "--endpoint-url", endpoint, "--region", "us-west-2"});
            for (String[] c : commands) {
                try {
                    Main.commandLine().execute(c);
                } catch (RuntimeException e) {
                    failures++;
                }
            }
            System.setIn(new ByteArrayInputStream(("Failed to pull image \"nginx:foo\": rpc error: code = NotFound "
                    + "desc = failed to pull and unpack image \"docker.io/library/nginx:foo\": not found\n")
                    .getBytes(StandardCharsets.UTF_8)));
            Main.commandLine().execute("classify", "--json");
            System.setIn(realIn);
        }
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.profile");
        int loaded = window();
        realOut.println("cds-training: " + (failures == 0 ? "command line done" : failures + " commands failed")
                + "; window: " + (loaded < 0 ? "shown" : loaded + " classes loaded by name (no display)"));
        System.exit(0);
    }

    /** Namespace and name of the scenario's failing pod. */
    private static String[] failingPod(LabSession lab) {
        ClusterEnvironment env = ClusterEnvironment.of(Map.of(), lab.dir());
        try (ClusterConnection c = new ClusterConnector(env, ClusterConnector.Options.defaults())
                .connect(Kubeconfig.load(env, lab.kubeconfig()), null)) {
            PodInfo p = new PodTreeLoader().load(c, PodTreeLoader.Scope.allNamespaces()).pods()
                    .filter(PodInfo::failing).findFirst().orElseThrow();
            return new String[] {p.namespace(), p.name()};
        }
    }

    /** Shows the window until its practice lab's tree is live, or loads its classes by name; -1 when shown. */
    private static int window() throws IOException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            // the first frame, the workbench built after it, the practice lab and its live tree; then quit (or after
            // pullfix.cds.windowMs at the latest)
            System.setProperty("pullfix.startup.exitAfterMs", System.getProperty("pullfix.cds.windowMs", "30000"));
            System.setProperty("pullfix.startup.exitWhenLive", "true");
            System.setProperty("pullfix.lab.autostart", "true");
            dev.pullfix.app.shell.Launcher.launch(new String[0], System.err);
            return -1;
        }
        int n = 0;
        ClassLoader cl = CdsTraining.class.getClassLoader();
        for (Path jar : windowJars()) {
            try (JarFile f = new JarFile(jar.toFile())) {
                for (JarEntry e : java.util.Collections.list(f.entries())) {
                    String name = e.getName();
                    if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF")) {
                        continue;
                    }
                    String cls = name.substring(0, name.length() - 6).replace('/', '.');
                    if (!windowClass(cls)) {
                        continue;
                    }
                    try {
                        Class.forName(cls, false, cl);
                        n++;
                    } catch (Throwable t) {
                        // an optional part (another platform's toolkit, a missing optional library): not archived
                    }
                }
            }
        }
        return n;
    }

    /** The jars of the window: Pullfix's own (app), JavaFX, AtlantaFX, ControlsFX, RichTextFX and Ikonli. */
    private static List<Path> windowJars() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            out.add(Path.of(entry));
        }
        Path self;
        try {
            self = Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            return out;
        }
        Path lib = self.resolveSibling("lib");
        try (var files = Files.list(lib)) {
            files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("javafx-") && (n.contains("-linux") || n.contains("-mac") || n.contains("-win"))
                        || n.startsWith("atlantafx")
                        || n.startsWith("controlsfx") || n.startsWith("richtextfx") || n.startsWith("ikonli-javafx")
                        || n.startsWith("ikonli-core") || n.startsWith("flowless") || n.startsWith("reactfx");
            }).forEach(out::add);
        } catch (IOException e) {
            // no lib folder: only the app's own classes
        }
        return out;
    }

    private static boolean windowClass(String cls) {
        if (cls.startsWith("dev.pullfix.")) {
            return cls.startsWith("dev.pullfix.app.");
        }
        // the pieces of JavaFX a desktop window on Linux uses; not the other platforms' toolkits, media or web
        return !(cls.contains(".win.") || cls.contains(".mac.") || cls.contains(".ios.") || cls.contains(".android.")
                || cls.contains(".monocle.") || cls.contains(".d3d.") || cls.startsWith("javafx.embed.")
                || cls.startsWith("com.sun.javafx.embed."));
    }
}
