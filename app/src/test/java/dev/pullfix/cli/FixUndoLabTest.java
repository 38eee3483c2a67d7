package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.world.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every practice-lab scenario fixed from the command line with {@code pullfix fix ... --yes} and undone with
 * {@code pullfix undo}, in process against the lab's API server and AWS endpoint; and the guards: no write without
 * --yes when there is no terminal, none in read-only mode, none with --dry-run.
 */
class FixUndoLabTest {
    @TempDir
    Path tmp;
    LabCli cli;
    LabSession lab;

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    String start(String id) throws Exception {
        cli = LabCli.start(id, tmp);
        lab = cli.lab;
        return cli.failingPod().orElseThrow();
    }

    CliRun run(String command, String... extra) {
        return cli.run(command, extra);
    }

    @ParameterizedTest(name = "{0}: pullfix fix --yes, then pullfix undo")
    @ValueSource(strings = {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10"})
    void scenarioIsFixedFromTheCommandLineAndUndone(String id) throws Exception {
        String pod = start(id);
        Scenario s = lab.scenario();
        String host = s.kubernetes().findValues("image").stream().map(JsonNode::asText).findFirst()
                .map(i -> ImageReference.parse(i).domain()).orElseThrow();
        if (s.expect().fix().equals("ROLLOUT_RESTART")) {
            lab.world().setRegistryReachable(host, true); // S5: a person fixes the network, Pullfix restarts
        }
        JsonNode templateBefore = deploymentTemplate();
        List<String> args = new ArrayList<>(List.of("-n", s.broken().namespace(), pod, "--fix", s.expect().fix(),
                "--yes", "--json", "--watch", "20"));
        args.addAll(LabCli.inputs(s));

        CliRun fix = run("fix", args.toArray(String[]::new));

        assertThat(fix.exitCode()).as(fix.err() + fix.out()).isZero();
        JsonNode j = new ObjectMapper().readTree(fix.out());
        assertThat(j.get("cause").asText()).isEqualTo(s.expect().cause());
        assertThat(j.at("/fix/kind").asText()).isEqualTo(s.expect().fix());
        assertThat(j.get("plans")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.at("/outcome/wrote").asBoolean()).as(p.toString()).isTrue();
            assertThat(p.get("apiCalls")).isNotEmpty();
        });
        if (s.expect().input("password") != null) {
            String secret = s.expect().input("password");
            assertThat(fix.out() + fix.err()).doesNotContain(secret);
            try (Stream<Path> files = Files.walk(tmp.resolve("data"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
                }
            }
        }
        LabCli.await(id + " fixed", Duration.ofSeconds(20), lab::fixed);

        int written = j.get("plans").size();
        for (int i = 0; i < written; i++) {
            CliRun undo = run("undo", "--yes");
            assertThat(undo.exitCode()).as(undo.err() + undo.out()).isZero();
            assertThat(undo.out()).contains("APPLIED");
        }
        // undone: the workload's pod template is as it was, a pull secret Pullfix created is gone, and (for AWS
        // fixes, which a running pod does not notice) a new pod fails to pull again
        assertThat(deploymentTemplate()).isEqualTo(templateBefore);
        List<String> targets = new ArrayList<>();
        j.get("plans").forEach(p -> targets.add(p.get("target").asText()));
        assertThat(lab.apiServer().store().list(ResourceTypes.SECRETS, s.broken().namespace(), null))
                .noneMatch(o -> targets.stream().anyMatch(t -> t.endsWith("/Secret/" + o.name())));
        if (targets.stream().anyMatch(t -> t.startsWith("aws:"))) {
            String ns = s.broken().namespace();
            lab.apiServer().store().list(ResourceTypes.PODS, ns, null).stream()
                    .filter(p -> p.name().startsWith(s.broken().deployment() + "-"))
                    .forEach(p -> lab.apiServer().store().remove(ResourceTypes.PODS, ns, p.name()));
            LabCli.await(id + " broken again", Duration.ofSeconds(20), () -> !lab.fixed() && cli.failingPod().isPresent());
        }
    }

    JsonNode deploymentTemplate() {
        return lab.apiServer().store().get(ResourceTypes.DEPLOYMENTS, lab.scenario().broken().namespace(),
                lab.scenario().broken().deployment()).orElseThrow().toJson().path("spec").path("template");
    }

    /** A terminal that answers every question with {@code answer} and records the questions. */
    static picocli.CommandLine.IFactory terminal(String answer, List<String> asked) {
        Prompter p = new Prompter() {
            @Override
            public Optional<String> ask(String question) {
                asked.add(question);
                return Optional.of(answer);
            }

            @Override
            public Optional<char[]> askSecret(String question) {
                asked.add(question);
                return Optional.empty();
            }

            @Override
            public boolean interactive() {
                return true;
            }
        };
        return new picocli.CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == FixCommand.class) {
                    return cls.cast(new FixCommand(p));
                }
                if (cls == UndoCommand.class) {
                    return cls.cast(new UndoCommand(p));
                }
                return picocli.CommandLine.defaultFactory().create(cls);
            }
        };
    }

    @Test
    void onATerminalNoWritesNothingAndYWritesAndUndoAsksToo() throws Exception {
        String pod = start("S2");
        List<String> asked = new ArrayList<>();

        CliRun no = cli.run(terminal("n", asked), "fix", "-n", "default", pod, "--set", "tag=stable", "--watch", "0");

        assertThat(no.exitCode()).isEqualTo(1);
        assertThat(asked).containsExactly("Apply? [y/N] ");
        assertThat(no.err()).contains("Not confirmed: nothing was written.");
        assertThat(lab.fixed()).isFalse();

        CliRun yes = cli.run(terminal("y", asked), "fix", "-n", "default", pod, "--set", "tag=stable", "--watch", "0");

        assertThat(yes.exitCode()).as(yes.err() + yes.out()).isZero();
        assertThat(yes.out()).contains("APPLIED").contains("pullfix undo ");
        LabCli.await("S2 fixed", Duration.ofSeconds(20), lab::fixed);

        CliRun undoNo = cli.run(terminal("", asked), "undo");
        CliRun undoYes = cli.run(terminal("yes", asked), "undo");

        assertThat(undoNo.exitCode()).isEqualTo(1);
        assertThat(undoYes.exitCode()).as(undoYes.err() + undoYes.out()).isZero();
        assertThat(asked).hasSize(4);
        assertThat(Files.readString(tmp.resolve("data").resolve("audit.jsonl"))).contains("CANCELLED").contains("APPLY");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsWritten() throws Exception {
        String pod = start("S2");

        CliRun r = run("fix", "-n", "default", pod, "--set", "tag=stable");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Plan 1 of 1").contains("kubectl set image").contains("Diff");
        assertThat(r.err()).contains("no terminal to confirm on").contains("--yes");
        assertThat(run("undo", "--list", "--json").out()).contains("\"backups\" : [ ]");
        assertThat(Files.readString(tmp.resolve("data").resolve("audit.jsonl"))).contains("CANCELLED");
        assertThat(lab.fixed()).isFalse();
    }

    @Test
    void readOnlyModeRefusesFixAndUndo() throws Exception {
        String pod = start("S2");

        CliRun fix = run("fix", "-n", "default", pod, "--set", "tag=stable", "--yes", "--read-only");
        CliRun undo = run("undo", "--yes", "--read-only");

        assertThat(fix.exitCode()).isEqualTo(1);
        assertThat(fix.err()).contains("Read-only mode: nothing was written.");
        assertThat(undo.exitCode()).isEqualTo(3); // and there is nothing to undo either
        assertThat(lab.fixed()).isFalse();
    }

    @Test
    void dryRunShowsThePreviewAndTheDryRunsAnswerAndWritesNothing() throws Exception {
        String pod = start("S2");

        CliRun r = run("fix", "-n", "default", pod, "--set", "tag=stable", "--dry-run", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("DRY_RUN");
        assertThat(j.at("/plans/0/dryRun/status").asText()).isIn("PASSED", "NOT_OFFERED");
        assertThat(j.at("/plans/0/diff").asText()).contains("nginx:stable");
        assertThat(j.at("/plans/0/outcome").isMissingNode()).isTrue();
        assertThat(lab.fixed()).isFalse();
    }

    @Test
    void aFixTheDiagnosisDoesNotProposeAndAnUnknownInputAreBadUsage() throws Exception {
        String pod = start("S2");

        CliRun kind = run("fix", "-n", "default", pod, "--fix", "VPC_ENDPOINT_POLICY_EDIT", "--yes");
        CliRun input = run("fix", "-n", "default", pod, "--fix", "IMAGE_TAG_CHANGE", "--set", "colour=blue", "--yes");

        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("does not propose VPC_ENDPOINT_POLICY_EDIT").contains("IMAGE_TAG_CHANGE");
        assertThat(input.exitCode()).isEqualTo(2);
        assertThat(input.err()).contains("colour").contains("tag");
        assertThat(lab.fixed()).isFalse();
    }
}
