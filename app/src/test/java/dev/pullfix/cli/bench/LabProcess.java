package dev.pullfix.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab server in its own process (so its work and GC are not counted as the measured client's): {@code pullfix
 * apiserver --pods N} or {@code pullfix lab --scenario S}, started from this build's jar; ready once it has written
 * its files; the environment a shell would {@code source} from them. Stopped (SIGTERM, then killed) on close.
 */
public final class LabProcess implements AutoCloseable {
    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z_]+)='(.*)'$");

    private final Process process;
    public final Path dir;
    public final Path kubeconfig;
    private final Map<String, String> env = new LinkedHashMap<>();

    private LabProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.kubeconfig = dir.resolve("kubeconfig");
    }

    /** {@code pullfix apiserver --dir D --pods N [extra]}. */
    public static LabProcess apiserver(Path dir, int pods, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("apiserver", "--dir", dir.toString(), "--pods", Integer.toString(pods)));
        args.addAll(Arrays.asList(extra));
        return start(dir, args, Integer.getInteger("bench.serverHeapMb", 0));
    }

    /** {@code pullfix lab --scenario S --dir D [extra]}. */
    public static LabProcess lab(Path dir, String scenario, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("lab", "--scenario", scenario, "--dir", dir.toString()));
        args.addAll(Arrays.asList(extra));
        return start(dir, args, 0);
    }

    private static LabProcess start(Path dir, List<String> args, int heapMb) throws Exception {
        Files.createDirectories(dir);
        Path env = dir.resolve("env.sh");
        Files.deleteIfExists(env);
        List<String> cmd = ProcessBench.javaJar(args.toArray(String[]::new));
        if (heapMb > 0) {
            cmd.add(1, "-Xmx" + heapMb + "m");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
                .start();
        LabProcess lab = new LabProcess(p, dir);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (!Files.isRegularFile(env) || Files.size(env) == 0) {
            if (!p.isAlive()) {
                throw new IllegalStateException("lab server exited: " + Files.readString(dir.resolve("server.log")));
            }
            if (System.nanoTime() > deadline) {
                lab.close();
                throw new IllegalStateException("lab server not ready in 15 min");
            }
            Thread.sleep(200);
        }
        Thread.sleep(300); // the file is written in one go; let the last line land
        for (String line : Files.readAllLines(env)) {
            Matcher m = EXPORT.matcher(line.trim());
            if (m.matches()) {
                lab.env.put(m.group(1), m.group(2).replace("'\\''", "'"));
            }
        }
        return lab;
    }

    /** The variables of its {@code env.sh} (KUBECONFIG, and the AWS ones for a scenario). */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
