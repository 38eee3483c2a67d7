package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each seed scenario, end to end through the runbooks against in-memory ports (real classifier, real policy
 * evaluator): the cause found, the steps walked (the documents' numbers) and the fixes proposed.
 */
class SeedScenariosTest {

    static List<String> numbers(Diagnosis d) {
        return d.steps().stream().map(s -> s.step().number()).toList();
    }

    static List<String> verdicts(Diagnosis d) {
        return d.steps().stream().map(s -> s.step().number() + ":" + s.verdict()).toList();
    }

    static List<FixKind> fixKinds(Diagnosis d) {
        return d.fixes().stream().map(FixProposal::kind).toList();
    }

    static String describe(Diagnosis d) {
        StringBuilder sb = new StringBuilder("start=" + d.startRunbook() + " cause=" + d.cause() + " symptom=" + d.symptom()
                + " finding=" + d.finding() + " runbooks=" + d.runbooks() + "\n");
        d.steps().forEach(s -> sb.append("  ").append(s.runbookId()).append(" ").append(s.step().number()).append(" ")
                .append(s.verdict()).append(" ").append(s.outcome().finding()).append(" ").append(s.outcome().detail())
                .append(" ").append(s.outcome().permission()).append("\n"));
        d.fixes().forEach(f -> sb.append("  fix ").append(f).append("\n"));
        return sb.toString();
    }

    @Test
    void findsTheRepositoryPolicyDenyOnTheNodeRoleInSevenWorkshopSteps() {
        Diagnosis d = Engines.diagnose(Scenarios.ecrPolicyDeny(false));

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("ecr-private-image");
        assertThat(d.symptom()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.finding().code()).isEqualTo("repositoryPolicyDenies");
        assertThat(d.finding().args()).containsExactly("retail-sample-app-ui", "new policy", Scenarios.ROLE_NAME);
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:OK", "4:OK", "5:OK", "6:PROBLEM", "7:PENDING");
        assertThat(d.eventsGone()).isFalse();
        assertThat(fixKinds(d)).containsExactly(FixKind.ECR_POLICY_EDIT);
        FixProposal.EcrPolicyEdit fix = (FixProposal.EcrPolicyEdit) d.fixes().get(0);
        assertThat(fix.target()).isEqualTo(new FixProposal.Target("EcrRepository", "retail-sample-app-ui", "682844965773/us-west-2"));
        assertThat(fix.sid()).isEqualTo("new policy");
        assertThat(fix.principal()).isEqualTo(Scenarios.ROLE_ARN);
        assertThat(fix.currentPolicy()).isEqualTo(Scenarios.SEED_POLICY);
        // the minimal edit (PullFixProposal, as the policy window proposes it): the pull actions leave the Deny, the
        // node role is still denied pushing and deleting, nothing is granted to anyone
        String proposed = fix.proposedPolicy();
        assertThat(proposed).isEqualTo(new dev.pullfix.model.policy.PullFixProposal().propose(Scenarios.SEED_POLICY,
                Scenarios.ROLE_ARN, Scenarios.UI_REPO.arn(), true).after());
        assertThat(fix.resolves()).isTrue();
        assertThat(proposed).contains("\"Effect\" : \"Deny\"").contains("ecr:DeleteRepository").contains("ecr:PutImage")
                .doesNotContain("ecr:BatchGetImage").doesNotContain("ecr:GetDownloadUrlForLayer").doesNotContain("\"Allow\"");
        PolicyJudge.PolicySource after = new PolicyJudge.PolicySource("repo", PolicyJudge.PolicySource.Kind.RESOURCE, proposed);
        String session = "arn:aws:sts::" + Scenarios.ACCOUNT + ":assumed-role/" + Scenarios.ROLE_NAME + "/i-0abc1234567890def";
        assertThat(new PolicyEvaluatorJudge().judge(new PolicyJudge.AccessQuestion(session, "ecr:BatchGetImage",
                Scenarios.UI_REPO.arn()), List.of(after)).decision()).isNotIn(PolicyJudge.Decision.EXPLICIT_DENY);
        assertThat(new PolicyEvaluatorJudge().judge(new PolicyJudge.AccessQuestion(session, "ecr:DeleteRepository",
                Scenarios.UI_REPO.arn()), List.of(after)).decision()).isEqualTo(PolicyJudge.Decision.EXPLICIT_DENY);
    }

    @Test
    void workshopStepsShowTheirCommandsWithTheLiveNamesFilledIn() {
        Diagnosis d = Engines.diagnose(Scenarios.ecrPolicyDeny(false));

        assertThat(d.steps().get(2).commands()).containsExactly("kubectl get deployment ui-private -n default -o jsonpath="
                + "'{.spec.template.spec.containers[*].image}'");
        assertThat(d.steps().get(3).commands()).startsWith("aws ecr describe-images --registry-id 682844965773 "
                + "--region us-west-2 --repository-name retail-sample-app-ui --image-ids imageTag=0.4.0");
        assertThat(d.steps().get(3).commands()).contains("skopeo list-tags --creds AWS:$(aws ecr get-login-password "
                + "--region us-west-2) docker://682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui");
        assertThat(d.steps().get(4).commands().get(0)).contains("--cluster-name eks-workshop --nodegroup-name default");
        StepResult events = d.steps().get(1);
        assertThat(events.outcome().evidence().get(0).rows()).hasSize(6)
                .anySatisfy(r -> assertThat(r.get(4)).endsWith("403 Forbidden").isNotNull()
                        .satisfies(m -> assertThat(r.get(2)).isEqualTo("3m53s (x4 over 5m14s)")));
        StepResult image = d.steps().get(3);
        assertThat(image.outcome().evidence().get(0).body()).contains("\"imageTags\" : [ \"0.4.0\" ]")
                .contains("sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1");
        StepResult policy = d.steps().get(5);
        assertThat(policy.outcome().evidence()).extracting(Evidence::label)
                .containsExactly("evidence.repositoryPolicy", "evidence.policyDecisions", "evidence.decidingStatement");
        assertThat(policy.outcome().evidence().get(2).body()).contains("\"Sid\" : \"new policy\"").contains("\"Deny\"");
    }

    @Test
    void findsTheSameDenyFromTheAwsSideWhenTheEventsHaveExpired() {
        Diagnosis d = Engines.diagnose(Scenarios.ecrPolicyDeny(true));

        assertThat(d.eventsGone()).as(describe(d)).isTrue();
        assertThat(d.symptom()).isNull();
        assertThat(d.startRunbook()).isEqualTo("ecr-private-image");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:COULD_NOT_CHECK", "3:OK", "4:OK", "5:OK", "6:PROBLEM", "7:PENDING");
        assertThat(d.steps().get(1).outcome().reason()).isEqualTo(dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason.EVENTS_GONE);
        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(fixKinds(d)).containsExactly(FixKind.ECR_POLICY_EDIT);
    }

    @Test
    void saysWhichPermissionIsMissingWhenTheRepositoryPolicyCannotBeRead() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        w.aws().deny("ecr:GetRepositoryPolicy");
        Diagnosis d = Engines.diagnose(w);

        StepResult six = d.steps().get(5);
        assertThat(six.verdict()).as(describe(d)).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(six.outcome().permission()).isEqualTo("ecr:GetRepositoryPolicy");
        assertThat(numbers(d)).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.finding()).isNull();
        assertThat(d.fixes()).isEmpty();
    }

    @Test
    void findsAMissingDockerHubTagAndProposesAnotherTag() {
        Diagnosis d = Engines.diagnose(Scenarios.dockerHubTagMissing());

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("image-not-found");
        assertThat(d.cause()).isEqualTo("TAG_NOT_FOUND");
        assertThat(d.finding().code()).isEqualTo("registryTagMissing");
        // 3.1/3.2 (repository, platform) need the registry's details, which this fake registry does not give
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:PROBLEM", "3.1:COULD_NOT_CHECK",
                "3.2:COULD_NOT_CHECK", "4:SKIPPED", "6:OK", "6.1:PENDING");
        assertThat(d.runbooks()).containsExactly("image-not-found", "restart-after-fix");
        assertThat(fixKinds(d)).containsExactly(FixKind.IMAGE_TAG_CHANGE, FixKind.MANUAL);
        assertThat(((FixProposal.ImageTagChange) d.fixes().get(0)).currentImage()).isEqualTo("nginx:foo");
        assertThat(d.fixes().get(0).summary().args()).containsExactly("nginx", "foo");
        assertThat(d.fixes().get(1).summary().key()).isEqualTo("fix.recreatePod");
    }

    @Test
    void findsAMissingDockerHubRepositoryAndProposesToCorrectTheName() {
        Diagnosis d = Engines.diagnose(Scenarios.dockerHubRepositoryMissing());

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("image-not-found");
        assertThat(d.cause()).isEqualTo("REPO_NOT_FOUND_OR_NO_AUTH");
        assertThat(d.finding().code()).isEqualTo("registryRepositoryMissingOrPrivate");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:PROBLEM", "3.1:COULD_NOT_CHECK",
                "3.2:COULD_NOT_CHECK", "4:SKIPPED", "6:OK", "6.1:PENDING");
        assertThat(fixKinds(d)).containsExactly(FixKind.IMAGE_REFERENCE_CHANGE, FixKind.MANUAL);
        assertThat(((FixProposal.ImageReferenceChange) d.fixes().get(0)).currentImage()).isEqualTo("nginxx");
    }

    @Test
    void findsAPrivateRegistryWithoutImagePullSecretsAndProposesTheSecretAndItsReference() {
        Diagnosis d = Engines.diagnose(Scenarios.privateRegistryWithoutSecret());

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("private-registry-credentials");
        assertThat(d.cause()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
        assertThat(d.finding().code()).isEqualTo("privateRegistryNoCredentials");
        // 4.1 asks the registry itself whether it wants credentials; this world has no registry to ask
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:PROBLEM", "4.1:COULD_NOT_CHECK", "6:OK",
                "6.1:PENDING");
        assertThat(fixKinds(d)).containsExactly(FixKind.CREATE_PULL_SECRET, FixKind.ADD_IMAGE_PULL_SECRET, FixKind.ROLLOUT_RESTART);
        assertThat(d.fixes().get(0).target()).isEqualTo(new FixProposal.Target("Secret", "regcred", "default"));
        FixProposal.CreatePullSecret secret = (FixProposal.CreatePullSecret) d.fixes().get(0);
        assertThat(secret.server()).isEqualTo("your.private.registry.example.com");
        assertThat(secret.referenceFrom()).isEqualTo(new dev.pullfix.model.cluster.WorkloadRef("Deployment", "private-reg"));
        assertThat(d.fixes().get(1).target()).isEqualTo(new FixProposal.Target("Deployment", "private-reg", "default"));
    }

    @Test
    void anExistingButUnreferencedSecretForThePrivateRegistryIsProposedForReferencingInsteadOfANewOne() {
        Scenarios.World w = Scenarios.privateRegistryWithoutSecret();
        w.cluster().secrets.put("default/acme-pull", new dev.pullfix.model.diagnosis.runbook.port.SecretFacts("default",
                "acme-pull", "kubernetes.io/dockerconfigjson", java.util.Set.of("https://your.private.registry.example.com/v1/")));

        Diagnosis d = Engines.diagnose(w);

        assertThat(d.cause()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
        assertThat(d.steps().stream().map(s -> s.outcome().finding()).filter(java.util.Objects::nonNull).map(Finding::code))
                .contains("pullSecretNotReferenced");
        assertThat(fixKinds(d)).as(describe(d)).containsExactly(FixKind.ADD_IMAGE_PULL_SECRET, FixKind.ROLLOUT_RESTART);
        assertThat(d.fixes().get(0).target()).isEqualTo(new FixProposal.Target("Deployment", "private-reg", "default"));
        assertThat(((FixProposal.AddImagePullSecret) d.fixes().get(0)).secret()).isEqualTo("acme-pull");
    }

    @Test
    void findsThatTheNodeHasNoRouteToTheRegistryOnATimeout() {
        Diagnosis d = Engines.diagnose(Scenarios.registryTimeout());

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("registry-unreachable");
        assertThat(d.symptom()).isEqualTo("NETWORK_TIMEOUT");
        assertThat(d.cause()).isEqualTo("NETWORK_TIMEOUT");
        assertThat(d.finding().code()).isEqualTo("nodeNoRouteToRegistry");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:OK", "4:SKIPPED", "6:OK", "6.1:PENDING");
        assertThat(fixKinds(d)).containsExactly(FixKind.MANUAL, FixKind.ROLLOUT_RESTART);
        assertThat(d.fixes().get(0).summary().key()).isEqualTo("fix.addNatRoute");
    }

    @Test
    void findsAnonymousDockerHubPullsOverTheRateLimit() {
        Diagnosis d = Engines.diagnose(Scenarios.rateLimited());

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("rate-limit");
        assertThat(d.cause()).isEqualTo("RATE_LIMITED");
        assertThat(d.finding().code()).isEqualTo("anonymousPullsRateLimited");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "6:OK", "6.1:PENDING");
        assertThat(fixKinds(d)).containsExactly(FixKind.CREATE_PULL_SECRET, FixKind.ADD_IMAGE_PULL_SECRET, FixKind.MANUAL,
                FixKind.ROLLOUT_RESTART);
        assertThat(d.steps().get(1).outcome().evidence().get(0).rows()).contains(List.of("ratelimit-remaining / ratelimit-limit", "0 / 100"));
    }

    @Test
    void findsANodeRoleWithoutEcrReadAccess() {
        Diagnosis d = Engines.diagnose(Scenarios.nodeRoleWithoutEcr(false));

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("node-iam-role");
        assertThat(d.cause()).isEqualTo("ECR_TOKEN_OR_AUTH");
        assertThat(d.finding().code()).isEqualTo("nodeRoleLacksEcrPull");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2.1:PROBLEM", "2.2:OK", "3:COULD_NOT_CHECK", "4:OK", "6:OK", "6.1:PENDING");
        assertThat(fixKinds(d)).containsExactly(FixKind.NODE_ROLE_ATTACH_POLICY, FixKind.ROLLOUT_RESTART);
        assertThat(d.fixes().get(0).target()).isEqualTo(new FixProposal.Target("IamRole", Scenarios.SHOP_ROLE, Scenarios.SHOP_ACCOUNT));
        assertThat(((FixProposal.NodeRoleAttachPolicy) d.fixes().get(0)).policyArn())
                .isEqualTo("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
        assertThat(d.steps().get(3).outcome().reason()).isEqualTo(dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason.NEEDS_NODE_SHELL);
    }

    @Test
    void explainsThatEcrPermissionsOnTheIrsaRoleDoNotReachTheKubelet() {
        Diagnosis d = Engines.diagnose(Scenarios.nodeRoleWithoutEcr(true));

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("node-iam-role");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2.1:PROBLEM", "2.2:PROBLEM", "3:COULD_NOT_CHECK", "4:OK", "6:OK", "6.1:PENDING");
        assertThat(d.steps().get(2).outcome().finding()).isEqualTo(Finding.cause("ECR_TOKEN_OR_AUTH", "irsaNotUsedForPulls",
                "api", "shop-api-irsa", Scenarios.SHOP_ROLE));
        assertThat(fixKinds(d)).containsExactly(FixKind.NODE_ROLE_ATTACH_POLICY, FixKind.ROLLOUT_RESTART);
    }

    @Test
    void findsTheVpcEndpointPolicyDenyingBatchGetImage() {
        Diagnosis d = Engines.diagnose(Scenarios.vpcEndpointPolicyDenies());

        assertThat(d.startRunbook()).as(describe(d)).isEqualTo("ecr-private-image");
        assertThat(d.runbooks()).containsExactly("ecr-private-image", "vpc-endpoint-network", "restart-after-fix");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:OK", "4:OK", "5:OK", "6:OK", "5.1:OK", "5.2:PROBLEM",
                "6:OK", "6.1:PENDING");
        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.finding()).isEqualTo(Finding.cause("FORBIDDEN_POLICY", "vpcEndpointPolicyDenies", "vpce-0dkr",
                "ecr:BatchGetImage", "DenyImagePulls"));
        assertThat(fixKinds(d)).containsExactly(FixKind.VPC_ENDPOINT_POLICY_EDIT, FixKind.ROLLOUT_RESTART);
        assertThat(d.fixes().get(0).target()).isEqualTo(new FixProposal.Target("VpcEndpoint", "vpce-0dkr", "eu-west-1"));
    }

    @Test
    void findsATagThatWasNeverPushedFromEcrAloneWhenTheEventsAreGone() {
        Diagnosis d = Engines.diagnose(Scenarios.tagNeverPushed());

        assertThat(d.eventsGone()).as(describe(d)).isTrue();
        assertThat(d.startRunbook()).isEqualTo("ecr-private-image");
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:COULD_NOT_CHECK", "3:OK", "4:PROBLEM", "7:PENDING");
        assertThat(d.cause()).isEqualTo("TAG_NOT_FOUND");
        assertThat(d.finding()).isEqualTo(Finding.cause("TAG_NOT_FOUND", "ecrTagMissing", "retail-sample-app-ui", "0.4.1", "0.4.0, 0.3.9"));
        assertThat(fixKinds(d)).containsExactly(FixKind.IMAGE_TAG_CHANGE, FixKind.MANUAL);
        FixProposal.ImageTagChange tag = (FixProposal.ImageTagChange) d.fixes().get(0);
        assertThat(tag.suggestedTag()).contains("0.4.0");
        assertThat(tag.candidates()).containsExactly("0.4.0", "0.3.9");
        assertThat(tag.currentImage()).endsWith(":0.4.1");
    }

    @Test
    void routesAnEcrNotFoundToTheImageRunbookWhichAsksEcrAndSuggestsTheNewestTag() {
        Scenarios.World w = Scenarios.tagNeverPushed();
        String image = Scenarios.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.1";
        w.cluster().event(Scenarios.ev("default", w.pod(), "Warning", "Failed", "Failed to pull image \"" + image + "\": rpc error: "
                + "code = NotFound desc = failed to pull and unpack image \"" + image + "\": failed to resolve reference \"" + image
                + "\": " + image + ": not found", 3, 200, 30, "kubelet"));
        Diagnosis d = Engines.diagnose(w);

        assertThat(d.eventsGone()).as(describe(d)).isFalse();
        assertThat(d.startRunbook()).isEqualTo("image-not-found");
        // ECR images skip the registry-API sub-steps: the ECR API answered step 3
        assertThat(verdicts(d)).containsExactly("1:PROBLEM", "2:PROBLEM", "3:PROBLEM", "3.1:SKIPPED", "3.2:SKIPPED",
                "4:SKIPPED", "6:OK", "6.1:PENDING");
        assertThat(d.finding().code()).isEqualTo("ecrTagMissing");
        assertThat(((FixProposal.ImageTagChange) d.fixes().get(0)).suggestedTag()).contains("0.4.0");
        assertThat(d.steps().get(2).commands().get(0)).isEqualTo("skopeo inspect --raw docker://" + image);
    }
}
