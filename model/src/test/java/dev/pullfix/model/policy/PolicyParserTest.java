package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    @Test
    void parsesEveryPrincipalFormAndStringOrListFields() {
        PolicyDocument d = PolicyParser.parse("""
                {"Version":"2012-10-17","Id":"x","Statement":[
                 {"Sid":"a","Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"},
                 {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","444455556666"],
                   "Service":"ecr.amazonaws.com","Federated":"cognito-identity.amazonaws.com",
                   "CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                   "NotAction":["iam:*"],"NotResource":"arn:aws:s3:::b/*",
                   "Condition":{"StringEquals":{"aws:SourceVpce":["vpce-1","vpce-2"]},"Bool":{"aws:SecureTransport":true}}}]}
                """);

        assertThat(d.version()).isEqualTo("2012-10-17");
        assertThat(d.id()).isEqualTo("x");
        Statement a = d.statements().get(0);
        assertThat(a.principal().anyone()).isTrue();
        assertThat(a.actions()).containsExactly("ecr:BatchGetImage");
        assertThat(a.resources()).isNull();
        Statement b = d.statements().get(1);
        assertThat(b.principal().values("AWS")).containsExactly("arn:aws:iam::111122223333:root", "444455556666");
        assertThat(b.principal().values("Service")).containsExactly("ecr.amazonaws.com");
        assertThat(b.principal().byType()).containsKeys("Federated", "CanonicalUser");
        assertThat(b.notAction()).isTrue();
        assertThat(b.notResource()).isTrue();
        assertThat(b.resources()).containsExactly("arn:aws:s3:::b/*");
        assertThat(b.conditions()).extracting(ConditionClause::operator, ConditionClause::key)
                .containsExactly(org.assertj.core.api.Assertions.tuple("StringEquals", "aws:SourceVpce"),
                        org.assertj.core.api.Assertions.tuple("Bool", "aws:SecureTransport"));
        assertThat(b.conditions().get(1).values()).containsExactly("true");
        assertThat(b.label()).isEqualTo("#2");
    }

    @Test
    void keepsEachStatementsTextSpan() {
        String text = "{\n  \"Statement\": [\n    {\"Sid\": \"one\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": \"two\", \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}";
        PolicyDocument d = PolicyParser.parse(text);

        TextSpan two = d.statements().get(1).span();
        assertThat(two.line()).isEqualTo(4);
        assertThat(two.column()).isEqualTo(5);
        assertThat(text.substring(two.startOffset(), two.endOffset())).startsWith("{\"Sid\": \"two\"").endsWith("}");
    }

    @Test
    void reportsJsonSyntaxErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> PolicyParser.parse("{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, }\n  ]\n}"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.code()).isEqualTo("parse.json");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(24);
                });
    }

    @Test
    void rejectsDuplicateKeysAsAJsonError() {
        assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"*\"}}"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.code()).isEqualTo("parse.json");
                    assertThat(e.args().get(2)).contains("Duplicate field 'Effect'");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing Effect|{\"Statement\":[{\"Action\":\"*\",\"Resource\":\"*\"}]}|parse.missingEffect",
        "lower-case effect|{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}|parse.badEffect",
        "both Action and NotAction|{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"s3:*\"}]}|parse.actionAndNotAction",
        "neither Action nor NotAction|{\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}|parse.missingAction",
        "both Resource and NotResource|{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"NotResource\":\"*\"}]}|parse.resourceAndNotResource",
        "both Principal and NotPrincipal|{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotPrincipal\":\"*\",\"Action\":\"*\"}]}|parse.principalAndNotPrincipal",
        "principal string other than star|{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::1:root\",\"Action\":\"*\"}]}|parse.badPrincipal",
        "unknown principal type|{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"User\":\"x\"},\"Action\":\"*\"}]}|parse.badPrincipalType",
        "Action as a number|{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":5}]}|parse.badType",
        "empty Action list|{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[]}]}|parse.emptyList",
        "unknown statement element|{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resources\":\"*\"}]}|parse.unknownElement",
        "no Statement|{\"Version\":\"2012-10-17\"}|parse.missingStatement",
        "bad Version|{\"Version\":\"2012-10-18\",\"Statement\":[]}|parse.badVersion",
        "top-level array|[]|parse.notObject",
        "condition not an object|{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":[]}]}|parse.badCondition",
    })
    void rejectsInvalidDocumentsWithPreciseCodes(String name, String json, String code) {
        assertThatThrownBy(() -> PolicyParser.parse(json))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void acceptsAByteOrderMarkAndKeepsSpansOnTheStoredText() {
        PolicyDocument d = PolicyParser.parse("\uFEFF{\"Statement\":{\"Sid\":\"x\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");

        TextSpan span = d.statements().get(0).span();
        assertThat(d.text().substring(span.startOffset(), span.endOffset())).startsWith("{\"Sid\":\"x\"").endsWith("}");
    }

    @Test
    void namesTheStatementAndPositionOfASemanticError() {
        assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":[\n{\"Effect\":\"Allow\",\"Action\":\"*\"},\n"
                + "  {\"Effect\":\"Permit\",\"Action\":\"*\"}]}"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.args()).containsExactly("2", "\"Permit\"");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                });
    }
}
