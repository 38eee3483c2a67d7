package dev.pullfix.model.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritePathTest {
    static final String DENY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"new policy","Effect":"Deny",
             "Principal":{"AWS":"arn:aws:iam::682844965773:role/node"},"Action":["ecr:BatchGetImage"]}]}""";
    static final String ALLOW = DENY.replace("\"Deny\"", "\"Allow\"");

    @TempDir
    Path data;
    FakeRepository repo;
    WritePath path;
    List<String> events;

    /** An in-memory repository policy with a log of every read and write, in order. */
    static final class FakeRepository {
        StateText policy = StateText.of(DENY);
        final List<String> log;

        FakeRepository(List<String> log) {
            this.log = log;
        }
    }

    final class PolicyPlan implements FixPlan {
        final String target;
        final DryRun dry;
        final List<String> secrets;

        PolicyPlan(String target, DryRun dry, List<String> secrets) {
            this.target = target;
            this.dry = dry;
            this.secrets = secrets;
        }

        @Override
        public String kind() {
            return "ECR_POLICY_EDIT";
        }

        @Override
        public Target target() {
            return Target.ecrRepository("682844965773", "us-west-2", "retail-sample-app-ui");
        }

        @Override
        public String summary() {
            return "Set the repository policy";
        }

        @Override
        public List<String> apiCalls() {
            return List.of("ecr:SetRepositoryPolicy");
        }

        @Override
        public List<String> equivalentCommands() {
            return List.of("aws ecr set-repository-policy --repository-name retail-sample-app-ui --policy-text file://p.json");
        }

        @Override
        public StateText readCurrent() {
            repo.log.add("read");
            return repo.policy;
        }

        @Override
        public StateText proposed(StateText current) {
            return StateText.of(target);
        }

        @Override
        public DryRun dryRun(StateText current, StateText proposed) {
            repo.log.add("dry-run");
            return dry;
        }

        @Override
        public void apply(StateText current, StateText proposed) {
            repo.log.add("write");
            repo.policy = proposed;
        }

        @Override
        public FixPlan restore(StateText before) {
            return new PolicyPlan(before.text().orElseThrow(), DryRun.notOffered("no dry-run for SetRepositoryPolicy"), secrets);
        }

        @Override
        public List<String> secrets() {
            return secrets;
        }
    }

    @BeforeEach
    void setUp() {
        events = new ArrayList<>();
        repo = new FakeRepository(events);
        path = new WritePath(new BackupStore(data), new AuditLog(data),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), "tester", false);
    }

    PolicyPlan allowPlan() {
        return new PolicyPlan(ALLOW, DryRun.notOffered("no dry-run for SetRepositoryPolicy"), List.of());
    }

    @Test
    void previewShowsTheEffectChangeAndWritesNothing() throws Exception {
        Preview p = path.preview(allowPlan());
        assertThat(p.diff()).contains("-    \"Effect\" : \"Deny\"").contains("+    \"Effect\" : \"Allow\"");
        assertThat(p.dryRun().status()).isEqualTo(DryRun.Status.NOT_OFFERED);
        assertThat(events).doesNotContain("write");
        assertThat(repo.policy.text()).contains(DENY);
    }

    @Test
    void declinedConfirmationWritesNothingAndIsAudited() throws Exception {
        Outcome o = path.apply(path.preview(allowPlan()), shown -> false);
        assertThat(o.status()).isEqualTo(Outcome.Status.CANCELLED);
        assertThat(o.wrote()).isFalse();
        assertThat(events).doesNotContain("write");
        assertThat(repo.policy.text()).contains(DENY);
        assertThat(new AuditLog(data).read()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("CANCELLED"));
        assertThat(new BackupStore(data).list(allowPlan().target())).isEmpty();
    }

    @Test
    void confirmedWriteRereadsThenBacksUpThenWritesThenVerifies() throws Exception {
        Preview p = path.preview(allowPlan());
        events.clear();
        AtomicInteger asked = new AtomicInteger();
        Outcome o = path.apply(p, shown -> {
            asked.incrementAndGet();
            assertThat(events).isEmpty();
            return true;
        });
        assertThat(asked).hasValue(1);
        assertThat(o.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(o.text().key()).isEqualTo("outcome.applied");
        assertThat(events).containsExactly("read", "write", "read");
        Backup b = o.backup().orElseThrow();
        assertThat(Files.readString(b.file())).contains("Deny");
        assertThat(b.before().sameAs(StateText.of(DENY))).isTrue();
        List<AuditLog.Entry> audit = new AuditLog(data).read();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("tester");
            assertThat(e.action()).isEqualTo("APPLY");
            assertThat(e.outcome()).isEqualTo("VERIFIED");
            assertThat(e.before()).contains("Deny");
            assertThat(e.after()).contains("Allow");
            assertThat(e.backupId()).isEqualTo(b.id());
        });
    }

    @Test
    void refusesWhenTheTargetChangedSinceItWasShownAndOffersTheNewDiff() throws Exception {
        Preview p = path.preview(allowPlan());
        repo.policy = StateText.of(DENY.replace("ecr:BatchGetImage", "ecr:PutImage"));
        Outcome o = path.apply(p, shown -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.TARGET_CHANGED);
        assertThat(events).doesNotContain("write");
        assertThat(o.newPreview()).get().satisfies(np -> assertThat(np.diff()).contains("ecr:PutImage"));
        assertThat(new BackupStore(data).list(allowPlan().target())).isEmpty();
    }

    @Test
    void aFailedDryRunBlocksTheWriteBeforeTheUserIsAsked() throws Exception {
        PolicyPlan plan = new PolicyPlan(ALLOW, DryRun.failed("admission webhook denied"), List.of());
        Outcome o = path.apply(path.preview(plan), shown -> {
            throw new AssertionError("must not ask");
        });
        assertThat(o.status()).isEqualTo(Outcome.Status.DRY_RUN_FAILED);
        assertThat(events).doesNotContain("write");
        assertThat(o.text()).as("a code with the dry-run's answer, not an English sentence")
                .isEqualTo(dev.pullfix.model.text.Message.of("fix", "outcome.dryRunFailed", "admission webhook denied"));
        assertThat(o.message()).isEqualTo("The dry-run refused the change: admission webhook denied");
        assertThat(new dev.pullfix.model.text.Texts(java.util.Locale.JAPANESE).render(o.text()))
                .isEqualTo("ドライランが変更を拒否しました: admission webhook denied");
    }

    @Test
    void readOnlyModeNeverWrites() throws Exception {
        WritePath ro = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "tester", true);
        Outcome o = ro.apply(ro.preview(allowPlan()), shown -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.READ_ONLY);
        assertThat(events).doesNotContain("write");
    }

    @Test
    void undoRestoresTheBackupThroughTheSamePath() throws Exception {
        PolicyPlan plan = allowPlan();
        Outcome o = path.apply(path.preview(plan), shown -> true);
        assertThat(repo.policy.sameAs(StateText.of(ALLOW))).isTrue();
        Preview undo = path.previewUndo(plan, o.backup().orElseThrow());
        assertThat(undo.diff()).contains("+    \"Effect\" : \"Deny\"");
        assertThat(path.apply(undo, shown -> false).wrote()).isFalse();
        assertThat(repo.policy.sameAs(StateText.of(ALLOW))).isTrue();
        Outcome undone = path.apply(path.previewUndo(plan, o.backup().orElseThrow()), shown -> true);
        assertThat(undone.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(repo.policy.sameAs(StateText.of(DENY))).isTrue();
        assertThat(new BackupStore(data).list(plan.target())).hasSize(2);
    }

    @Test
    void secretsNeverReachTheDiffTheBackupOrTheAuditLog() throws Exception {
        String password = "hunter2-very-secret";
        String withSecret = "{\"auths\":{\"registry.example.com\":{\"password\":\"" + password + "\"}}}";
        PolicyPlan plan = new PolicyPlan(withSecret, DryRun.passed("ok"), List.of(password));
        Preview p = path.preview(plan);
        assertThat(p.diff()).doesNotContain(password).contains(Redaction.MASK);
        path.apply(p, shown -> true);
        String audit = Files.readString(new AuditLog(data).file());
        assertThat(audit).doesNotContain(password);
        Outcome again = path.apply(path.preview(new PolicyPlan(DENY, DryRun.passed("ok"), List.of(password))), s -> true);
        assertThat(Files.readString(again.backup().orElseThrow().file())).doesNotContain(password);
    }

    @Test
    void nothingToDoWhenTheTargetAlreadyHasTheProposedState() throws Exception {
        Outcome o = path.apply(path.preview(new PolicyPlan(DENY, DryRun.passed("ok"), List.of())), s -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.NOTHING_TO_DO);
        assertThat(events).doesNotContain("write");
    }
}
