package dev.pullfix.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, row 6 (a benchmark, not a test): the window's first frame when started with the README's start command
 * ({@code app/target/pullfix}, no arguments, no kubeconfig), against {@link BareWindow} (an empty JavaFX stage of the
 * same size) started the same way: the same JVM, jars and class-data-sharing archive. Both run on one Xvfb display
 * started for the run, as whole processes, interleaved, medians of 3 after a warm-up each. Each prints when its first
 * frame was drawn ({@code -Dpullfix.startup.log=true}) and quits right after it ({@code -Dpullfix.startup.exitAfterMs=0}).
 * The practice lab does not start by itself in this part ({@code -Dpullfix.lab.autostart=false}; with
 * {@code -Dbench.labAutostart=auto} it does, as on a fresh machine, and its start competes with the first frame).
 * Target: first frame ≤ 1.3× the bare window's. Then, on its own (the issue names no peer), the same start until the
 * practice lab's tree is live: with no kubeconfig the window starts the lab (S1) by itself, as on a fresh machine;
 * {@code -Dpullfix.startup.exitWhenLive=true} quits at that moment. Target: tree live ≤ 5 s after launch.
 * Run: {@code mvn -B -Pbench verify -pl app -am -Dtest=FirstWindowBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (needs Xvfb; {@code -Dbench.runs=N}).
 */
@Tag("benchmark")
class FirstWindowBench {
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame at \\d+ \\((\\d+) ms after process start\\)");
    private static final Pattern TREE_LIVE = Pattern.compile("tree live at \\d+ \\((\\d+) ms after process start");

    @TempDir
    Path dir;

    record Run(double firstFrameMs, double wall, double cpu, long rssKb) {
    }

    @Test
    void firstFrameAgainstABareJavaFxWindow() throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        assertThat(xvfb).as("Xvfb (apt-get install xvfb)").isExecutable();
        System.out.println("FirstWindowBench: load average at start " + ProcessBench.loadAverage());
        Process display = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1600x1000x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = new BufferedReader(new InputStreamReader(display.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(number).as("Xvfb display number").isNotBlank();
            Path home = Files.createDirectories(dir.resolve("home"));
            ProcessBench bench = new ProcessBench(dir).env(Map.of("DISPLAY", ":" + number.trim(), "HOME", home.toString(),
                    "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "KUBECONFIG", home.resolve("no-kubeconfig").toString(),
                    "PULLFIX_JAVA_OPTS", "-Dpullfix.startup.log=true -Dpullfix.startup.exitAfterMs=0 "
                            + "-Dpullfix.lab.autostart=" + System.getProperty("bench.labAutostart", "false")));
            List<String> pullfix = ProcessBench.pullfix();
            List<String> bare = bareWindow();
            System.out.println("FirstWindowBench: " + String.join(" ", bare));
            System.out.println("FirstWindowBench: " + bench.run(bare).stderr().lines()
                    .filter(l -> l.startsWith("bare window:")).findFirst().orElse("bare window: ?"));
            run(bench, pullfix);
            int runs = Integer.getInteger("bench.runs", 3);
            List<Run> ours = new ArrayList<>();
            List<Run> theirs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ours.add(run(bench, pullfix));
                theirs.add(run(bench, bare));
            }
            Run p = median(ours);
            Run b = median(theirs);
            String row = "GUI first window";
            System.out.printf(Locale.ROOT, "%s | %-28s | first frame %5.2f s | wall to exit %5.2f s | CPU %5.2f s | peak RSS %4d MB%n",
                    row, "pullfix (README start)", p.firstFrameMs() / 1000, p.wall(), p.cpu(), p.rssKb() / 1024);
            System.out.printf(Locale.ROOT, "%s | %-28s | first frame %5.2f s | wall to exit %5.2f s | CPU %5.2f s | peak RSS %4d MB%n",
                    row, "bare JavaFX window", b.firstFrameMs() / 1000, b.wall(), b.cpu(), b.rssKb() / 1024);
            System.out.printf(Locale.ROOT, "%s | ratio pullfix / bare JavaFX window: first frame %.2fx, CPU %.2fx "
                    + "(target first frame <= 1.3x)%n", row, p.firstFrameMs() / b.firstFrameMs(), p.cpu() / b.cpu());
            ProcessBench live = new ProcessBench(dir).env(Map.of("DISPLAY", ":" + number.trim(), "HOME", home.toString(),
                    "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "KUBECONFIG", home.resolve("no-kubeconfig").toString(),
                    "PULLFIX_JAVA_OPTS", "-Dpullfix.startup.log=true -Dpullfix.startup.exitWhenLive=true"));
            List<Run> lives = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                lives.add(run(live, pullfix, TREE_LIVE));
            }
            Run l = median(lives);
            System.out.printf(Locale.ROOT, "GUI practice lab tree live | %-28s | tree live %5.2f s after launch | CPU %5.2f s "
                    + "| peak RSS %4d MB (target <= 5 s)%n", "pullfix (README start)", l.firstFrameMs() / 1000, l.cpu(),
                    l.rssKb() / 1024);
        } finally {
            display.destroy();
            if (!display.waitFor(10, TimeUnit.SECONDS)) {
                display.destroyForcibly();
            }
        }
        System.out.println("FirstWindowBench: load average at end " + ProcessBench.loadAverage());
    }

    /** The bare window with the options the launcher gives the window: the same archive when the build trained one. */
    private static List<String> bareWindow() {
        Path target = ProcessBench.appDir().resolve("target");
        List<String> cmd = new ArrayList<>(List.of(ProcessBench.javaBin()));
        Path jsa = target.resolve("pullfix.jsa");
        if (Files.isRegularFile(jsa)) {
            cmd.addAll(Arrays.asList("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        }
        cmd.addAll(List.of("-Dpullfix.startup.log=true", "-cp",
                target.resolve("pullfix.jar") + java.io.File.pathSeparator + target.resolve("test-classes"),
                BareWindow.class.getName()));
        return cmd;
    }

    private static Run run(ProcessBench bench, List<String> cmd) throws Exception {
        return run(bench, cmd, FIRST_FRAME);
    }

    /** One run; the figure is the milliseconds after process start that {@code line} reports. */
    private static Run run(ProcessBench bench, List<String> cmd, Pattern line) throws Exception {
        ProcessBench.Sample s = bench.run(cmd);
        Matcher m = line.matcher(s.stderr());
        if (!m.find()) {
            throw new IllegalStateException("no " + line.pattern() + " line from " + String.join(" ", cmd) + ":\n" + s.stderr());
        }
        return new Run(Double.parseDouble(m.group(1)), s.wall(), s.cpu(), s.rssKb());
    }

    private static Run median(List<Run> runs) {
        double[] f = runs.stream().mapToDouble(Run::firstFrameMs).sorted().toArray();
        double[] w = runs.stream().mapToDouble(Run::wall).sorted().toArray();
        double[] c = runs.stream().mapToDouble(Run::cpu).sorted().toArray();
        long[] r = runs.stream().mapToLong(Run::rssKb).sorted().toArray();
        int mid = runs.size() / 2;
        return new Run(f[mid], w[mid], c[mid], r[mid]);
    }
}
