package dev.pullfix.app.common;

import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.limits.DeadlineExceededException;
import dev.pullfix.model.limits.InputProblem;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.secret.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one error formatter of both front doors: what the user reads about a failure is their words and a way
 * forward, from the bundles for coded errors (cluster, AWS, policy, limits), never an exception class name, a
 * library name or a stack trace; secrets are masked and control characters removed. {@link #debug} gives the
 * details for a bug report ({@code --debug}, the window's "Details"), secrets still masked.
 */
public final class ErrorText {
    private final I18n i18n;

    /** The user's words and the way forward (empty when there is nothing better to say than the message). */
    public record Message(String text, String hint) {
        /** Text and hint on one line, as the command line prints them. */
        public String oneLine(String hintPrefix) {
            return hint.isEmpty() ? text : text + " " + hintPrefix + ": " + hint;
        }
    }

    public ErrorText(I18n i18n) {
        this.i18n = i18n;
    }

    public I18n i18n() {
        return i18n;
    }

    /** The message and the way forward. */
    public Message message(Throwable e) {
        Throwable c = cause(e);
        Message m = raw(c);
        return new Message(clean(m.text()), clean(m.hint()));
    }

    /** One readable line (no hint). */
    public String describe(Throwable e) {
        return message(e).text();
    }

    /** One line with its hint, as the command line prints it after "pullfix COMMAND: ". */
    public String line(Throwable e) {
        return message(e).oneLine(i18n.text("errors", "error.hintPrefix"));
    }

    /** What a "Details" button shows: the code, its arguments and the way forward. Secrets masked. */
    public String details(Throwable e) {
        Throwable c = cause(e);
        Message m = message(c);
        List<String> lines = new ArrayList<>();
        if (c instanceof ClusterError ce) {
            lines.add(ce.code().name());
            lines.addAll(ce.args());
        } else if (c instanceof AwsProblemException ap) {
            lines.add(ap.problem().kind().name());
            ap.problem().messageArgs().forEach(a -> lines.add(String.valueOf(a)));
        } else {
            lines.add(m.text());
        }
        if (!m.hint().isEmpty()) {
            lines.add("");
            lines.add(m.hint());
        }
        return Redactor.redact(UserText.safe(String.join("\n", lines)));
    }

    /** Everything for a bug report: the details, then each cause with its class and the stack. Secrets masked. */
    public String debug(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        return details(e) + "\n\n" + Redactor.redact(UserText.safe(sw.toString()));
    }

    private Message raw(Throwable c) {
        if (c instanceof ClusterError ce) {
            return cluster(ce);
        }
        if (c instanceof AwsProblemException ap) {
            Object[] args = ap.problem().messageArgs().stream().map(a -> a == null ? "" : LibraryWords.clean(String.valueOf(a), i18n)).toArray();
            String text = i18n.find("aws", ap.problem().messageCode(), args).orElse(ap.problem().kind().name());
            return new Message(text, i18n.find("errors", "error.hint.aws." + ap.problem().kind().name()).orElse(""));
        }
        if (c instanceof DeadlineExceededException d) {
            String s = Long.toString(d.limit().toSeconds());
            return new Message(i18n.text("limits", d.messageKey(), s), i18n.find("limits", "limits.hint.deadlineExceeded").orElse(""));
        }
        if (c instanceof dev.pullfix.model.fix.FixException f) {
            return new Message(i18n.text(f.message()), "");
        }
        if (c instanceof InputProblem p) {
            Object[] args = java.util.Arrays.stream(p.messageArgs()).map(a -> LibraryWords.clean(String.valueOf(a), i18n))
                    .toArray();
            return new Message(i18n.find("limits", p.messageKey(), args).orElse(LibraryWords.clean(p.getMessage(), i18n)),
                    "");
        }
        if (c instanceof InvalidPolicyException p) {
            String text = i18n.find("policy", p.code(), p.args().toArray()).orElse(LibraryWords.clean(p.getMessage(), i18n));
            return new Message(p.line() > 0 ? text + " (" + p.line() + ":" + p.column() + ")" : text, "");
        }
        if (c instanceof IOException io) {
            return io(io);
        }
        String m = c.getMessage();
        if (c instanceof RuntimeException && !(c instanceof IllegalArgumentException || c instanceof IllegalStateException)
                || m == null || m.isBlank()) {
            return new Message(i18n.text("errors", "error.unexpected", LibraryWords.clean(m == null ? "" : m, i18n)),
                    i18n.text("errors", "error.hint.unexpected"));
        }
        return new Message(LibraryWords.clean(m, i18n), "");
    }

    private Message cluster(ClusterError ce) {
        Object[] args = ce.args().stream().map(a -> LibraryWords.clean(a, i18n)).toArray();
        String text;
        if (ce.code() == ClusterError.Code.KUBECONFIG_MALFORMED && args.length >= 3
                && ("?".equals(args[1]) || String.valueOf(args[1]).isBlank())) {
            text = i18n.text("errors", "error.kubeconfigMalformedNoLine", args[0], args[2]);
        } else {
            text = i18n.find("cluster", ce.messageKey(), args)
                    .orElse(i18n.t("error.cluster", ce.code().name(), String.join(" · ", ce.args())));
        }
        return new Message(text, i18n.find("cluster", ce.hintKey(), args).orElse(""));
    }

    private Message io(IOException io) {
        String file = io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
        String hint = i18n.text("errors", "error.hint.io");
        if (io instanceof NoSuchFileException) {
            return new Message(i18n.text("errors", "error.io.noSuchFile", file), hint);
        }
        if (io instanceof AccessDeniedException) {
            return new Message(i18n.text("errors", "error.io.accessDenied", file), hint);
        }
        if (io instanceof CharacterCodingException) {
            return new Message(i18n.text("errors", "error.io.notUtf8", file), "");
        }
        if (io instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase(java.util.Locale.ROOT).contains("is a directory")) {
            return new Message(i18n.text("errors", "error.io.isDirectory", file), hint);
        }
        String reason = io instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : LibraryWords.clean(String.valueOf(io.getMessage()), i18n);
        return new Message(i18n.text("errors", "error.io.other", file.isEmpty() ? "-" : file, reason), hint);
    }

    /** The failure that matters: wrappers (unchecked I/O, execution, completion, rethrown checked) taken off. */
    public static Throwable cause(Throwable e) {
        Throwable c = e;
        while ((c instanceof UncheckedIOException || c instanceof java.util.concurrent.ExecutionException
                || c instanceof java.util.concurrent.CompletionException
                || (c.getClass() == RuntimeException.class || c.getClass() == IllegalStateException.class)
                && c.getCause() != null && String.valueOf(c.getMessage()).equals(String.valueOf(c.getCause())))
                && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String clean(String s) {
        return s == null ? "" : UserText.oneLine(Redactor.redact(s));
    }
}
