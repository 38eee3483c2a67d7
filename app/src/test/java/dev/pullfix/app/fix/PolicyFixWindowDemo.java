package dev.pullfix.app.fix;

import dev.pullfix.model.aws.InMemoryEcr;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.policy.PolicyEditorViewModelTest;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.NamedPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The seed 000 policy window over an in-memory repository, for the screenshots (nothing is written). */
public final class PolicyFixWindowDemo {
    private PolicyFixWindowDemo() {
    }

    public static PolicyFixWindow seed000(Locale locale, Path data) {
        InMemoryEcr repo = new InMemoryEcr(PolicyEditorViewModelTest.SEED);
        NamedPolicy readOnly = ManagedPolicies.all().stream()
                .filter(m -> m.name().equals("AmazonEC2ContainerRegistryReadOnly"))
                .map(m -> NamedPolicy.identity(m.arn(), m.document())).findFirst().orElseThrow();
        WritePath path = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "screenshots", false);
        return new PolicyFixWindow(new I18n(locale), TaskRunner.synchronous(), path, p -> false, PolicyFixWindowTest.plans(repo),
                new PolicyFixWindow.Repository("682844965773", "us-west-2", "retail-sample-app-ui",
                        "retail-sample-app-ui:0.4.0"), PolicyEditorViewModelTest.SEED, modelProposal(), PolicyEditorViewModelTest.ROLE,
                List.of(readOnly), line -> { });
    }

    /** What the diagnosis proposes for the seed policy (the report, the command line and this window show it). */
    static String modelProposal() {
        return dev.pullfix.model.diagnosis.runbook.FixProposal.EcrPolicyEdit.of(
                new dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef("682844965773", "us-west-2",
                        "retail-sample-app-ui", "aws"), PolicyEditorViewModelTest.SEED, "new policy",
                dev.pullfix.model.diagnosis.runbook.port.RoleRef.ofArn(PolicyEditorViewModelTest.ROLE, "test"), false)
                .proposedPolicy();
    }
}
