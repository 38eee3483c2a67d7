package dev.pullfix.model.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.aws.EcrCheckReport.CanPull;
import dev.pullfix.model.aws.EcrCheckReport.Check;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.policy.Decision;
import dev.pullfix.model.policy.Effect;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicyKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ECR check end to end: SDK clients against WireMock answering seed 000 and its variants. */
class EcrCheckTest extends AwsStubTest {
    EcrCheck check;

    @BeforeEach
    void newCheck() {
        check = new EcrCheck(session.ecr(), session.iam(), new PolicyEvaluator());
    }


    EcrCheckReport run(String image, String role) {
        return check.run(ImageReference.parse(image), role, false);
    }

    @Test
    void seedScenarioDeniesTheNodeRoleByTheRepositoryPolicy() {
        Seed000.stubEcr(stub, Seed000.POLICY_TEXT);
        Seed000.stubNodeRole(stub);
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE);
        assertThat(r.repositoryExists()).isTrue();
        assertThat(r.imageExists()).isTrue();
        assertThat(r.imageDetail().digest()).isEqualTo(Seed000.DIGEST);
        assertThat(r.repositoryPolicy()).isEqualTo(Seed000.POLICY_TEXT);
        assertThat(r.managedPullPolicies()).containsExactly("AmazonEC2ContainerRegistryReadOnly");
        assertThat(r.canPull()).isEqualTo(CanPull.NO);
        assertThat(EcrCheck.decisions(r)).containsEntry("ecr:GetAuthorizationToken", Decision.ALLOW)
                .containsEntry("ecr:BatchGetImage", Decision.EXPLICIT_DENY)
                .containsEntry("ecr:GetDownloadUrlForLayer", Decision.EXPLICIT_DENY);
        assertThat(r.decidingStatements()).singleElement().satisfies(d -> {
            assertThat(d.statement().sid()).isEqualTo("new policy");
            assertThat(d.statement().kind()).isEqualTo(PolicyKind.RESOURCE);
            assertThat(d.statement().effect()).isEqualTo(Effect.DENY);
            assertThat(d.actions()).containsExactly("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
        });
        assertThat(r.callerArn()).isEqualTo("arn:aws:sts::682844965773:assumed-role/" + Seed000.NODE_ROLE_NAME
                + "/pullfix-check");
    }

