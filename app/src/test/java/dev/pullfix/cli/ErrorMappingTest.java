package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.I18n;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.limits.DeadlineExceededException;
import dev.pullfix.model.limits.InputProblem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the failures that bound a command's time or its input (a stalled or too slow API server, an AWS endpoint
 * that does not answer, the whole-command deadline, an input over a limit) are one clear line from the formatter the
 * GUI shares, in English and Japanese, with the way forward, and an exit code that means something (checkers: 4).
 */
class ErrorMappingTest {
    final ErrorText en = new ErrorText(new I18n(Locale.ENGLISH));
    final ErrorText ja = new ErrorText(new I18n(Locale.JAPANESE));

    static void noInternals(String line) {
        assertThat(line).doesNotContain("Exception").doesNotContain("dev.pullfix").doesNotContain("STALLED")
                .doesNotContain("TOO_SLOW").doesNotContain("ENDPOINT_UNREACHABLE").doesNotContain("{0}");
    }

    @Test
    void aBodyThatStallsSaysAfterHowManyBytesAndExitsOne() {
        ClusterError e = new ClusterError(ClusterError.Code.STALLED, List.of("https://10.0.0.1:6443", "512", "15"));

        assertThat(en.line(e)).contains("https://10.0.0.1:6443 stopped sending after 512 bytes (nothing for 15 s)")
                .contains("hint: ").contains("proxy");
        noInternals(en.line(e));
        noInternals(ja.line(e));
        assertThat(ja.line(e)).contains("512");
        assertThat(ExitCode.of(e)).isEqualTo(1);
        assertThat(ExitCode.of(e, true)).isEqualTo(4);
    }

    @Test
    void aServerTooSlowForTheLimitSaysSoAndPointsAtTimeout() {
        ClusterError e = new ClusterError(ClusterError.Code.TOO_SLOW, List.of("https://10.0.0.1:6443", "4096", "60"));

        assertThat(en.line(e)).contains("was still sending after 4096 bytes when the 60 s limit ran out")
                .contains("--timeout");
        noInternals(en.line(e));
        noInternals(ja.line(e));
        assertThat(ExitCode.of(e)).isEqualTo(1);
    }

    @Test
    void anAwsEndpointThatDoesNotAnswerNamesTheOperationAndTheWayForward() {
        AwsProblemException e = new AwsProblemException(new AwsProblem(AwsProblem.Kind.ENDPOINT_UNREACHABLE, "ecr",
                "DescribeRepositories", null, null, null, "no answer in time", null));

        assertThat(en.line(e)).contains("Could not reach the AWS endpoint").contains("no answer in time")
                .contains("--endpoint-url");
        noInternals(en.line(e));
        noInternals(ja.line(e));
        assertThat(ExitCode.of(e)).isEqualTo(1);
        assertThat(ExitCode.of(e, true)).isEqualTo(4);
    }

    @Test
    void theWholeCommandsDeadlineNamesTheLimit() {
        DeadlineExceededException e = new DeadlineExceededException(Duration.ofSeconds(7));

        assertThat(en.line(e)).contains("Did not finish within 7 s (--timeout)").contains("longer --timeout");
        noInternals(ja.line(e));
        assertThat(ExitCode.of(e)).isEqualTo(1);
        assertThat(ExitCode.of(e, true)).isEqualTo(4);
    }

    @Test
    void anInputOverALimitIsBadUsageForACommandAndCouldNotCheckForAChecker() {
        InputProblem e = new InputProblem(InputProblem.Code.TOO_LARGE, "policy.json", 0, 0,
                List.of("9000000", "policy", "1048576"));

        assertThat(en.line(e)).contains("policy.json").contains("9000000").contains("1048576");
        noInternals(en.line(e));
        noInternals(ja.line(e));
        assertThat(ExitCode.of(e)).isEqualTo(2);
        assertThat(ExitCode.of(e, true)).isEqualTo(4);
        assertThat(ExitCode.of(new InputProblem(InputProblem.Code.NOT_READABLE, "gone.json", 0, 0, List.of("no such file")), true))
                .isEqualTo(2);
    }
}
