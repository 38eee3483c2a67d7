package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of one live check.
 *
 * @param finding    what it concluded (always present: also for OK, e.g. "image found")
 * @param reason     why it could not check (COULD_NOT_CHECK only)
 * @param permission the missing permission when {@code reason} is ACCESS_DENIED
 */
public record CheckOutcome(Verdict verdict, Finding finding, List<Evidence> evidence, List<FixProposal> fixes,
                           CouldNotCheckException.Reason reason, String permission, String detail) {
    public CheckOutcome {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
    }

    public static CheckOutcome couldNotCheck(CouldNotCheckException e) {
        return new CheckOutcome(Verdict.COULD_NOT_CHECK, Finding.of("couldNotCheck." + e.reason().name()),
                List.of(), List.of(), e.reason(), e.permission(), e.getMessage());
    }

    /** A copy with more evidence appended. */
    public CheckOutcome withEvidence(List<Evidence> more) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new CheckOutcome(verdict, finding, all, fixes, reason, permission, detail);
    }

    public static Builder ok(Finding f) {
        return new Builder(Verdict.OK, f);
    }

    public static Builder problem(Finding f) {
        return new Builder(Verdict.PROBLEM, f);
    }

    public static Builder skipped(Finding f) {
        return new Builder(Verdict.SKIPPED, f);
    }

    /** Small builder so checks read top-down. */
    public static final class Builder {
        private final Verdict verdict;
        private final Finding finding;
        private final List<Evidence> evidence = new ArrayList<>();
        private final List<FixProposal> fixes = new ArrayList<>();
        private CouldNotCheckException.Reason reason;
        private String detail;

        Builder(Verdict verdict, Finding finding) {
            this.verdict = verdict;
            this.finding = finding;
        }

        public Builder evidence(Evidence e) {
            if (e != null) {
                evidence.add(e);
            }
            return this;
        }

        public Builder fix(FixProposal f) {
            fixes.add(f);
            return this;
        }

        /** For COULD_NOT_CHECK outcomes built by hand (partial answers). */
        public Builder reason(CouldNotCheckException.Reason r, String d) {
            this.reason = r;
            this.detail = d;
            return this;
        }

        public CheckOutcome build() {
            return new CheckOutcome(verdict, finding, evidence, fixes, reason, null, detail);
        }
    }
}
