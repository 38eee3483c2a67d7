package dev.pullfix.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pullfix.model.policy.PolicyLint;
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

/** {@code pullfix policy lint FILE [--json] [--type identity|resource|auto]}: a checker (exit 1 on errors). */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Lint an IAM policy document (or the output of aws ecr get-repository-policy).",
        footer = {"", "JSON fields: file, policyType, errors[] and warnings[] (code, message, statement, sid, line, "
                + "column)."})
public final class PolicyLintCommand implements Callable<Integer>, ExitCode.Checker {
    @Parameters(index = "0", paramLabel = "FILE", description = "Policy JSON file, or - for standard input.")
    String file;

    @Option(names = "--type", paramLabel = "identity|resource|auto", defaultValue = "auto",
            description = "Kind of policy (default: auto; resource when a statement names a Principal).")
    String type;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    record Report(String file, String policyType, List<Finding> errors, List<Finding> warnings) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Finding(String code, String message, Integer statement, String sid, Integer line, Integer column) {}

    @Override
    public Integer call() throws IOException {
        Output o = Output.of(spec, output);
        PolicyLint.Target target;
        try {
            target = PolicyLint.Target.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw o.usage("--type must be identity, resource or auto");
        }
        String raw = PolicyFiles.read(file, System.in, dev.pullfix.model.limits.InputKind.POLICY);
        String text = PolicyFiles.policyText(raw);
        if (!text.equals(raw) && target == PolicyLint.Target.AUTO) {
            // the output of `aws ecr get-repository-policy` wraps a repository (resource) policy in policyText
            target = PolicyLint.Target.RESOURCE;
        }
        PolicyLint.Report report = PolicyLint.lint(text, target);
        String kind = report.target().name().toLowerCase(Locale.ROOT);
        if (o.json()) {
            o.printJson(new Report(file, kind, findings(o, report, PolicyLint.Severity.ERROR),
                    findings(o, report, PolicyLint.Severity.WARNING)));
        } else {
            for (PolicyLint.Finding f : report.findings()) {
                String where = f.line() > 0 ? file + ":" + f.line() + ":" + f.column() : file;
                o.line(where + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " [" + f.code() + "] "
                        + PolicyFiles.text(o, f.code(), f.args()));
            }
            if (report.findings().isEmpty()) {
                o.line(PolicyFiles.text(o, "cli.lint.ok", List.of(kind)));
            } else {
                o.line(PolicyFiles.text(o, "cli.lint.summary", List.of(
                        String.valueOf(report.count(PolicyLint.Severity.ERROR)),
                        String.valueOf(report.count(PolicyLint.Severity.WARNING)), kind)));
            }
        }
        return report.hasErrors() ? ExitCode.PROBLEM_FOUND : ExitCode.OK;
    }

    private static List<Finding> findings(Output o, PolicyLint.Report report, PolicyLint.Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).map(f -> new Finding(f.code(),
                PolicyFiles.text(o, f.code(), f.args()), f.statementIndex() >= 0 ? f.statementIndex() : null,
                f.sid(), f.line() > 0 ? f.line() : null, f.line() > 0 ? f.column() : null)).toList();
    }
}
