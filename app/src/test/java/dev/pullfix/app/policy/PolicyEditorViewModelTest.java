package dev.pullfix.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.NamedPolicy;
import dev.pullfix.model.policy.PolicyLint;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The editor's state without a toolkit: seed 000's policy, flipped, narrowed, broken. */
public class PolicyEditorViewModelTest {
    public static final String ROLE = "arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD";
    public static final String SEED = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"new policy\",\n    \"Effect\" : \"Deny\",\n    \"Principal\" : {\n      \"AWS\" : \"" + ROLE + "\"\n    },\n    \"Action\" : [ \"ecr:UploadLayerPart\", \"ecr:SetRepositoryPolicy\", \"ecr:PutImage\", \"ecr:ListImages\", \"ecr:InitiateLayerUpload\", \"ecr:GetRepositoryPolicy\", \"ecr:GetDownloadUrlForLayer\", \"ecr:DescribeRepositories\", \"ecr:DeleteRepositoryPolicy\", \"ecr:DeleteRepository\", \"ecr:CompleteLayerUpload\", \"ecr:BatchGetImage\", \"ecr:BatchDeleteImage\", \"ecr:BatchCheckLayerAvailability\" ]\n  } ]\n}";

    PolicyEditorViewModel vm(String proposal) {
        NamedPolicy readOnly = ManagedPolicies.all().stream().filter(m -> m.name().equals("AmazonEC2ContainerRegistryReadOnly"))
                .map(m -> NamedPolicy.identity(m.arn(), m.document())).findFirst().orElseThrow();
        var target = new PolicyEditorViewModel.PullTarget(
                "arn:aws:sts::682844965773:assumed-role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD/i-0a1b2c3d4e5f67890",
                "arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui", "retail-sample-app-ui:0.4.0",
                List.of(readOnly));
        return new PolicyEditorViewModel(SEED, proposal, target, new StatementSummary(new I18n(Locale.ENGLISH))::summarize);
    }

    @Test
    void theSeedPolicyDeniesTheNodeRoleAndNamesTheStatement() {
        PolicyEditorViewModel vm = vm(SEED);
        assertThat(vm.verdictProperty().get().verdict()).isEqualTo(KubeletPull.Verdict.NO);
        assertThat(vm.verdictProperty().get().decidingStatements()).anyMatch(s -> "new policy".equals(s.sid()));
        assertThat(vm.decidingLinesProperty().get()).contains(3, 4);
        assertThat(vm.summary()).containsExactly("no change to the statements");
        assertThat(vm.canApply()).isFalse();
    }

    @Test
    void flippingTheEffectInTheStructuralViewRewritesTheJsonAndTheVerdictButWarnsOfWriteGrants() {
        PolicyEditorViewModel vm = vm(SEED);
        vm.setEffect(0, "Allow");
        assertThat(vm.proposedProperty().get()).contains("\"Effect\" : \"Allow\"");
        assertThat(vm.verdictProperty().get().verdict()).isEqualTo(KubeletPull.Verdict.YES);
        assertThat(vm.summary()).contains("statement `new policy`: Effect Deny → Allow");
        assertThat(vm.findings()).anyMatch(f -> f.code().equals("lint.writeGrant"));
        assertThat(vm.changedLinesProperty().get().after()).contains(4);
        assertThat(vm.canApply()).isTrue();
    }

    @Test
    void removingThePullActionsFromTheDenyLetsTheRolePullWithoutWriteGrants() {
        PolicyEditorViewModel vm = vm(SEED);
        vm.setActions(0, List.of("ecr:UploadLayerPart", "ecr:SetRepositoryPolicy", "ecr:PutImage", "ecr:InitiateLayerUpload",
                "ecr:DeleteRepositoryPolicy", "ecr:DeleteRepository", "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage"));
        assertThat(vm.verdictProperty().get().verdict()).isEqualTo(KubeletPull.Verdict.YES);
        assertThat(vm.findings()).noneMatch(f -> f.code().equals("lint.writeGrant"));
        assertThat(vm.summary()).anyMatch(s -> s.startsWith("statement `new policy`: actions removed: ") && s.contains("ecr:BatchGetImage"));
    }

    @Test
    void invalidJsonMarksLineAndColumnAndKeepsTheLastValidStructure() {
        PolicyEditorViewModel vm = vm(SEED);
        var before = vm.structureProperty().get();
        vm.proposedProperty().set(SEED.replace("\"Effect\" : \"Deny\",", "\"Effect\" : \"Deny\""));
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.errorProperty().get().line()).isEqualTo(6);
        assertThat(vm.structureProperty().get()).isSameAs(before);
        assertThat(vm.findings()).anyMatch(f -> f.severity() == PolicyLint.Severity.ERROR);
        assertThat(vm.canApply()).isFalse();
        vm.proposedProperty().set(SEED);
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void addingAStatementAllowsTheNodeRoleButTheDenyStillWins() {
        PolicyEditorViewModel vm = vm(SEED);
        vm.addStatement();
        assertThat(vm.proposedProperty().get()).contains(ROLE).contains("NewStatement2");
        assertThat(vm.verdictProperty().get().verdict()).isEqualTo(KubeletPull.Verdict.NO);
        vm.removeStatement(1);
        assertThat(vm.proposedProperty().get()).doesNotContain("NewStatement2");
    }
}
