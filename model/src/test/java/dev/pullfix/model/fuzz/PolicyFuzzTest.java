package dev.pullfix.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pullfix.model.policy.AccessRequest;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicyLint;
import dev.pullfix.model.policy.PolicySet;
import java.nio.charset.StandardCharsets;

/** Any text as a policy: parse or a located refusal; lint always reports; eval of what parsed always decides. */
class PolicyFuzzTest {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();
    private static final AccessRequest PULL = new AccessRequest(
            "arn:aws:sts::111122223333:assumed-role/node-role/i-0abc", "ecr:BatchGetImage",
            "arn:aws:ecr:us-west-2:111122223333:repository/team/app")
            .withContext("aws:SourceIp", "10.0.1.5").withContext("aws:PrincipalTag/team", "web");

    @FuzzTest(maxDuration = "2m")
    void parsesLintsAndEvaluatesWithoutSurprises(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        assertThat(PolicyLint.lint(text, PolicyLint.Target.AUTO)).isNotNull();
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(text);
        } catch (InvalidPolicyException expected) {
            assertThat(expected.getMessage()).doesNotContain("com.fasterxml", "StreamReadConstraints");
            return;
        }
        assertThat(EVALUATOR.evaluate(PULL, PolicySet.builder().identity("fuzz", doc).build()).decision()).isNotNull();
        assertThat(EVALUATOR.evaluate(PULL, PolicySet.builder().identity("id", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}"))
                .resource("repo", doc).build()).decision()).isNotNull();
    }
}
