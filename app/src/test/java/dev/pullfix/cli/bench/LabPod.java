package dev.pullfix.cli.bench;

import java.nio.file.Path;

/** The failing pod of a lab scenario, as {@code pullfix pods -A --failing} lists it. */
record LabPod(String namespace, String name) {

    static LabPod failing(ProcessBench bench, LabProcess lab, Path dir) throws Exception {
        String out = bench.run(ProcessBench.pullfix("pods", "-A", "--failing", "--kubeconfig", lab.kubeconfig.toString()))
                .stdout();
        String row = out.lines().skip(1).findFirst()
                .orElseThrow(() -> new IllegalStateException("the lab has no failing pod: " + out));
        String[] cols = row.trim().split("\\s+");
        return new LabPod(cols[0], cols[1]);
    }
}
