package dev.pullfix.app.shell;

import dev.pullfix.app.common.LabFixture;
import dev.pullfix.app.common.StallMeter;
import dev.pullfix.app.podtree.TreeRow;
import dev.pullfix.model.lab.server.LabChurn;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window with a lab population and a change rate, measuring FX-thread stalls and heap. */
final class WindowLoad {
    record Figures(int pods, int failing, double loadSeconds, double maxStallDuringLoadMs, double maxStallLiveMs,
                   long stallsOver50msLive, long pulsesLive, long changes, long heapUsedMb,
                   double fxCpuLiveMs, int liveSeconds, String loadAverage, String treeLine) {
    }

    /** Pod changes while the window is live: {@link #start()} begins them, the supplier it returns ends them and counts. */
    interface Changes {
        LongSupplier start();

        /** Changes made in this JVM, in the first lab server of the fixture. */
        static Changes inProcess(LabFixture lab, int perSecond) {
            return () -> {
                LabChurn churn = LabChurn.start(lab.servers[0].store(), perSecond);
                return () -> {
                    churn.close();
                    return churn.changes();
                };
            };
        }

        /**
         * Changes a lab server in another process makes on its own ({@code pullfix apiserver --changes-per-second}),
         * counted from the rate.
         */
        static Changes external(int perSecond) {
            return () -> {
                long t0 = System.nanoTime();
                return () -> Math.round(perSecond * (System.nanoTime() - t0) / 1e9);
            };
        }
    }

    private WindowLoad() {}

    static Figures run(FxRobot robot, PullfixApp app, LabFixture lab, int pods, int changesPerSecond, int liveSeconds)
            throws Exception {
        return run(robot, app, pods, Changes.inProcess(lab, changesPerSecond), liveSeconds);
    }

    static Figures run(FxRobot robot, PullfixApp app, int pods, Changes changes, int liveSeconds) throws Exception {
        StallMeter meter = new StallMeter();
        robot.interact(meter::start);
        long t0 = System.nanoTime();
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> app.viewModel().podTree().podCountProperty().get() == pods
                && app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        WaitForAsyncUtils.waitForFxEvents();
        double loadStall = meter.maxStallMillis();
        // a realistic view: two namespaces and their workloads open, a failing pod selected, failing-only off
        robot.interact(() -> {
            var tree = app.view().treeView().tree();
            for (int i = 0; i < Math.min(2, tree.getRoot().getChildren().size()); i++) {
                var ns = tree.getRoot().getChildren().get(i);
                ns.setExpanded(true);
                ns.getChildren().forEach(w -> w.setExpanded(true));
            }
            TreeRow.PodRow failing = app.viewModel().podTree().nextFailing(null, true);
            if (failing != null) {
                app.view().treeView().select(failing);
            }
        });
        Thread.sleep(500);
        robot.interact(meter::reset);
        LongSupplier stop = changes.start();
        Thread.sleep(liveSeconds * 1000L);
        long changed = stop.getAsLong();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        double liveStall = meter.maxStallMillis();
        long over50 = meter.stallsOver50ms();
        long pulses = meter.pulses();
        double[] cpu = new double[1];
        robot.interact(() -> cpu[0] = meter.fxCpuMillisSinceReset());
        robot.interact(meter::stop);
        long heap = heapUsedMb();
        int failing = app.viewModel().podTree().failingCountProperty().get();
        String loadAvg;
        try {
            loadAvg = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            loadAvg = "?";
        }
        return new Figures(pods, failing, loadSeconds, loadStall, liveStall, over50, pulses, changed, heap,
                cpu[0], liveSeconds, loadAvg, app.viewModel().activity().lines().stream().filter(l -> l.contains("Tree built"))
                        .findFirst().orElse("(no tree line)"));
    }

    static void print(String label, Figures f) {
        System.out.printf("%s: %d pods (%d failing) loaded in %.1f s; longest FX stall during load %.0f ms; "
                        + "live for %d changes: longest FX stall %.0f ms, %d pulses, %d gaps over 50 ms; heap in use after GC %d MB (this JVM)%n",
                label, f.pods(), f.failing(), f.loadSeconds(), f.maxStallDuringLoadMs(), f.changes(), f.maxStallLiveMs(),
                f.pulsesLive(), f.stallsOver50msLive(), f.heapUsedMb());
        System.out.printf("%s: %s%n", label, f.treeLine());
        System.out.printf("%s: FX thread CPU while live %.0f ms over %d s (%.1f %% busy); machine load average %s%n",
                label, f.fxCpuLiveMs(), f.liveSeconds(), f.fxCpuLiveMs() / (f.liveSeconds() * 10.0), f.loadAverage());
    }

    static long heapUsedMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
