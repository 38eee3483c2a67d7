package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLintTest {

    private static List<String> codes(PolicyLint.Report r) {
        return r.findings().stream().map(PolicyLint.Finding::code).toList();
    }

    @Test
    void flippingTheSeedDenyToAllowTriggersTheWriteGrantWarning() {
        String flipped = SeedScenarioTest.SEED_POLICY.replace("\"Deny\"", "\"Allow\"");
        PolicyLint.Report r = PolicyLint.lint(flipped, PolicyLint.Target.AUTO);

        assertThat(r.target()).isEqualTo(PolicyLint.Target.RESOURCE);
        assertThat(r.hasErrors()).isFalse();
        PolicyLint.Finding f = r.findings().stream().filter(x -> x.code().equals("lint.writeGrant")).findFirst().orElseThrow();
        assertThat(f.sid()).isEqualTo("new policy");
        assertThat(f.args().get(2)).contains("ecr:SetRepositoryPolicy", "ecr:DeleteRepository", "ecr:PutImage")
                .doesNotContain("ecr:BatchGetImage");
    }

    @Test
    void theSeedDenyItselfIsClean() {
        assertThat(PolicyLint.lint(SeedScenarioTest.SEED_POLICY, PolicyLint.Target.RESOURCE).findings()).isEmpty();
    }

    @Test
    void invalidJsonIsAnErrorWithLineAndColumn() {
        PolicyLint.Report r = PolicyLint.lint("{\n \"Statement\": [ {\"Effect\":\"Allow\" \"Action\":\"x\"} ]}",
                PolicyLint.Target.AUTO);

        assertThat(r.hasErrors()).isTrue();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("lint.invalidJson");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.column()).isEqualTo(35);
        });
    }

    @Test
    void unknownEcrActionsAndWildcardsAreWarnings() {
        PolicyLint.Report r = PolicyLint.lint("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["ecr:BatchGetImages","ecr:Get*","ecr:*"],"Resource":"*"},
                 {"Effect":"Allow","Action":"*","Resource":"*"}]}""", PolicyLint.Target.IDENTITY);

        assertThat(codes(r)).contains("lint.unknownEcrAction", "lint.wildcardAction", "lint.adminAccess");
        assertThat(r.findings()).filteredOn(f -> f.code().equals("lint.unknownEcrAction"))
                .singleElement().satisfies(f -> assertThat(f.args()).contains("ecr:BatchGetImages"));
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void resourcePolicyStatementWithoutPrincipalIsAnError() {
        PolicyLint.Report r = PolicyLint.lint("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"a","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"ecr:BatchGetImage"},
                 {"Sid":"b","Effect":"Deny","Action":"ecr:DeleteRepository"}]}""", PolicyLint.Target.AUTO);

        assertThat(r.hasErrors()).isTrue();
        assertThat(r.findings()).filteredOn(f -> f.code().equals("lint.missingPrincipal"))
                .singleElement().satisfies(f -> assertThat(f.statementIndex()).isEqualTo(1));
    }

    @Test
    void duplicateSidsAreAnError() {
        PolicyLint.Report r = PolicyLint.lint("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Pull","Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*"},
                 {"Sid":"Pull","Effect":"Allow","Action":"ecr:GetDownloadUrlForLayer","Resource":"*"}]}""",
                PolicyLint.Target.IDENTITY);

        assertThat(codes(r)).containsExactly("lint.duplicateSid");
        assertThat(r.hasErrors()).isTrue();
    }

    @Test
    void repositoryPoliciesOverTheEcrLimitAreAnError() {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 120; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"Sid\":\"s").append(i).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":")
                    .append("\"arn:aws:iam::111122223333:role/r").append(i).append("\"},\"Action\":\"ecr:BatchGetImage\"}");
        }
        String text = sb.append("]}").toString();
        assertThat(text.length()).isGreaterThan(PolicyLint.ECR_POLICY_LIMIT);

        assertThat(codes(PolicyLint.lint(text, PolicyLint.Target.RESOURCE))).contains("lint.tooLong");
    }

    @Test
    void wildcardPrincipalWithoutConditionAndPrincipalArnWildcardsAreFlagged() {
        PolicyLint.Report r = PolicyLint.lint("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"},
                 {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/eks-*"},"Action":"ecr:BatchGetImage"},
                 {"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"ecr:BatchGetImage"}]}""",
                PolicyLint.Target.RESOURCE);

        assertThat(codes(r)).contains("lint.wildcardPrincipal", "lint.wildcardInPrincipalArn", "lint.notPrincipalAllow");
    }

    @Test
    void identityPoliciesMayNotNamePrincipalsAndNeedResources() {
        PolicyLint.Report r = PolicyLint.lint("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"}]}""",
                PolicyLint.Target.IDENTITY);

        assertThat(codes(r)).contains("lint.principalInIdentity", "lint.missingResource");
    }

    @Test
    void missingVersionIsAWarning() {
        PolicyLint.Report r = PolicyLint.lint("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}",
                PolicyLint.Target.IDENTITY);

        assertThat(codes(r)).containsExactly("lint.missingVersion");
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void shippedManagedPoliciesLintCleanAndAreRecognised() {
        for (ManagedPolicies.Managed m : ManagedPolicies.all()) {
            assertThat(PolicyLint.lint(m.document().text(), PolicyLint.Target.IDENTITY).findings()).as(m.name()).isEmpty();
            assertThat(ManagedPolicies.recognise(m.document())).contains(m);
        }
        assertThat(ManagedPolicies.names()).containsExactly(ManagedPolicies.READ_ONLY, ManagedPolicies.PULL_ONLY,
                "AmazonEC2ContainerRegistryPowerUser", "AmazonEKSWorkerNodePolicy");
        assertThat(ManagedPolicies.byArn("arn:aws-cn:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly")).isPresent();
    }

    @Test
    void equivalentStatementsInAnotherOrderAreRecognisedAsTheManagedPolicy() {
        PolicyDocument custom = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Auth","Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},
                 {"Sid":"Pull","Effect":"Allow","Action":["ECR:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchImportUpstreamImage"],"Resource":"*"}]}""");

        assertThat(ManagedPolicies.recognise(custom)).map(ManagedPolicies.Managed::name).contains(ManagedPolicies.PULL_ONLY);
    }
}
