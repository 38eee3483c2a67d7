package dev.pullfix.model.fix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.aws.InMemoryEcr;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.WritePath;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcrPolicyPlanTest {
    /** The seed 000 policyText, as ECR returns it. */
    static final String SEED_POLICY = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"new policy\",\n    \"Effect\" : \"Deny\",\n    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD\"\n    },\n    \"Action\" : [ \"ecr:UploadLayerPart\", \"ecr:SetRepositoryPolicy\", \"ecr:PutImage\", \"ecr:ListImages\", \"ecr:InitiateLayerUpload\", \"ecr:GetRepositoryPolicy\", \"ecr:GetDownloadUrlForLayer\", \"ecr:DescribeRepositories\", \"ecr:DeleteRepositoryPolicy\", \"ecr:DeleteRepository\", \"ecr:CompleteLayerUpload\", \"ecr:BatchGetImage\", \"ecr:BatchDeleteImage\", \"ecr:BatchCheckLayerAvailability\" ]\n  } ]\n}";
    static final String NARROWED = SEED_POLICY.replace("\"ecr:GetDownloadUrlForLayer\", ", "")
            .replace("\"ecr:BatchGetImage\", ", "").replace(", \"ecr:BatchCheckLayerAvailability\"", "");

    @TempDir
    Path data;
    InMemoryEcr ecr;
    WritePath path;

    @BeforeEach
    void setUp() {
        ecr = new InMemoryEcr(SEED_POLICY);
        path = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "tester", false);
    }

    EcrPolicyPlan plan(StateText proposed) {
        return new EcrPolicyPlan(ecr, ecr, "682844965773", "us-west-2", "retail-sample-app-ui", proposed,
                "Stop denying the node role the pull actions", (c, p) -> DryRun.passed("checked locally"));
    }

    @Test
    void narrowingTheSeedDenyIsPreviewedThenWrittenThenUndone() throws Exception {
        EcrPolicyPlan plan = plan(StateText.of(NARROWED));
        var preview = path.preview(plan);
        assertThat(preview.diff()).contains("-    \"Action\"").contains("ecr:BatchGetImage");
        assertThat(ecr.calls).containsExactly("get");
        Outcome o = path.apply(preview, p -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(ecr.policy).contains(NARROWED);
        assertThat(plan.equivalentCommands().get(0)).startsWith("aws ecr set-repository-policy --registry-id 682844965773");
        Outcome undo = path.apply(path.previewUndo(plan, o.backup().orElseThrow()), p -> true);
        assertThat(undo.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(StateText.of(ecr.policy.orElseThrow()).sameAs(StateText.of(SEED_POLICY))).isTrue();
    }

    @Test
    void undoOfAFirstPolicyDeletesIt() throws Exception {
        ecr.policy = Optional.empty();
        EcrPolicyPlan plan = plan(StateText.of(NARROWED));
        Outcome o = path.apply(path.preview(plan), p -> true);
        assertThat(o.backup().orElseThrow().before().isAbsent()).isTrue();
        path.apply(path.previewUndo(plan, o.backup().orElseThrow()), p -> true);
        assertThat(ecr.calls).contains("delete");
        assertThat(ecr.policy).isEmpty();
    }

    @Test
    void accessDeniedOnTheWriteIsReportedAndAudited() throws Exception {
        ecr.denyWrites = true;
        Outcome o = path.apply(path.preview(plan(StateText.of(NARROWED))), p -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(o.message()).contains("ecr:SetRepositoryPolicy");
        assertThat(new AuditLog(data).read()).singleElement().satisfies(e -> assertThat(e.outcome()).startsWith("FAILED"));
    }
}
