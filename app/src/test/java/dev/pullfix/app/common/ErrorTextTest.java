package dev.pullfix.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.limits.DeadlineExceededException;
import dev.pullfix.model.secret.Secrets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one error formatter: the user's words and a way forward, no library internals, secrets masked. */
class ErrorTextTest {
    final ErrorText en = new ErrorText(new I18n(Locale.ENGLISH));
    final ErrorText ja = new ErrorText(new I18n(Locale.JAPANESE));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MalformedInputException: Input length = 1|not UTF-8 text",
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)|nested deeper than 1000 levels",
            "Cannot deserialize value of type `io.fabric8.kubernetes.api.model.Cluster` from Array value (token `JsonToken.START_ARRAY`)|expected a mapping (key: value) but found a list",
            "Cannot deserialize value of type `java.util.ArrayList<io.fabric8.kubernetes.api.model.NamedCluster>` from Integer value (token `JsonToken.VALUE_NUMBER_INT`)|expected a list but found a number",
            "java.net.ConnectException: Connection refused|Connection refused"})
    void libraryMessagesBecomeTheUsersWords(String library, String words) {
        ClusterError e = ClusterError.of(ClusterError.Code.KUBECONFIG_MALFORMED, "/home/u/.kube/config", "?", library);

        String line = en.line(e);

        assertThat(line).startsWith("The kubeconfig /home/u/.kube/config cannot be read: " + words)
                .doesNotContain("line ?", "Exception", "io.fabric8", "`", "JsonToken", "java.");
        assertThat(line).contains("hint: ");
    }

    @Test
    void aClusterErrorHasItsHintAndIsMaskedByTheRegistry() {
        String token = "tok-" + UUID.randomUUID();
        Secrets.register(token);
        ClusterError e = ClusterError.of(ClusterError.Code.SERVER_ERROR, "500", "internal error for Bearer " + token);

        ErrorText.Message m = en.message(e);

        assertThat(m.text()).isEqualTo("The API server answered with an error (500): internal error for Bearer [REDACTED]");
        assertThat(m.hint()).startsWith("Retry in a moment");
        assertThat(en.debug(e)).doesNotContain(token).contains("SERVER_ERROR");
    }

    @Test
    void filesAndDeadlinesAndAwsProblemsInEitherLanguage() {
        assertThat(en.line(new NoSuchFileException("/tmp/x.json"))).isEqualTo(
                "/tmp/x.json: no such file or directory. hint: Check the path and its permissions.");
        assertThat(ja.describe(new NoSuchFileException("/tmp/x.json"))).isEqualTo(
                "/tmp/x.json: ファイルまたはディレクトリがありません。");
        assertThat(en.describe(new DeadlineExceededException(Duration.ofSeconds(15)))).isEqualTo(
                "Did not finish within 15 s (--timeout).");
        assertThat(en.line(new AwsProblemException(AwsProblem.of(AwsProblem.Kind.THROTTLED, "ecr",
                "DescribeImages", "Rate exceeded")))).contains("throttled").contains("hint: Wait a moment");
    }

    @Test
    void anUnexpectedFailureSaysSoAndPointsToDebugWithoutItsClassName() {
        ErrorText.Message m = en.message(new NullPointerException());

        assertThat(m.text()).startsWith("Something went wrong inside Pullfix").doesNotContain("NullPointer");
        assertThat(m.hint()).contains("--debug");
    }
}
