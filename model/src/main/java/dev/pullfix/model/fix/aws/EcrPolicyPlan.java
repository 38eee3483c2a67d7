package dev.pullfix.model.fix.aws;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.EcrGateway;
import dev.pullfix.model.aws.EcrWriter;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Sets (or, to undo a first policy, deletes) an ECR repository policy. ECR offers no dry-run for
 * SetRepositoryPolicy, so the dry-run is the caller's local check (parse, lint, "can the node role pull"),
 * passed in as {@code check}.
 */
public final class EcrPolicyPlan implements FixPlan {
    /** The policy wanted, derived from the one read just before (so an edit never overwrites a newer policy blindly). */
    @FunctionalInterface
    public interface Proposer {
        StateText propose(StateText current) throws FixException;
    }

    private final EcrGateway ecr;
    private final EcrWriter writer;
    private final String account;
    private final String region;
    private final String repository;
    private final StateText fixed;
    private final Proposer proposer;
    private final Message summary;
    private final BiFunction<StateText, StateText, DryRun> check;

    /** Sets exactly {@code proposed} (the policy window's edited text, or a backup on undo). */
    public EcrPolicyPlan(EcrGateway ecr, EcrWriter writer, String account, String region, String repository,
                         StateText proposed, String summary, BiFunction<StateText, StateText, DryRun> check) {
        this(ecr, writer, account, region, repository, proposed, c -> proposed, Message.of("fix", "error.detail", summary),
                check);
    }

    /** Sets what {@code proposer} derives from the policy read at preview time. */
    public static EcrPolicyPlan editing(EcrGateway ecr, EcrWriter writer, String account, String region, String repository,
                                        Proposer proposer, String summary, BiFunction<StateText, StateText, DryRun> check) {
        return editing(ecr, writer, account, region, repository, proposer, Message.of("fix", "error.detail", summary), check);
    }

    /** {@link #editing} with the summary as a bundle code (the diagnosis proposal's own). */
    public static EcrPolicyPlan editing(EcrGateway ecr, EcrWriter writer, String account, String region, String repository,
                                        Proposer proposer, Message summary, BiFunction<StateText, StateText, DryRun> check) {
        return new EcrPolicyPlan(ecr, writer, account, region, repository, null, proposer, summary, check);
    }

    private EcrPolicyPlan(EcrGateway ecr, EcrWriter writer, String account, String region, String repository,
                          StateText fixed, Proposer proposer, Message summary,
                          BiFunction<StateText, StateText, DryRun> check) {
        this.ecr = ecr;
        this.writer = writer;
        this.account = account;
        this.region = region;
        this.repository = repository;
        this.fixed = fixed;
        this.proposer = proposer;
        this.summary = summary;
        this.check = check;
    }

    @Override
    public String kind() {
        return "ECR_POLICY_EDIT";
    }

    @Override
    public Target target() {
        return Target.ecrRepository(account, region, repository);
    }

    @Override
    public String summary() {
        return Texts.english().render(summary);
    }

    @Override
    public Message summaryText() {
        return summary;
    }

    @Override
    public List<String> apiCalls() {
        return List.of(deletes() ? "ecr:DeleteRepositoryPolicy" : "ecr:SetRepositoryPolicy");
    }

    @Override
    public List<String> equivalentCommands() {
        String scope = " --registry-id " + account + " --region " + region + " --repository-name " + repository;
        return deletes() ? List.of("aws ecr delete-repository-policy" + scope)
                : List.of("aws ecr set-repository-policy" + scope + " --policy-text file://proposed-policy.json");
    }

    @Override
    public StateText readCurrent() throws FixException {
        AwsResult<Optional<String>> r = ecr.getRepositoryPolicy(account, repository);
        if (!r.isOk()) {
            throw new FixException(describe(r.problem().orElseThrow(), "ecr:GetRepositoryPolicy"));
        }
        return r.value().map(StateText::of).orElse(StateText.absent());
    }

    private boolean deletes() {
        return fixed != null && fixed.isAbsent();
    }

    @Override
    public StateText proposed(StateText current) throws FixException {
        return proposer.propose(current);
    }

    @Override
    public DryRun dryRun(StateText current, StateText next) {
        return check.apply(current, next);
    }

    @Override
    public void apply(StateText current, StateText next) throws FixException {
        AwsResult<String> r = next.isAbsent() ? writer.deleteRepositoryPolicy(account, repository)
                : writer.setRepositoryPolicy(account, repository, next.text().orElseThrow());
        if (!r.isOk()) {
            throw new FixException(describe(r.problem().orElseThrow(),
                    next.isAbsent() ? "ecr:DeleteRepositoryPolicy" : "ecr:SetRepositoryPolicy"));
        }
    }

    @Override
    public FixPlan restore(StateText before) {
        return new EcrPolicyPlan(ecr, writer, account, region, repository, before, c -> before,
                Message.of("fix", "plan.undoEcrPolicy", repository), check);
    }

    private static String describe(AwsProblem p, String action) {
        return p.kind() == AwsProblem.Kind.ACCESS_DENIED ? "Access denied: your identity lacks "
                + (p.missingAction() != null ? p.missingAction() : action) + " on this repository."
                : p.kind() + (p.detail() == null ? "" : ": " + p.detail());
    }
}
