package dev.pullfix.model.diagnosis.runbook;

import java.util.List;

/** A runbook file is malformed or refers to something that does not exist. */
public class RunbookException extends RuntimeException {
    private final List<String> problems;

    public RunbookException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
