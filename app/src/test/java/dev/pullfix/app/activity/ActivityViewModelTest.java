package dev.pullfix.app.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.cluster.ClusterError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ActivityViewModelTest {
    final FakeDialogs dialogs = new FakeDialogs();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:14:05Z"), ZoneOffset.UTC);
    final ActivityViewModel activity = new ActivityViewModel(new I18n(Locale.ENGLISH), dialogs, clock);

    @Test
    void everyFailedTaskIsLoggedWithItsDescriptionEvenWhenItsHandlerIgnoresIt() {
        TaskRunner tasks = TaskRunner.synchronous().reportingFailuresTo(activity::taskFailed);
        tasks.submit("connect prod", () -> {
            throw ClusterError.of(ClusterError.Code.UNAUTHORIZED, "prod", "prod-user");
        }, x -> { }, e -> { });
        assertThat(activity.lines()).singleElement().asString()
                .startsWith("09:14:05  Task \"connect prod\" failed: ")
                .doesNotContain("ClusterError").doesNotContain("at dev.pullfix");
        assertThat(dialogs.errors).as("logging is not notifying").isEmpty();
    }

    @Test
    void workNobodyWaitsForIsStillLoggedWhenItFails() {
        TaskRunner tasks = TaskRunner.synchronous().reportingFailuresTo(activity::taskFailed);
        tasks.run("close prod", () -> {
            throw ClusterError.of(ClusterError.Code.UNREACHABLE, "prod", "https://10.0.0.1");
        });
        tasks.run("stop the practice lab", () -> { /* closes cleanly */ });
        assertThat(activity.lines()).singleElement().asString().startsWith("09:14:05  Task \"close prod\" failed: ");
    }

    @Test
    void aTaskThatSucceedsLeavesNoFailureLine() {
        TaskRunner tasks = TaskRunner.synchronous().reportingFailuresTo(activity::taskFailed);
        tasks.submit("sts get-caller-identity", () -> "ok", x -> { }, e -> { });
        assertThat(activity.lines()).isEmpty();
    }

    @Test
    void awsProblemsAreToldInTheBundlesWords() {
        AwsProblem p = AwsProblem.of(AwsProblem.Kind.EXPIRED_TOKEN, "sts", "GetCallerIdentity", null)
                .withProfile("prod-admin");
        activity.notifyFailure("AWS", new AwsProblemException(p));
        assertThat(dialogs.errors).singleElement().asString().startsWith("AWS: ").doesNotContain("EXPIRED_TOKEN")
                .doesNotContain("Exception");
    }

    @Test
    void aFailureOutsideATaskIsLoggedAndToldWithDetailsOnDemand() {
        activity.failed("Could not connect to prod",
                ClusterError.of(ClusterError.Code.UNAUTHORIZED, "prod", "prod-user"));
        assertThat(activity.lines()).singleElement().asString().contains("Could not connect to prod: ");
        assertThat(dialogs.errors).singleElement().asString().startsWith("Could not connect to prod: ");
        assertThat(dialogs.details).singleElement().asString().startsWith("UNAUTHORIZED");
    }

    @Test
    void theLogKeepsTheNewestLinesOnly() {
        for (int i = 0; i < ActivityViewModel.MAX_LINES + 25; i++) {
            activity.log("line " + i);
        }
        assertThat(activity.lines()).hasSize(ActivityViewModel.MAX_LINES);
        assertThat(activity.lines().get(0)).endsWith("  line 25");
        assertThat(activity.lines().get(ActivityViewModel.MAX_LINES - 1))
                .endsWith("line " + (ActivityViewModel.MAX_LINES + 24));
    }
}
