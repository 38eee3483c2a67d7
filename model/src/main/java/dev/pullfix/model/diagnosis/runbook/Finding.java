package dev.pullfix.model.diagnosis.runbook;

import java.util.List;

/**
 * What a check concluded, as an i18n code with arguments (bundle {@code diagnosis}, key {@code finding.<code>}).
 *
 * @param cause the pull-failure category this finding stands for (TAG_NOT_FOUND, FORBIDDEN_POLICY, ...) or null
 */
public record Finding(String code, List<String> args, String cause) {
    public Finding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Finding of(String code, String... args) {
        return new Finding(code, List.of(args), null);
    }

    public static Finding cause(String cause, String code, String... args) {
        return new Finding(code, List.of(args), cause);
    }
}
