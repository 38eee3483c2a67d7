package dev.pullfix.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process measurements for the benchmarks of issue 16 (not tests): every run is a new process, JVM start
 * included, measured by GNU time ({@code /usr/bin/time}: wall, user + system CPU, peak RSS); sides run interleaved
 * (Pullfix, the peer, Pullfix, the peer, ...) after one unmeasured warm-up each, so both meet the same load on this
 * shared machine; medians are printed with the load average before and after.
 *
 * <p>Pullfix is started as the README starts it: {@code app/target/pullfix} (the launcher script) when the build made
 * one, else {@code java -jar app/target/pullfix.jar}; {@code -Dbench.pullfix="CMD ..."} overrides. With
 * {@code -Dbench.baseline=DIR} (a copy of an older {@code app/target}: its {@code pullfix} launcher or
 * {@code pullfix.jar} and {@code lib/}) the older build runs as a third side, for before/after in the same run.
 */
public final class ProcessBench {

    /** One run. */
    public record Sample(double wall, double cpu, long rssKb, int exit, String stdout, String stderr) {
    }

    /** A side: a name and one or more commands run one after the other (their figures summed). */
    public record Side(String name, List<List<String>> commands) {
        public static Side of(String name, List<String> command) {
            return new Side(name, List.of(command));
        }
    }

    /** Medians of one side. */
    public record Figures(String name, double wall, double cpu, long rssKb, double wallMin, double wallMax) {
    }

    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path scratch;
    private final boolean haveTime = Files.isExecutable(Path.of("/usr/bin/time"));

    public ProcessBench(Path scratch) {
        this.scratch = scratch;
    }

    public ProcessBench env(Map<String, String> vars) {
        env.putAll(vars);
        return this;
    }

    /** {@code app/} (surefire's working directory). */
    static Path appDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("target")) || here.endsWith("app") ? here : here.resolve("app");
    }

    /** The command that starts this build's Pullfix the way the README does. */
    public static List<String> pullfix(String... args) {
        String override = System.getProperty("bench.pullfix");
        List<String> cmd = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            cmd.addAll(Arrays.asList(override.trim().split("\\s+")));
        } else {
            cmd.addAll(start(appDir().resolve("target")));
        }
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** The older build of {@code -Dbench.baseline}, or null. */
    public static List<String> baseline(String... args) {
        String dir = System.getProperty("bench.baseline");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        List<String> cmd = new ArrayList<>(start(Path.of(dir)));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** The plain {@code java -jar} start of this build (for lab servers, which are not measured). */
    public static List<String> javaJar(String... args) {
        Path jar = appDir().resolve("target/pullfix.jar");
        requireJar(jar);
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static List<String> start(Path target) {
        Path launcher = target.resolve("pullfix");
        if (Files.isExecutable(launcher) && !Files.isDirectory(launcher)) {
            return List.of(launcher.toString());
        }
        Path jar = target.resolve("pullfix.jar");
        requireJar(jar);
        return List.of(javaBin(), "-jar", jar.toString());
    }

    private static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmark with -Pbench verify (it packages first)");
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** kubectl 1.32 at /usr/bin/kubectl, or null. */
    public static Path kubectl() {
        Path k = Path.of("/usr/bin/kubectl");
        return Files.isExecutable(k) ? k : null;
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** One run of one command. */
    public Sample run(List<String> command) throws Exception {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Path time = Files.createTempFile(scratch, "time", ".txt");
        List<String> cmd = new ArrayList<>();
        if (haveTime) {
            cmd.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", time.toString()));
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish in 30 min: " + String.join(" ", command));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = Double.NaN;
        long rss = -1;
        if (haveTime) {
            List<String> lines = Files.readAllLines(time);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
            String[] f = last.split("\\s+");
            if (f.length == 4) {
                cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
                rss = Long.parseLong(f[3]);
            }
        }
        Sample s = new Sample(wall, cpu, rss, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(time);
        if (s.exit() != 0) {
            throw new IllegalStateException("exit " + s.exit() + " from " + String.join(" ", command) + ": "
                    + s.stderr().lines().limit(5).reduce("", (a, b) -> a + "\n  " + b));
        }
        return s;
    }

    /** Runs a side once (its commands one after the other). */
    public Sample run(Side side) throws Exception {
        double wall = 0;
        double cpu = 0;
        long rss = 0;
        StringBuilder out = new StringBuilder();
        for (List<String> c : side.commands()) {
            Sample s = run(c);
            wall += s.wall();
            cpu += s.cpu();
            rss = Math.max(rss, s.rssKb());
            out.append(s.stdout());
        }
        return new Sample(wall, cpu, rss, 0, out.toString(), "");
    }

    /** One warm-up each, then {@code runs} rounds of every side in turn; medians per side, in the given order. */
    public List<Figures> compare(int runs, List<Side> sides) throws Exception {
        for (Side s : sides) {
            run(s);
        }
        Map<String, List<Sample>> all = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            for (Side s : sides) {
                all.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(run(s));
            }
        }
        List<Figures> out = new ArrayList<>();
        for (Side s : sides) {
            List<Sample> l = all.get(s.name());
            double[] w = l.stream().mapToDouble(Sample::wall).sorted().toArray();
            double[] c = l.stream().mapToDouble(Sample::cpu).sorted().toArray();
            long[] m = l.stream().mapToLong(Sample::rssKb).sorted().toArray();
            out.add(new Figures(s.name(), w[w.length / 2], c[c.length / 2], m[m.length / 2], w[0], w[w.length - 1]));
        }
        return out;
    }

    /**
     * Prints one line per side and the ratios of each Pullfix side against the peer (the last side):
     * {@code row | side | wall (min-max) | CPU | peak RSS}, then {@code ratio wall x, CPU x (target)}.
     */
    public static void print(String row, List<Figures> figures, String target) {
        Figures peer = figures.get(figures.size() - 1);
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "%s | %-28s | wall %6.2f s (%.2f-%.2f) | CPU %6.2f s | peak RSS %5d MB%n",
                    row, f.name(), f.wall(), f.wallMin(), f.wallMax(), f.cpu(), f.rssKb() / 1024);
        }
        for (Figures f : figures.subList(0, figures.size() - 1)) {
            System.out.printf(Locale.ROOT, "%s | ratio %s / %s: wall %.2fx, CPU %.2fx (target %s)%n", row, f.name(),
                    peer.name(), f.wall() / peer.wall(), f.cpu() / peer.cpu(), target);
        }
    }
}
