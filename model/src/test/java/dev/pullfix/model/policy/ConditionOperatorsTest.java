package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code policy lint} judges condition operators, qualifiers, IfExists and value types exactly as {@code policy
 * eval} understands them (one table, {@link ConditionOperators}). Before: lint said "No findings" for
 * {@code StringLikeWhatever}, {@code ForAnyValue:Bogus} and a non-number under {@code NumericLessThan}.
 */
class ConditionOperatorsTest {

    private static final String ROLE = "arn:aws:sts::111122223333:assumed-role/node/i-1";

    private static String policy(String operator, String key, String value) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Action\":\"ecr:BatchGetImage\","
                + "\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"" + key + "\":\"" + value + "\"}}}]}";
    }

    private static List<PolicyLint.Finding> conditionFindings(String text) {
        return PolicyLint.lint(text, PolicyLint.Target.IDENTITY).findings().stream()
                .filter(f -> f.code().startsWith("lint.unknownCondition") || f.code().startsWith("lint.conditionValue"))
                .toList();
    }

    private static EvaluationResult eval(String text) {
        return new PolicyEvaluator(Clock.systemUTC()).evaluate(new AccessRequest(ROLE, "ecr:BatchGetImage",
                "arn:aws:ecr:us-west-2:111122223333:repository/app").withContext("aws:SourceIp", "10.1.2.3")
                .withContext("aws:PrincipalTag/team", "a"), PolicySet.builder().identity("p", PolicyDocument.parse(text))
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringLikeWhatever", "ForAnyValue:Bogus", "Foo:StringEquals", "NullIfExists",
        "stringequals", "ForAnyValue:", "IfExists"})
    void anOperatorIamDoesNotKnowIsAnErrorInLintAndUndecidedInEval(String op) {
        String text = policy(op, "aws:PrincipalTag/team", "a");
        assertThat(conditionFindings(text)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("lint.unknownConditionOperator");
            assertThat(f.severity()).isEqualTo(PolicyLint.Severity.ERROR);
            assertThat(f.args()).contains(op);
        });
        assertThat(ConditionOperators.parse(op)).isEmpty();
        assertThat(eval(text).decision()).isEqualTo(Decision.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({"NumericLessThan,abc", "NumericEquals,12abc", "DateGreaterThan,yesterday", "DateLessThanIfExists,2026-13-45",
        "Bool,yes", "IpAddress,10.0.0.0/33", "NotIpAddress,300.1.1.1", "IpAddress,not-an-ip", "BinaryEquals,%%%",
        "ForAnyValue:NumericGreaterThan,x", "Null,maybe"})
    void aValueOfTheWrongTypeIsAnError(String op, String value) {
        assertThat(conditionFindings(policy(op, "aws:SourceIp", value))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("lint.conditionValueType");
            assertThat(f.args()).contains(op, value);
        });
    }

    @ParameterizedTest
    @CsvSource({"StringEquals,a", "ForAllValues:StringLikeIfExists,a*", "ForAnyValue:StringEquals,a",
        "NumericLessThanEquals,10", "NumericGreaterThan,-1.5", "DateLessThan,2026-01-01T00:00:00Z",
        "DateGreaterThanEquals,1700000000", "Bool,true", "BoolIfExists,FALSE", "IpAddress,10.0.0.0/8",
        "NotIpAddressIfExists,2001:db8::/32", "IpAddress,203.0.113.7", "ArnLike,arn:aws:iam::*:role/x",
        "Null,true", "BinaryEquals,QmluYXJ5", "StringEquals,${aws:username}"})
    void validOperatorsAndValuesGiveNoConditionFinding(String op, String value) {
        String text = policy(op, "aws:SourceIp", value);
        assertThat(conditionFindings(text)).isEmpty();
        assertThat(ConditionOperators.parse(op)).isPresent();
        // eval understands it: whatever it decides, it is not "unsupported operator"
        assertThat(eval(text).reasonCode()).isNotEqualTo("why.unsupportedOperator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
        "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
        "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
        "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
        "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null"})
    void theTableHoldsEveryOperatorAwsDocuments(String op) {
        assertThat(ConditionOperators.base(op)).isPresent();
    }
}
