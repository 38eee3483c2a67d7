package dev.pullfix.app.common;

import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.cluster.ClusterError;

/**
 * Turns a failure into what the user reads: one line from the bundles for coded errors (cluster, AWS), the first
 * line of the message otherwise; details (shown on demand) name the code and its arguments. Never a stack trace.
 */
public final class ErrorText {
    private final I18n i18n;

    public ErrorText(I18n i18n) {
        this.i18n = i18n;
    }

    /** One readable line. */
    public String describe(Throwable e) {
        if (e instanceof ClusterError ce) {
            return i18n.find("cluster", ce.messageKey(), ce.args().toArray())
                    .orElse(i18n.t("error.cluster", ce.code().name(), String.join(" · ", ce.args())));
        }
        if (e instanceof AwsProblemException ap) {
            return i18n.find("aws", ap.problem().messageCode(), ap.problem().messageArgs().toArray())
                    .orElse(ap.problem().kind().name());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** What a "Details" button shows: the code, its arguments and the bundle's hint. */
    public String details(Throwable e) {
        if (e instanceof ClusterError ce) {
            String hint = i18n.find("cluster", ce.hintKey(), ce.args().toArray()).orElse("");
            return ce.code().name() + "\n" + String.join("\n", ce.args()) + (hint.isEmpty() ? "" : "\n\n" + hint);
        }
        return e.getClass().getSimpleName() + ": " + describe(e);
    }
}
