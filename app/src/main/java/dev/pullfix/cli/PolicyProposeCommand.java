package dev.pullfix.cli;

import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.PullFixProposal;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix policy propose POLICY --role ARN --repository ARN [--identity-denies-pull] [--json]}. */
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = "Propose the smallest repository policy edit that lets the node role pull, without granting "
                + "it write or admin actions. Writes nothing.",
        footer = {"", "JSON fields: changed, resolves, proposedPolicy, changes[], notes[] (code, message), diff[]."})
public final class PolicyProposeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "POLICY", description = "Repository policy (or get-repository-policy output).")
    String file;

    @Option(names = "--role", required = true, paramLabel = "ARN", description = "Node role ARN or the kubelet's session ARN.")
    String role;

    @Option(names = "--repository", required = true, paramLabel = "ARN",
            description = "Repository ARN, arn:aws:ecr:REGION:ACCOUNT:repository/NAME.")
    String repository;

    @Option(names = "--identity-denies-pull",
            description = "The role's IAM policies do not allow pulling: also add a pull-only Allow statement.")
    boolean identityDeniesPull;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    record Proposal(boolean changed, boolean resolves, String proposedPolicy, List<String> changes, List<Note> notes,
                    List<String> diff) {}

    record Note(String code, String message) {}

    @Override
    public Integer call() throws IOException {
        Output o = Output.of(spec, output);
        if (!repository.matches("arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\d{12}:repository/.+")) {
            throw o.usage("--repository must be arn:aws:ecr:REGION:ACCOUNT:repository/NAME");
        }
        String policy = PolicyFiles.policyText(PolicyFiles.read(file, System.in, dev.pullfix.model.limits.InputKind.POLICY));
        PullFixProposal.Proposal p;
        try {
            p = new PullFixProposal().propose(policy, role, repository, !identityDeniesPull);
        } catch (InvalidPolicyException e) {
            o.warn(PolicyFiles.text(o, "cli.error.badPolicy", List.of(file, "policy", PolicyFiles.text(o, e.code(),
                    e.args()))));
            return ExitCode.USAGE;
        }
        if (o.json()) {
            o.printJson(new Proposal(p.changed(), p.resolves(), p.after(),
                    p.changes().stream().map(c -> PolicyFiles.text(o, c.code(), c.args())).toList(),
                    p.notes().stream().map(n -> new Note(n.code(), PolicyFiles.text(o, n.code(), n.args()))).toList(),
                    p.unifiedDiff()));
        } else {
            p.notes().forEach(n -> o.line(PolicyFiles.text(o, n.code(), n.args())));
            p.unifiedDiff().forEach(o::line);
        }
        return p.resolves() ? ExitCode.OK : 1;
    }
}
