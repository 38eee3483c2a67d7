package dev.pullfix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.policy.Decision;
import dev.pullfix.model.policy.EvaluationResult;
import dev.pullfix.model.policy.PolicyCase;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicyLint;
import dev.pullfix.model.policy.StatementRef;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix policy eval|lint}: the local IAM policy evaluator and linter. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Evaluate and lint IAM policies locally (no AWS calls).",
        subcommands = {PolicyCommand.Eval.class, PolicyCommand.Lint.class})
public final class PolicyCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    static ResourceBundle bundle() {
        return ResourceBundle.getBundle("dev.pullfix.i18n.policy", Locale.getDefault());
    }

    static String text(ResourceBundle b, String code, List<String> args) {
        try {
            return new MessageFormat(b.getString(code), b.getLocale()).format(args.toArray());
        } catch (MissingResourceException e) {
            return code + (args.isEmpty() ? "" : " " + args);
        }
    }

    static String readFile(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    /** {@code pullfix policy eval CASE.json [--json]}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Decide a request (principal, action, resource, context) against identity, resource, "
                    + "boundary, SCP and VPC endpoint policies.",
                    "Prints ALLOW, EXPLICIT_DENY, IMPLICIT_DENY or UNKNOWN and the deciding statements.",
                    "Exit 0 when a decision was printed, 2 for a bad case file."})
    static final class Eval implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CASE.json", description = "The case file (see the issue's contract).")
        String file;

        @Option(names = "--json", description = "Print a JSON object with decision, statements (and reason).")
        boolean json;

        @Override
        public Integer call() {
            ResourceBundle b = bundle();
            String text;
            try {
                text = readFile(file);
            } catch (IOException e) {
                System.err.println("pullfix policy eval: " + text(b, "cli.error.readFile", List.of(file, ioReason(e))));
                return 2;
            }
            PolicyCase c;
            try {
                c = PolicyCase.parse(text);
            } catch (PolicyCase.InvalidCaseException e) {
                System.err.println("pullfix policy eval: " + text(b, "cli.error.badCase", List.of(file,
                        oneLine(e.getMessage()))));
                return 2;
            }
            EvaluationResult r = new PolicyEvaluator().evaluate(c.request(), c.policies());
            PrintStream out = System.out;
            if (json) {
                out.println(toJson(r, b).toPrettyString());
            } else {
                out.println(r.decision().name());
                if (r.decision() != Decision.ALLOW) {
                    out.println(text(b, "cli.eval.reason", List.of(text(b, r.reasonCode(), r.reasonArgs()))));
                }
                for (StatementRef s : r.statements()) {
                    out.println("  " + text(b, "cli.eval.statement", List.of(s.kind().label(),
                            s.policyName() == null ? "" : s.policyName(), s.label(), s.effect().wire(),
                            text(b, s.reasonCode(), s.reasonArgs()))));
                }
                if (r.decision() == Decision.UNKNOWN) {
                    out.println(text(b, "cli.eval.possible", List.of(r.possible().stream().map(Enum::name).sorted()
                            .reduce((x, y) -> x + ", " + y).orElse(""))));
                }
            }
            return 0;
        }

        static ObjectNode toJson(EvaluationResult r, ResourceBundle b) {
            ObjectNode o = JSON.createObjectNode();
            o.put("decision", r.decision().name());
            ArrayNode st = o.putArray("statements");
            for (StatementRef s : r.statements()) {
                ObjectNode n = st.addObject();
                n.put("policy", s.kind().label());
                n.put("policyName", s.policyName());
                if (s.sid() == null) {
                    n.putNull("sid");
                } else {
                    n.put("sid", s.sid());
                }
                n.put("index", s.index());
                n.put("effect", s.effect().wire());
                n.put("reason", text(b, s.reasonCode(), s.reasonArgs()));
                n.put("reasonCode", s.reasonCode());
                if (s.span() != null) {
                    ObjectNode span = n.putObject("span");
                    span.put("line", s.span().line());
                    span.put("column", s.span().column());
                    span.put("start", s.span().startOffset());
                    span.put("end", s.span().endOffset());
                }
            }
            if (r.decision() != Decision.ALLOW) {
                o.put("reason", text(b, r.reasonCode(), r.reasonArgs()));
                o.put("reasonCode", r.reasonCode());
            }
            if (r.decision() == Decision.UNKNOWN) {
                ArrayNode p = o.putArray("possibleDecisions");
                r.possible().stream().map(Enum::name).sorted().forEach(p::add);
            }
            return o;
        }
    }

    /** {@code pullfix policy lint FILE [--json]}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = {"Lint an IAM policy document (or the output of aws ecr get-repository-policy).",
                    "Exit 1 when there are errors, 0 otherwise, 2 for an unreadable file."})
    static final class Lint implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Policy JSON file.")
        String file;

        @Option(names = "--json", description = "Print a JSON object with errors and warnings.")
        boolean json;

        @Option(names = "--type", paramLabel = "identity|resource|auto", defaultValue = "auto",
                description = "Kind of policy (default: auto; resource when a statement names a Principal).")
        String type;

        @Override
        public Integer call() {
            ResourceBundle b = bundle();
            PolicyLint.Target target;
            try {
                target = PolicyLint.Target.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("pullfix policy lint: --type must be identity, resource or auto");
                return 2;
            }
            String text;
            try {
                text = readFile(file);
            } catch (IOException e) {
                System.err.println("pullfix policy lint: " + text(b, "cli.error.readFile", List.of(file, ioReason(e))));
                return 2;
            }
            // the output of `aws ecr get-repository-policy` wraps the document in policyText
            try {
                JsonNode n = JSON.readTree(text);
                if (n != null && n.isObject() && n.has("policyText") && n.get("policyText").isTextual()) {
                    text = n.get("policyText").asText();
                    if (target == PolicyLint.Target.AUTO) {
                        target = PolicyLint.Target.RESOURCE;
                    }
                }
            } catch (IOException ignored) {
                // not JSON: the linter reports where
            }
            PolicyLint.Report report = PolicyLint.lint(text, target);
            String kind = report.target().name().toLowerCase(Locale.ROOT);
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("file", file);
                o.put("policyType", kind);
                ArrayNode errors = o.putArray("errors");
                ArrayNode warnings = o.putArray("warnings");
                for (PolicyLint.Finding f : report.findings()) {
                    ObjectNode n = (f.severity() == PolicyLint.Severity.ERROR ? errors : warnings).addObject();
                    n.put("code", f.code());
                    n.put("message", text(b, f.code(), f.args()));
                    if (f.statementIndex() >= 0) {
                        n.put("statement", f.statementIndex());
                    }
                    if (f.sid() != null) {
                        n.put("sid", f.sid());
                    }
                    if (f.line() > 0) {
                        n.put("line", f.line());
                        n.put("column", f.column());
                    }
                }
                System.out.println(o.toPrettyString());
            } else {
                for (PolicyLint.Finding f : report.findings()) {
                    String where = f.line() > 0 ? file + ":" + f.line() + ":" + f.column() : file;
                    System.out.println(where + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " [" + f.code()
                            + "] " + text(b, f.code(), f.args()));
                }
                if (report.findings().isEmpty()) {
                    System.out.println(text(b, "cli.lint.ok", List.of(kind)));
                } else {
                    System.out.println(text(b, "cli.lint.summary", List.of(
                            String.valueOf(report.count(PolicyLint.Severity.ERROR)),
                            String.valueOf(report.count(PolicyLint.Severity.WARNING)), kind)));
                }
            }
            return report.hasErrors() ? 1 : 0;
        }
    }

    static String ioReason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** For tests: run with picocli's default handling. */
    static int run(String... args) {
        return new CommandLine(new PolicyCommand()).execute(args);
    }
}
