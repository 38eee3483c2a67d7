package dev.pullfix.cli;

import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.PolicyDiff;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.policy.PolicyParser;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix policy diff OLD NEW [--json]}: statement-level changes and a unified diff. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two versions of a policy statement by statement, with a unified text diff.",
        footer = {"", "JSON fields: changes[] (kind, statement, before, after, message), diff[] (lines)."})
public final class PolicyDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The policy before.")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The policy after.")
    String after;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    record Diff(List<Change> changes, List<String> diff) {}

    record Change(String kind, String statement, String before, String after, String message) {}

    @Override
    public Integer call() throws IOException {
        Output o = Output.of(spec, output);
        String[] files = {before, after};
        String[] texts = new String[2];
        PolicyDocument[] docs = new PolicyDocument[2];
        for (int i = 0; i < 2; i++) {
            texts[i] = PolicyFiles.policyText(PolicyFiles.read(files[i], System.in, dev.pullfix.model.limits.InputKind.POLICY));
            try {
                docs[i] = PolicyParser.parse(texts[i]);
            } catch (InvalidPolicyException e) {
                o.warn(PolicyFiles.text(o, "cli.error.badPolicy", List.of(files[i], "policy",
                        PolicyFiles.text(o, e.code(), e.args()))));
                return ExitCode.USAGE;
            }
        }
        List<PolicyDiff.Change> changes = PolicyDiff.statements(docs[0], docs[1]);
        List<String> lines = PolicyDiff.unified(texts[0], texts[1], before, after, 3);
        if (o.json()) {
            o.printJson(new Diff(changes.stream().map(c -> new Change(c.kind().name(), c.statement(), c.before(),
                    c.after(), PolicyFiles.text(o, c.code(), c.args()))).toList(), lines));
        } else {
            changes.forEach(c -> o.line(PolicyFiles.text(o, c.code(), c.args())));
            lines.forEach(o::line);
        }
        return changes.isEmpty() ? ExitCode.OK : 1;
    }
}
