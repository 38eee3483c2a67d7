package dev.pullfix.model.fix;

import dev.pullfix.model.text.Message;
import java.util.List;

/**
 * One fix as a command object: what it changes, where, how (API calls and the equivalent CLI), and the
 * operations the {@link WritePath} calls in its fixed order. A plan never writes on its own: only
 * {@link #apply} writes, and only the write path calls it, after preview, dry-run and confirmation.
 */
public interface FixPlan {

    /** A stable kind, e.g. {@code ECR_POLICY_EDIT}, {@code IMAGE_TAG_CHANGE}, {@code ROLLOUT_RESTART}. */
    String kind();

    Target target();

    /** One sentence for the confirmation dialog and the audit log (English; the audit log keeps it). */
    String summary();

    /**
     * The summary as a bundle code with its arguments (the {@code fix} bundle's, or the diagnosis proposal's own), for the front ends to render in the user's
     * language. Default: the English summary as it is (plans that have a code override this).
     */
    default Message summaryText() {
        return Message.of("fix", "error.detail", summary());
    }

    /** The calls the apply step makes, e.g. {@code ecr:SetRepositoryPolicy}. */
    List<String> apiCalls();

    /** What a user would type to do the same by hand. */
    List<String> equivalentCommands();

    /** Reads the target's state now. */
    StateText readCurrent() throws FixException;

    /** The state the fix wants, derived from the current one. */
    StateText proposed(StateText current) throws FixException;

    /** Asks the API to validate without storing, where it can. */
    DryRun dryRun(StateText current, StateText proposed) throws FixException;

    /** Writes {@code proposed}; {@code current} is what was read just before (for optimistic concurrency). */
    void apply(StateText current, StateText proposed) throws FixException;

    /**
     * A plan that puts {@code before} back (used by undo, and itself applied through the write path).
     */
    FixPlan restore(StateText before);

    /** Text that must never reach a diff, a backup or the audit log; the write path masks it. Default: none. */
    default List<String> secrets() {
        return List.of();
    }
}
