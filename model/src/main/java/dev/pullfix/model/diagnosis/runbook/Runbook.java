package dev.pullfix.model.diagnosis.runbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One troubleshooting procedure of the seed documents, step by step, loaded from
 * {@code dev/pullfix/runbooks/<id>.yaml} (see {@code runbook.schema.json} beside it).
 */
public record Runbook(String id, Text title, Text summary, List<Source> sources, String start, List<Step> steps) {

    public Runbook {
        sources = sources == null ? List.of() : List.copyOf(sources);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** A document the runbook follows: seed number, language and title. */
    public record Source(String seed, String lang, String title, String section) {
    }

    /**
     * One numbered step.
     *
     * @param number     the step's number as the runbook's main document writes it ("1", "5.2")
     * @param docNumber  the number in another language's document when it differs (e.g. {@code ja: "2"})
     * @param commands   what a user would type, with {@code {placeholder}}s filled at run time
     * @param check      the id of the live check the engine runs
     * @param afterFix   true for "check again after the fix" steps: shown, not run during the diagnosis
     */
    public record Step(String id, String number, Map<String, String> docNumber, Text title, Text explain,
                       List<String> commands, String check, Show show, Next next, boolean afterFix) {
        public Step {
            docNumber = docNumber == null ? Map.of() : Map.copyOf(docNumber);
            commands = commands == null ? List.of() : List.copyOf(commands);
        }

        /** The number a reader of the document in this language sees. */
        public String numberIn(java.util.Locale locale) {
            return docNumber.getOrDefault(locale.getLanguage(), number);
        }
    }

    /**
     * Where the flow goes after the step: a step id of the same runbook, {@code end}, or {@code runbook:<id>} /
     * {@code runbook:<id>#<step>}.
     *
     * @param skipped       when the check does not apply (defaults to {@code ok})
     * @param okAfterCause  when the result is ok but an earlier step already found a cause (defaults to {@code ok})
     */
    public record Next(String ok, String problem, String unknown, String skipped, String okAfterCause) {
        public String skippedOrOk() {
            return skipped == null ? ok : skipped;
        }

        public String okAfterCauseOrOk() {
            return okAfterCause == null ? ok : okAfterCause;
        }

        public List<String> targets() {
            java.util.ArrayList<String> t = new java.util.ArrayList<>(List.of(ok, problem, unknown));
            if (skipped != null) {
                t.add(skipped);
            }
            if (okAfterCause != null) {
                t.add(okAfterCause);
            }
            return t;
        }
    }
}
