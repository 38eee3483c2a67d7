package dev.pullfix.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pullfix.model.policy.Decision;
import dev.pullfix.model.policy.EvaluationResult;
import dev.pullfix.model.policy.PolicyCase;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicyKind;
import dev.pullfix.model.policy.StatementRef;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix policy eval CASE.json [--json] [--trace]}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Decide a request (principal, action, resource, context) against identity, resource, "
                + "boundary, SCP and VPC endpoint policies.",
                "Prints ALLOW, EXPLICIT_DENY, IMPLICIT_DENY or UNKNOWN and the deciding statements."},
        footer = {"", "JSON fields: decision, statements[] (policy, policyKind, policyName, sid, index, effect, reason, "
                + "reasonCode, span), trace[] (with --trace), reason and reasonCode (unless ALLOW), possibleDecisions "
                + "(UNKNOWN)."})
public final class PolicyEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE.json", description = "The case file, or - for standard input.")
    String file;

    @Option(names = "--trace", description = "Also list every statement with whether it applies and why.")
    boolean trace;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String decision, List<Statement> statements, List<Trace> trace, String reason, String reasonCode,
                  List<String> possibleDecisions) {}

    record Statement(String policy, String policyKind, String policyName,
                     @JsonInclude(JsonInclude.Include.ALWAYS) String sid, int index, String effect, String reason,
                     String reasonCode, @JsonInclude(JsonInclude.Include.NON_NULL) Span span) {}

    record Span(int line, int column, int start, int end) {}

    record Trace(String policyKind, String policyName, String statement, int index, String effect, String applies,
                 String reason) {}

    @Override
    public Integer call() throws IOException {
        Output o = Output.of(spec, output);
        String text = PolicyFiles.read(file, System.in, dev.pullfix.model.limits.InputKind.POLICY_CASE);
        PolicyCase c;
        try {
            c = PolicyCase.parse(text);
        } catch (PolicyCase.InvalidCaseException e) {
            o.warn(PolicyFiles.text(o, "cli.error.badCase", List.of(file, e.getMessage())));
            return ExitCode.USAGE;
        }
        PolicyEvaluator evaluator = new PolicyEvaluator();
        EvaluationResult r = evaluator.evaluate(c.request(), c.policies());
        List<PolicyEvaluator.StatementTrace> steps = trace ? evaluator.trace(c.request(), c.policies()) : List.of();
        if (o.json()) {
            o.printJson(result(o, r, trace ? steps : null));
            return ExitCode.OK;
        }
        o.line(r.decision().name());
        if (r.decision() != Decision.ALLOW) {
            o.line(PolicyFiles.text(o, "cli.eval.reason", List.of(reason(o, r))));
        }
        for (StatementRef s : r.statements()) {
            o.line("  " + statementLine(o, s));
        }
        for (PolicyEvaluator.StatementTrace st : steps) {
            o.line("  " + st.applies().name().toLowerCase(Locale.ROOT) + ": " + statementLine(o, st.statement()));
        }
        if (r.decision() == Decision.UNKNOWN) {
            o.line(PolicyFiles.text(o, "cli.eval.possible", List.of(String.join(", ",
                    r.possible().stream().map(Enum::name).sorted().toList()))));
        }
        return ExitCode.OK;
    }

    private static String statementLine(Output o, StatementRef s) {
        return PolicyFiles.text(o, "cli.eval.statement", List.of(s.kind().label(),
                s.policyName() == null ? "" : s.policyName(), s.label(), s.effect().wire(),
                PolicyFiles.text(o, s.reasonCode(), s.reasonArgs())));
    }

    /** The decision's reason; for UNKNOWN followed by why the first undecidable statement cannot be decided. */
    static String reason(Output o, EvaluationResult r) {
        String text = PolicyFiles.text(o, r.reasonCode(), r.reasonArgs());
        if (r.decision() == Decision.UNKNOWN && !r.statements().isEmpty()) {
            StatementRef s = r.statements().get(0);
            text += ": " + PolicyFiles.text(o, s.reasonCode(), s.reasonArgs());
        }
        return text;
    }

    static Result result(Output o, EvaluationResult r, List<PolicyEvaluator.StatementTrace> steps) {
        List<Statement> statements = r.statements().stream().map(s -> new Statement(
                // identity statements are named by their policy (name or ARN); the others by kind
                s.kind() == PolicyKind.IDENTITY && s.policyName() != null ? s.policyName() : s.kind().label(),
                s.kind().label(), s.policyName(), s.sid(), s.index(), s.effect().wire(),
                PolicyFiles.text(o, s.reasonCode(), s.reasonArgs()), s.reasonCode(), s.span() == null ? null
                : new Span(s.span().line(), s.span().column(), s.span().startOffset(), s.span().endOffset()))).toList();
        List<Trace> trace = steps == null ? null : steps.stream().map(st -> new Trace(st.statement().kind().label(),
                st.statement().policyName(), st.statement().label(), st.statement().index(),
                st.statement().effect().wire(), st.applies().name(), PolicyFiles.text(o, st.statement().reasonCode(),
                st.statement().reasonArgs()))).toList();
        boolean allow = r.decision() == Decision.ALLOW;
        return new Result(r.decision().name(), statements, trace, allow ? null : reason(o, r),
                allow ? null : r.reasonCode(), r.decision() == Decision.UNKNOWN
                ? r.possible().stream().map(Enum::name).sorted().toList() : null);
    }
}
