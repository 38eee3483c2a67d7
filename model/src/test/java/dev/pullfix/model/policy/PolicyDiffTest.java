package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {

    @Test
    void flippingTheSeedStatementIsOneEffectChange() {
        String flipped = SeedScenarioTest.SEED_POLICY.replace("\"Deny\"", "\"Allow\"");
        List<PolicyDiff.Change> changes = PolicyDiff.statements(PolicyParser.parse(SeedScenarioTest.SEED_POLICY),
                PolicyParser.parse(flipped));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(PolicyDiff.Kind.EFFECT);
            assertThat(c.toString()).isEqualTo("statement `new policy`: Effect Deny → Allow");
            assertThat(c.code()).isEqualTo("diff.effect");
            assertThat(c.args()).containsExactly("new policy", "Deny", "Allow");
        });
    }

    @Test
    void reportsActionPrincipalConditionAndStatementChanges() {
        PolicyDocument before = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"A","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ecr:PutImage","ecr:BatchGetImage"]},
                 {"Sid":"Gone","Effect":"Allow","Principal":"*","Action":"ecr:ListImages"}]}""");
        PolicyDocument after = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"A","Effect":"Deny","Principal":"*","Action":["ecr:PutImage","ecr:DeleteRepository"],
                  "Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}},
                 {"Sid":"New","Effect":"Allow","Principal":"*","Action":"ecr:DescribeImages"}]}""");

        List<String> text = PolicyDiff.statements(before, after).stream().map(Object::toString).toList();

        assertThat(text).contains("statement `A`: actions added: ecr:DeleteRepository",
                "statement `A`: actions removed: ecr:BatchGetImage",
                "statement `Gone`: removed (Allow ecr:ListImages)",
                "statement `New`: added (Allow ecr:DescribeImages)");
        assertThat(text).anyMatch(t -> t.startsWith("statement `A`: Principal"))
                .anyMatch(t -> t.startsWith("statement `A`: Condition - → StringNotEquals aws:PrincipalOrgID"));
    }

    @Test
    void unifiedDiffShowsTheChangedLine() {
        String flipped = SeedScenarioTest.SEED_POLICY.replace("\"Deny\"", "\"Allow\"");
        List<String> diff = PolicyDiff.unified(SeedScenarioTest.SEED_POLICY, flipped, "before.json", "after.json", 1);

        assertThat(diff).first().isEqualTo("--- before.json");
        assertThat(diff).contains("-    \"Effect\" : \"Deny\",", "+    \"Effect\" : \"Allow\",");
    }

    @Test
    void identicalDocumentsHaveNoChanges() {
        PolicyDocument d = PolicyParser.parse(SeedScenarioTest.SEED_POLICY);
        assertThat(PolicyDiff.statements(d, d)).isEmpty();
        assertThat(PolicyDiff.unified(d.text(), d.text(), "a", "b", 3)).isEmpty();
    }
}
