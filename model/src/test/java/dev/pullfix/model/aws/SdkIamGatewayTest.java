package dev.pullfix.model.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.policy.ManagedPolicies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SdkIamGatewayTest extends AwsStubTest {



    @Test
    void readsTheSeedNodeRolesAttachedPoliciesWithDecodedDefaultVersions() {
        Seed000.stubNodeRole(stub);
        RolePolicies rp = session.iam().rolePolicies(Seed000.NODE_ROLE).value();
        assertThat(rp.roleArn()).isEqualTo(Seed000.NODE_ROLE);
        assertThat(rp.attached()).extracting(PolicyDocumentRef::name).containsExactly("AmazonSSMManagedInstanceCore",
                "AmazonEC2ContainerRegistryReadOnly", "AmazonEKSWorkerNodePolicy", "AmazonSSMPatchAssociation");
        PolicyDocumentRef readOnly = rp.attached().get(1);
        assertThat(readOnly.versionId()).isEqualTo("v3");
        assertThat(readOnly.document()).isEqualTo(Seed000.READ_ONLY_DOCUMENT);
        assertThat(readOnly.awsManaged()).isTrue();
        assertThat(rp.inline()).isEmpty();
        assertThat(rp.permissionsBoundary()).isNull();
        assertThat(rp.complete()).isTrue();
        assertThat(ManagedPolicies.pullCapable(rp.attached().stream().map(PolicyDocumentRef::arn).toList()))
                .containsExactly("AmazonEC2ContainerRegistryReadOnly");
    }

    @Test
    void sendsTheQueryProtocolFormWithTheRoleName() {
        Seed000.stubNodeRole(stub);
        session.iam().rolePolicies(Seed000.NODE_ROLE);
        stub.server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Action=ListAttachedRolePolicies&Version=2010-05-08"))
                .withRequestBody(containing("RoleName=" + Seed000.NODE_ROLE_NAME)));
    }

    @Test
    void acceptsAnAssumedRoleSessionArn() {
        Seed000.stubNodeRole(stub);
        RolePolicies rp = session.iam().rolePolicies("arn:aws:sts::682844965773:assumed-role/" + Seed000.NODE_ROLE_NAME
                + "/i-0abc123def4567890").value();
        assertThat(rp.roleName()).isEqualTo(Seed000.NODE_ROLE_NAME);
        assertThat(rp.roleArn()).isEqualTo(Seed000.NODE_ROLE);
    }

    @Test
    void readsInlinePoliciesAndThePermissionsBoundary() {
        Seed000.stubNodeRole(stub);
        String boundary = "arn:aws:iam::682844965773:policy/NodeBoundary";
        stub.iam("GetRole", Seed000.getRole(Seed000.NODE_ROLE_NAME, boundary));
        stub.iam("ListRolePolicies", "<PolicyNames><member>pull-extra</member></PolicyNames><IsTruncated>false</IsTruncated>");
        String inline = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:BatchImportUpstreamImage\",\"Resource\":\"*\"}]}";
        stub.iam("GetRolePolicy", "<RoleName>" + Seed000.NODE_ROLE_NAME + "</RoleName><PolicyName>pull-extra</PolicyName>"
                + "<PolicyDocument>" + AwsStub.urlEncode(inline) + "</PolicyDocument>");
        stub.iamWhen("GetPolicy", "NodeBoundary", Seed000.getPolicy("NodeBoundary", "v2"));
        stub.iamWhen("GetPolicyVersion", "NodeBoundary", Seed000.getPolicyVersion("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}", "v2"));
        RolePolicies rp = session.iam().rolePolicies(Seed000.NODE_ROLE).value();
        assertThat(rp.inline()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("pull-extra");
            assertThat(p.document()).isEqualTo(inline);
        });
        assertThat(rp.boundary()).hasValueSatisfying(b -> assertThat(b.document()).contains("ecr:*"));
    }

    @Test
    void unreadablePolicyVersionKeepsTheRestAndNamesTheMissingAction() {
        Seed000.stubNodeRole(stub);
        stub.iamError("GetPolicyVersion", 403, "AccessDenied", "User: arn:aws:sts::682844965773:assumed-role/Dev/bob "
                + "is not authorized to perform: iam:GetPolicyVersion on resource: policy "
                + "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly because no identity-based policy allows "
                + "the iam:GetPolicyVersion action");
        RolePolicies rp = session.iam().rolePolicies(Seed000.NODE_ROLE).value();
        assertThat(rp.complete()).isFalse();
        PolicyDocumentRef readOnly = rp.attached().get(1);
        assertThat(readOnly.document()).isNull();
        assertThat(readOnly.problem().missingAction()).isEqualTo("iam:GetPolicyVersion");
    }

    @Test
    void unknownRoleIsNotFound() {
        stub.iamError("GetRole", 404, "NoSuchEntity", "The role with name nope cannot be found.");
        AwsProblem p = session.iam().rolePolicies("nope").problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.NOT_FOUND);
        assertThat(p.errorCode()).isEqualTo("NoSuchEntity");
    }

    @Test
    void iamThrottlingIsTyped() {
        stub.iamError("GetRole", 400, "Throttling", "Rate exceeded");
        stub.iamError("ListAttachedRolePolicies", 400, "Throttling", "Rate exceeded");
        stub.iamError("ListRolePolicies", 400, "Throttling", "Rate exceeded");
        RolePolicies rp = session.iam().rolePolicies(Seed000.NODE_ROLE).value();
        assertThat(rp.problems()).extracting(AwsProblem::kind).containsOnly(AwsProblem.Kind.THROTTLED);
    }

    @Test
    void expiredTokenStopsTheRoleLookup() {
        stub.iamError("GetRole", 403, "ExpiredToken", "The security token included in the request is expired");
        AwsProblem p = session.iam().rolePolicies(Seed000.NODE_ROLE).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.EXPIRED_TOKEN);
    }

    @Test
    void resolvesAnInstanceProfileToItsRole() {
        stub.iam("GetInstanceProfile", "<InstanceProfile><InstanceProfileId>AIPAZ6EXAMPLE00001</InstanceProfileId>"
                + "<Roles><member><Path>/</Path><RoleName>" + Seed000.NODE_ROLE_NAME + "</RoleName><RoleId>AROAZ6EXAMPLEROLEID01</RoleId>"
                + "<Arn>" + Seed000.NODE_ROLE + "</Arn><CreateDate>2024-10-11T13:40:02Z</CreateDate></member></Roles>"
                + "<InstanceProfileName>eks-a2c9-nodes</InstanceProfileName><Path>/</Path>"
                + "<Arn>arn:aws:iam::682844965773:instance-profile/eks-a2c9-nodes</Arn>"
                + "<CreateDate>2024-10-11T13:41:00Z</CreateDate></InstanceProfile>");
        InstanceProfileInfo ip = session.iam().instanceProfile("arn:aws:iam::682844965773:instance-profile/eks-a2c9-nodes")
                .value();
        assertThat(ip.roleArns()).containsExactly(Seed000.NODE_ROLE);
        stub.server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("InstanceProfileName=eks-a2c9-nodes")));
    }

    @Test
    void simulatorAnswerIsReadWithMatchedStatementPositions() {
        stub.iam("GetRole", Seed000.getRole(Seed000.NODE_ROLE_NAME, null));
        stub.iam("SimulatePrincipalPolicy", "<IsTruncated>false</IsTruncated><EvaluationResults>"
                + "<member><EvalActionName>ecr:BatchGetImage</EvalActionName><EvalResourceName>" + Seed000.REPO_ARN
                + "</EvalResourceName><EvalDecision>allowed</EvalDecision><MatchedStatements><member>"
                + "<SourcePolicyId>AmazonEC2ContainerRegistryReadOnly</SourcePolicyId><SourcePolicyType>aws-managed</SourcePolicyType>"
                + "<StartPosition><Line>3</Line><Column>17</Column></StartPosition><EndPosition><Line>22</Line><Column>6</Column></EndPosition>"
                + "</member></MatchedStatements><MissingContextValues/><EvalDecisionDetails/></member>"
                + "<member><EvalActionName>ecr:BatchImportUpstreamImage</EvalActionName><EvalResourceName>" + Seed000.REPO_ARN
                + "</EvalResourceName><EvalDecision>implicitDeny</EvalDecision><MatchedStatements/><MissingContextValues/></member>"
                + "</EvaluationResults>");
        List<SimulationResult> r = session.iam().simulatePrincipalPolicy("arn:aws:sts::682844965773:assumed-role/"
                + Seed000.NODE_ROLE_NAME + "/i-0abc", List.of("ecr:BatchGetImage", "ecr:BatchImportUpstreamImage"),
                List.of(Seed000.REPO_ARN), Map.of("aws:SourceVpce", List.of("vpce-0abc"))).value();
        assertThat(r).hasSize(2);
        assertThat(r.get(0).allowed()).isTrue();
        assertThat(r.get(0).matched()).singleElement().satisfies(m -> {
            assertThat(m.sourcePolicyId()).isEqualTo("AmazonEC2ContainerRegistryReadOnly");
            assertThat(m.startLine()).isEqualTo(3);
        });
        assertThat(r.get(1).decision()).isEqualTo("implicitDeny");
        // the simulator takes the role ARN, not the session, and the context entry typed as string
        stub.server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("PolicySourceArn="
                + AwsStub.urlEncode(Seed000.NODE_ROLE))).withRequestBody(containing("ContextKeyType=string")));
    }

    @Test
    void simulatorDeniedIsACouldNotCheck() {
        stub.iamError("SimulatePrincipalPolicy", 403, "AccessDenied", "User: arn:aws:sts::682844965773:assumed-role/Dev/bob "
                + "is not authorized to perform: iam:SimulatePrincipalPolicy on resource: " + Seed000.NODE_ROLE);
        AwsProblem p = session.iam().simulatePrincipalPolicy(Seed000.NODE_ROLE, List.of("ecr:BatchGetImage"),
                List.of(), Map.of()).problem().orElseThrow();
        assertThat(p.missingAction()).isEqualTo("iam:SimulatePrincipalPolicy");
    }

    @Test
    void whoAmIReadsStsGetCallerIdentity() {
        stub.sts("GetCallerIdentity", "<Arn>arn:aws:sts::682844965773:assumed-role/Admin/alice</Arn>"
                + "<UserId>AROAZ6EXAMPLEROLEID01:alice</UserId><Account>682844965773</Account>");
        CallerIdentity me = session.sts().callerIdentity().value();
        assertThat(me.account()).isEqualTo("682844965773");
        assertThat(me.arn()).endsWith("assumed-role/Admin/alice");
    }
}
