package dev.pullfix.cli;

import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.world.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A practice-lab scenario driven from the command line in process: the lab's kubeconfig, AWS profile and endpoint,
 * and its registries (as containerd's hosts.toml would point at them) passed to every command as a person would.
 */
final class LabCli implements AutoCloseable {
    final LabSession lab;
    final Path dir;

    private LabCli(LabSession lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    /** Starts the scenario and waits for its broken pod. */
    static LabCli start(String id, Path dir) throws Exception {
        LabSession lab = LabSession.start(id, LabSession.Options.defaults().withSpeed(600).withDir(dir.resolve("lab")));
        System.setProperty("aws.configFile", lab.awsConfigFile().toString());
        System.setProperty("aws.sharedCredentialsFile", lab.awsCredentialsFile().toString());
        LabCli c = new LabCli(lab, dir);
        await(id + " broken pod", Duration.ofSeconds(20), () -> c.failingPod().isPresent());
        return c;
    }

    static void await(String what, Duration max, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    Scenario scenario() {
        return lab.scenario();
    }

    /** The broken deployment's pod that fails to pull, if any. */
    Optional<String> failingPod() {
        String ns = lab.scenario().broken().namespace();
        String dep = lab.scenario().broken().deployment();
        return lab.apiServer().store().list(ResourceTypes.PODS, ns, null).stream()
                .filter(p -> p.name().startsWith(dep + "-"))
                .filter(p -> p.toJson().path("status").path("containerStatuses").path(0).path("state").path("waiting")
                        .path("reason").asText().matches("ErrImagePull|ImagePullBackOff"))
                .map(p -> p.name()).findFirst();
    }

    /** {@code pullfix COMMAND} against the lab; fix and undo keep backups and the audit log in {@code dir/data}. */
    CliRun run(String command, String... extra) {
        return run(picocli.CommandLine.defaultFactory(), command, extra);
    }

    /** As {@link #run(String, String...)}, the commands made by {@code factory} (a scripted terminal). */
    CliRun run(picocli.CommandLine.IFactory factory, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--kubeconfig", lab.kubeconfig().toString(),
                "--profile", LabSession.PROFILE, "--endpoint-url", lab.awsEndpoint().toString()));
        if (command.equals("fix") || command.equals("undo")) {
            args.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        }
        if (!command.equals("undo")) {
            lab.registries().endpoints().forEach((host, url) -> args.addAll(List.of("--registry-endpoint", host + "=" + url)));
        }
        args.addAll(List.of(extra));
        return CliRun.run(factory, args.toArray(String[]::new));
    }

    /** What a person would type for the scenario's fix (from its expectations). */
    static List<String> inputs(Scenario s) {
        List<String> a = new ArrayList<>();
        String image = s.expect().input("fixedImage");
        switch (s.expect().fix()) {
            case "IMAGE_TAG_CHANGE" -> a.addAll(List.of("--set", "tag=" + ImageReference.parse(image).tag()));
            case "IMAGE_REFERENCE_CHANGE" -> a.addAll(List.of("--set", "image=" + image));
            case "CREATE_PULL_SECRET" -> a.addAll(List.of("--set", "server=" + s.expect().input("secretServer"),
                    "--set", "username=" + s.expect().input("user"), "--set", "password=" + s.expect().input("password")));
            default -> {
            }
        }
        return a;
    }

    @Override
    public void close() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        lab.close();
    }
}