    @Test
    void seedScenarioAfterTheFixAllowsThePull() {
        Seed000.stubEcr(stub, Seed000.POLICY_TEXT.replace("\"Effect\" : \"Deny\"", "\"Effect\" : \"Allow\""));
        Seed000.stubNodeRole(stub);
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE);
        assertThat(r.canPull()).isEqualTo(CanPull.YES);
        assertThat(r.pullable()).isTrue();
        assertThat(r.decidingStatements()).isNotEmpty();
    }

    @Test
    void noRepositoryPolicyIsNormalAndIamAloneAllowsTheSameAccountPull() {
        Seed000.stubEcr(stub, null);
        Seed000.stubNodeRole(stub);
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE);
        assertThat(r.repositoryPolicy()).isNull();
        assertThat(r.checks()).extracting(Check::code).contains("aws.check.noRepositoryPolicy");
        assertThat(r.canPull()).isEqualTo(CanPull.YES);
        assertThat(r.decidingStatements()).allSatisfy(d -> assertThat(d.statement().kind()).isEqualTo(PolicyKind.IDENTITY));
    }

    @Test
    void crossAccountRoleWithoutRepositoryPolicyCannotPull() {
        Seed000.stubEcr(stub, null);
        Seed000.stubNodeRole(stub);
        String otherAccountRole = "arn:aws:iam::111122223333:role/" + Seed000.NODE_ROLE_NAME;
        EcrCheckReport r = run(Seed000.IMAGE, otherAccountRole);
        assertThat(r.canPull()).isEqualTo(CanPull.NO);
        assertThat(r.actions()).filteredOn(a -> a.action().equals("ecr:BatchGetImage")).singleElement()
                .satisfies(a -> assertThat(a.decision()).isEqualTo(Decision.IMPLICIT_DENY));
        assertThat(r.checks()).extracting(Check::code).contains("aws.check.crossAccount");
    }

    @Test
    void unreadableRepositoryPolicyMakesTheVerdictUnknownAndNamesTheMissingAction() {
        Seed000.stubEcr(stub, null);
        stub.ecrError("GetRepositoryPolicy", "AccessDeniedException", "User: arn:aws:sts::682844965773:assumed-role/Dev/bob "
                + "is not authorized to perform: ecr:GetRepositoryPolicy on resource: " + Seed000.REPO_ARN);
        Seed000.stubNodeRole(stub);
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE);
        assertThat(r.canPull()).isEqualTo(CanPull.UNKNOWN);
        assertThat(r.checks()).filteredOn(c -> c.id().equals("repositoryPolicy")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Check.Status.UNKNOWN);
            assertThat(c.code()).isEqualTo("aws.problem.accessDenied");
            assertThat(c.args().get(0)).isEqualTo("ecr:GetRepositoryPolicy");
        });
        // the token action does not depend on the repository policy
        assertThat(EcrCheck.decisions(r)).containsEntry("ecr:GetAuthorizationToken", Decision.ALLOW);
    }

    @Test
    void unreadableManagedPolicyVersionFallsBackToThePublishedDocument() {
        Seed000.stubEcr(stub, Seed000.POLICY_TEXT);
        Seed000.stubNodeRole(stub);
        stub.iamError("GetPolicyVersion", 403, "AccessDenied", "not authorized to perform: iam:GetPolicyVersion");
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE);
        assertThat(r.canPull()).isEqualTo(CanPull.NO);
        assertThat(EcrCheck.decisions(r)).containsEntry("ecr:GetAuthorizationToken", Decision.ALLOW);
    }

    @Test
    void unreadableCustomerPolicyLeavesOnlyAnExplicitDenyCertain() {
        Seed000.stubEcr(stub, null);
        Seed000.stubNodeRole(stub);
        stub.iam("ListAttachedRolePolicies", "<AttachedPolicies><member><PolicyName>custom</PolicyName>"
                + "<PolicyArn>arn:aws:iam::682844965773:policy/custom</PolicyArn></member></AttachedPolicies>"
                + "<IsTruncated>false</IsTruncated>");
        stub.iamError("GetPolicy", 403, "AccessDenied", "not authorized to perform: iam:GetPolicy");
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE);
        assertThat(r.canPull()).isEqualTo(CanPull.UNKNOWN);
        assertThat(r.actions()).allSatisfy(a -> assertThat(a.reasonCode()).isEqualTo("aws.check.identityIncomplete"));
    }

    @Test
    void missingTagOffersTheNearestTags() {
        Seed000.stubEcr(stub, null);
        stub.ecrErrorWhen("DescribeImages", "imageIds", "ImageNotFoundException",
                "The image with imageId {imageDigest:'null', imageTag:'0.4.1'} does not exist");
        stub.ecrWhen("DescribeImages", "maxResults", Seed000.DESCRIBE_IMAGES);
        EcrCheckReport r = run(Seed000.IMAGE.replace(":0.4.0", ":0.4.1"), null);
        assertThat(r.imageExists()).isFalse();
        assertThat(r.nearestTags()).extracting(TagCandidate::tag).containsExactly("0.4.0");
        assertThat(r.canPull()).isNull();
        assertThat(r.pullable()).isFalse();
    }

    @Test
    void missingRepositoryIsReportedWithoutFurtherEcrCalls() {
        stub.ecrError("DescribeRepositories", "RepositoryNotFoundException", "The repository with name 'nope' does not exist");
        stub.ecr("DescribePullThroughCacheRules", "{\"pullThroughCacheRules\":[]}");
        EcrCheckReport r = run("682844965773.dkr.ecr.us-west-2.amazonaws.com/nope:1", null);
        assertThat(r.repositoryExists()).isFalse();
        assertThat(r.imageExists()).isFalse();
        assertThat(r.repositoryPolicy()).isNull();
    }

    @Test
    void pullThroughCacheNeedsImportAndCreateRepositoryBeforeTheFirstPull() {
        stub.ecrError("DescribeRepositories", "RepositoryNotFoundException", "does not exist");
        stub.ecr("DescribePullThroughCacheRules", "{\"pullThroughCacheRules\":[{\"ecrRepositoryPrefix\":\"ecr-public\","
                + "\"upstreamRegistryUrl\":\"public.ecr.aws\",\"registryId\":\"682844965773\",\"upstreamRegistry\":\"ecr-public\"}]}");
        Seed000.stubNodeRole(stub);
        EcrCheckReport r = run("682844965773.dkr.ecr.us-west-2.amazonaws.com/ecr-public/nginx/nginx:latest",
                Seed000.NODE_ROLE);
        assertThat(r.pullThroughCache()).isNotNull();
        assertThat(r.imageExists()).isNull();
        assertThat(EcrCheck.decisions(r)).containsEntry("ecr:BatchImportUpstreamImage", Decision.IMPLICIT_DENY)
                .containsEntry("ecr:CreateRepository", Decision.IMPLICIT_DENY);
        assertThat(r.canPull()).isEqualTo(CanPull.NO);
    }

    @Test
    void expiredCredentialsStopTheCheckWithATypedProblem() {
        stub.ecrError("DescribeRepositories", "ExpiredTokenException", "The security token included in the request is expired");
        assertThatThrownBy(() -> run(Seed000.IMAGE, null)).isInstanceOfSatisfying(AwsProblemException.class,
                e -> assertThat(e.problem().kind()).isEqualTo(AwsProblem.Kind.EXPIRED_TOKEN));
    }

    @Test
    void refusesImagesOutsidePrivateEcr() {
        assertThatThrownBy(() -> run("nginx:1.27", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulatorCrossCheckIsShownBesideTheVerdict() {
        Seed000.stubEcr(stub, Seed000.POLICY_TEXT);
        Seed000.stubNodeRole(stub);
        stub.iam("SimulatePrincipalPolicy", "<IsTruncated>false</IsTruncated><EvaluationResults><member>"
                + "<EvalActionName>ecr:BatchGetImage</EvalActionName><EvalResourceName>*</EvalResourceName>"
                + "<EvalDecision>allowed</EvalDecision><MatchedStatements/><MissingContextValues/></member></EvaluationResults>");
        EcrCheckReport r = check.run(ImageReference.parse(Seed000.IMAGE), Seed000.NODE_ROLE, true);
        assertThat(r.simulation()).isNotEmpty();
        assertThat(r.canPull()).isEqualTo(CanPull.NO); // the identity side allows; the repository policy still denies
    }

    @Test
    void aDenyingEcrDkrEndpointPolicyDecidesAgainstThePull() {
        Seed000.stubEcr(stub, null);
        Seed000.stubNodeRole(stub);
        String full = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyOtherAccount\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"ecr:*\",\"Resource\":\"" + Seed000.REPO_ARN + "\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        PullNetwork net = PullNetwork.analyze("vpc-1", "us-west-2", java.util.List.of(
                PullNetworkTest.ep("vpce-api", "ecr.api", "Interface", true, full),
                PullNetworkTest.ep("vpce-dkr", "ecr.dkr", "Interface", true, deny),
                PullNetworkTest.ep("vpce-s3", "s3", "Gateway", false, full)));
        EcrCheckReport r = check.run(ImageReference.parse(Seed000.IMAGE), Seed000.NODE_ROLE, false, net);
        assertThat(r.canPull()).isEqualTo(CanPull.NO);
        assertThat(r.decidingStatements()).extracting(d -> d.statement().sid()).contains("OnlyOtherAccount");
        assertThat(r.decidingStatements()).allSatisfy(d ->
                assertThat(d.statement().kind()).isEqualTo(PolicyKind.VPC_ENDPOINT));
        assertThat(r.checks()).extracting(Check::code).contains("aws.check.network", "aws.net.endpointPolicy");
    }

    @Test
    void aBareRoleNameIsCheckedAsTheRoleArnIamReports() {
        Seed000.stubEcr(stub, Seed000.POLICY_TEXT);
        Seed000.stubNodeRole(stub);
        EcrCheckReport r = run(Seed000.IMAGE, Seed000.NODE_ROLE_NAME);
        assertThat(r.callerArn()).isEqualTo("arn:aws:sts::682844965773:assumed-role/" + Seed000.NODE_ROLE_NAME
                + "/pullfix-check");
        assertThat(r.canPull()).isEqualTo(CanPull.NO);
    }
}
