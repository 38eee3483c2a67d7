package dev.pullfix.model.diagnosis.service;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, row 9 (a benchmark, not a test): one-pod diagnosis in the running window, that is the diagnosis service
 * the window's wizard calls ({@code RunbookPlanner} → {@link DiagnosisService}) on the practice lab's S1 (Kubernetes
 * API, AWS endpoint and registry on loopback, every answer live: nothing is cached between runs). The first run is
 * cold (it opens the AWS session), the next ones warm, as when a pod is picked again; the time each step settled is
 * printed for the first and the last. The issue names no peer; printed beside it for scale, in the same run,
 * interleaved: {@code kubectl get pod} + {@code kubectl describe pod} of the same pod (whole processes).
 * Target: warm ≤ 0.5 s.
 * Run: {@code mvn -B -Pbench verify -pl model -am -Dtest=WarmDiagnosisBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.runs=N}: N - 1 warm runs, default 7).
 */
@Tag("benchmark")
class WarmDiagnosisBench {

    @Test
    void warmOnePodDiagnosisOfS1() throws Exception {
        System.out.println("WarmDiagnosisBench: load average at start " + Files.readString(Path.of("/proc/loadavg")).trim());
        Path dir = Files.createTempDirectory("pullfix-warm");
        try (LabSession lab = LabSession.start("S1", LabSession.Options.defaults().withDir(dir.resolve("lab")))) {
            ClusterEnvironment cenv = ClusterEnvironment.of(Map.of(), dir);
            AwsProfiles profiles = AwsProfiles.load(AwsEnvironment.of(Map.of("AWS_CONFIG_FILE",
                    lab.awsConfigFile().toString(), "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString()), dir));
            AwsSessionOptions opts = AwsSessionOptions.defaults().withProfile(LabSession.PROFILE)
                    .withRegion(lab.world().region()).withEndpoint(lab.awsEndpoint());
            try (ClusterConnection conn = new ClusterConnector(cenv, ClusterConnector.Options.defaults())
                    .connect(Kubeconfig.load(cenv, lab.kubeconfig()), null);
                 DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults())) {
                Workspace w = new Workspace(conn, lab.world().clusterName(), new AwsAccess(opts.profile(), opts.region(),
                        opts.endpointOverride(), r -> AwsSession.open(profiles, opts.withResourceRegion(r.isBlank() ? null : r))),
                        lab.registryPort());
                String pod = null;
                for (int i = 0; i < 200 && pod == null; i++) {
                    pod = conn.kubernetesClient().pods().inNamespace("default").list().getItems().stream()
                            .map(p -> p.getMetadata().getName()).filter(n -> n.startsWith("ui-private-")).findFirst().orElse(null);
                    Thread.sleep(50);
                }
                DiagnoseAll.PodRef ref = new DiagnoseAll.PodRef("default", pod);
                int runs = Integer.getInteger("bench.runs", 7);
                double[] ms = new double[runs];
                Path kubectl = Path.of("/usr/bin/kubectl");
                double[] peer = new double[runs - 1];
                String cause = null;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    List<String> steps = new ArrayList<>();
                    Diagnosis d = service.diagnose(w, ref, new ProgressListener() {
                        @Override
                        public synchronized void stepDone(StepResult s) {
                            steps.add(String.format(Locale.ROOT, "%s %.0f ms %s", s.step().id(),
                                    (System.nanoTime() - t0) / 1e6, s.verdict()));
                        }
                    }, new CancelToken());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    cause = d.cause();
                    System.out.printf(Locale.ROOT, "WarmDiagnosisBench: run %d %s: %.0f ms (%s)%n", i + 1,
                            i == 0 ? "cold" : "warm", ms[i], d.cause());
                    if (i == 0 || i == runs - 1) {
                        steps.forEach(s -> System.out.println("WarmDiagnosisBench:   " + s));
                    }
                    if (i > 0 && Files.isExecutable(kubectl)) {
                        long k0 = System.nanoTime();
                        kubectl(kubectl, lab.kubeconfig(), dir, "get", "pod", "-n", "default", pod);
                        kubectl(kubectl, lab.kubeconfig(), dir, "describe", "pod", "-n", "default", pod);
                        peer[i - 1] = (System.nanoTime() - k0) / 1e6;
                    }
                }
                double[] warm = Arrays.copyOfRange(ms, 1, runs);
                Arrays.sort(warm);
                System.out.printf(Locale.ROOT, "WarmDiagnosisBench: S1 one pod (%s): cold %.0f ms, warm median %.0f ms "
                        + "(min %.0f, max %.0f); target warm <= 500 ms%n", cause, ms[0], warm[warm.length / 2], warm[0],
                        warm[warm.length - 1]);
                Arrays.sort(peer);
                double k = peer[peer.length / 2];
                if (k > 0) {
                    System.out.printf(Locale.ROOT, "WarmDiagnosisBench: kubectl get pod + describe pod (2 processes), "
                            + "same pod, same run: median %.0f ms; ratio warm diagnosis / kubectl pair %.2fx%n", k,
                            warm[warm.length / 2] / k);
                }
            }
        }
        System.out.println("WarmDiagnosisBench: load average at end " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void kubectl(Path kubectl, Path kubeconfig, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("kcache").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed");
        }
    }
}
