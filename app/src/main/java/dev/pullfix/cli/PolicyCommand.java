package dev.pullfix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.policy.Decision;
import dev.pullfix.model.policy.EvaluationResult;
import dev.pullfix.model.policy.PolicyCase;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicyKind;
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
        subcommands = {PolicyCommand.Eval.class, PolicyCommand.Lint.class, PolicyCommand.Diff.class,
                PolicyCommand.Propose.class})
public final class PolicyCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /**
     * Standard output that can print the Japanese messages: as is when the platform encoding can encode them,
     * otherwise UTF-8 (a POSIX/ASCII locale would print '?').
     */
    static PrintStream out() {
        return utf8IfNeeded(System.out);
    }

    static PrintStream err() {
        return utf8IfNeeded(System.err);
    }

    private static PrintStream utf8IfNeeded(PrintStream stream) {
        if (java.nio.charset.Charset.defaultCharset().newEncoder().canEncode("日本語")) {
            return stream;
        }
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
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

    /** Reads a UTF-8 file, or standard input for "-". */
    static String readFile(String file) throws IOException {
        if ("-".equals(file)) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    /** {@code pullfix policy eval CASE.json [--json]}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Decide a request (principal, action, resource, context) against identity, resource, "
                    + "boundary, SCP and VPC endpoint policies.",
                    "Prints ALLOW, EXPLICIT_DENY, IMPLICIT_DENY or UNKNOWN and the deciding statements.",
                    "Exit 0 when a decision was printed, 2 for a bad case file."})
    static final class Eval implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CASE.json", description = "The case file, or - for standard input.")
        String file;

        @Option(names = "--json", description = "Print a JSON object with decision, statements (and reason).")
        boolean json;

        @Option(names = "--trace", description = "Also list every statement with whether it applies and why.")
        boolean trace;

        @Override
        public Integer call() {
            ResourceBundle b = bundle();
            String text;
            try {
                text = readFile(file);
            } catch (IOException e) {
                err().println("pullfix policy eval: " + text(b, "cli.error.readFile", List.of(file, ioReason(e))));
                return 2;
            }
            PolicyCase c;
            try {
                c = PolicyCase.parse(text);
            } catch (PolicyCase.InvalidCaseException e) {
                err().println("pullfix policy eval: " + text(b, "cli.error.badCase", List.of(file,
                        oneLine(e.getMessage()))));
                return 2;
            }
            PolicyEvaluator evaluator = new PolicyEvaluator();
            EvaluationResult r = evaluator.evaluate(c.request(), c.policies());
            List<PolicyEvaluator.StatementTrace> steps = trace ? evaluator.trace(c.request(), c.policies()) : List.of();
            PrintStream out = out();
            if (json) {
                ObjectNode o = toJson(r, b);
                if (trace) {
                    ArrayNode t = o.putArray("trace");
                    for (PolicyEvaluator.StatementTrace st : steps) {
                        ObjectNode n = t.addObject();
                        n.put("policyKind", st.statement().kind().label());
                        n.put("policyName", st.statement().policyName());
                        n.put("statement", st.statement().label());
                        n.put("index", st.statement().index());
                        n.put("effect", st.statement().effect().wire());
                        n.put("applies", st.applies().name());
                        n.put("reason", text(b, st.statement().reasonCode(), st.statement().reasonArgs()));
                    }
                }
                out.println(o.toPrettyString());
            } else {
                out.println(r.decision().name());
                if (r.decision() != Decision.ALLOW) {
                    out.println(text(b, "cli.eval.reason", List.of(reason(r, b))));
                }
                for (StatementRef s : r.statements()) {
                    out.println("  " + text(b, "cli.eval.statement", List.of(s.kind().label(),
                            s.policyName() == null ? "" : s.policyName(), s.label(), s.effect().wire(),
                            text(b, s.reasonCode(), s.reasonArgs()))));
                }
                if (trace) {
                    for (PolicyEvaluator.StatementTrace st : steps) {
                        StatementRef s = st.statement();
                        out.println("  " + st.applies().name().toLowerCase(Locale.ROOT) + ": " + text(b,
                                "cli.eval.statement", List.of(s.kind().label(), s.policyName() == null ? ""
                                        : s.policyName(), s.label(), s.effect().wire(),
                                        text(b, s.reasonCode(), s.reasonArgs()))));
                    }
                }
                if (r.decision() == Decision.UNKNOWN) {
                    out.println(text(b, "cli.eval.possible", List.of(r.possible().stream().map(Enum::name).sorted()
                            .reduce((x, y) -> x + ", " + y).orElse(""))));
                }
            }
            return 0;
        }

        /** The decision's reason; for UNKNOWN followed by why the first undecidable statement cannot be decided. */
        static String reason(EvaluationResult r, ResourceBundle b) {
            String text = text(b, r.reasonCode(), r.reasonArgs());
            if (r.decision() == Decision.UNKNOWN && !r.statements().isEmpty()) {
                StatementRef s = r.statements().get(0);
                text += ": " + text(b, s.reasonCode(), s.reasonArgs());
            }
            return text;
        }

        static ObjectNode toJson(EvaluationResult r, ResourceBundle b) {
            ObjectNode o = JSON.createObjectNode();
            o.put("decision", r.decision().name());
            ArrayNode st = o.putArray("statements");
            for (StatementRef s : r.statements()) {
                ObjectNode n = st.addObject();
                // identity statements are named by their policy (name or ARN); the others by kind
                n.put("policy", s.kind() == PolicyKind.IDENTITY && s.policyName() != null ? s.policyName()
                        : s.kind().label());
                n.put("policyKind", s.kind().label());
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
                o.put("reason", reason(r, b));
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
        @Parameters(index = "0", paramLabel = "FILE", description = "Policy JSON file, or - for standard input.")
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
                err().println("pullfix policy lint: --type must be identity, resource or auto");
                return 2;
            }
            String text;
            try {
                text = readFile(file);
            } catch (IOException e) {
                err().println("pullfix policy lint: " + text(b, "cli.error.readFile", List.of(file, ioReason(e))));
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
                out().println(o.toPrettyString());
            } else {
                for (PolicyLint.Finding f : report.findings()) {
                    String where = f.line() > 0 ? file + ":" + f.line() + ":" + f.column() : file;
                    out().println(where + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " [" + f.code()
                            + "] " + text(b, f.code(), f.args()));
                }
                if (report.findings().isEmpty()) {
                    out().println(text(b, "cli.lint.ok", List.of(kind)));
                } else {
                    out().println(text(b, "cli.lint.summary", List.of(
                            String.valueOf(report.count(PolicyLint.Severity.ERROR)),
                            String.valueOf(report.count(PolicyLint.Severity.WARNING)), kind)));
                }
            }
            return report.hasErrors() ? 1 : 0;
        }
    }

    /** Policy text from a file: the document itself or the output of aws ecr get-repository-policy. */
    static String policyText(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.isObject() && n.has("policyText") && n.get("policyText").isTextual()) {
                return n.get("policyText").asText();
            }
        } catch (IOException ignored) {
            // not JSON: the parser reports where
        }
        return text;
    }

    /** {@code pullfix policy diff OLD NEW [--json]}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Compare two versions of a policy statement by statement, with a unified text diff.",
                    "Exit 0 when they are equivalent, 1 when they differ, 2 for unreadable files."})
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD", description = "The policy before.")
        String before;

        @Parameters(index = "1", paramLabel = "NEW", description = "The policy after.")
        String after;

        @Option(names = "--json", description = "Print a JSON object with changes and diff lines.")
        boolean json;

        @Override
        public Integer call() {
            ResourceBundle b = bundle();
            String[] texts = new String[2];
            dev.pullfix.model.policy.PolicyDocument[] docs = new dev.pullfix.model.policy.PolicyDocument[2];
            String[] files = {before, after};
            for (int i = 0; i < 2; i++) {
                try {
                    texts[i] = policyText(readFile(files[i]));
                    docs[i] = dev.pullfix.model.policy.PolicyParser.parse(texts[i]);
                } catch (IOException e) {
                    err().println("pullfix policy diff: " + text(b, "cli.error.readFile", List.of(files[i], ioReason(e))));
                    return 2;
                } catch (dev.pullfix.model.policy.InvalidPolicyException e) {
                    err().println("pullfix policy diff: " + text(b, "cli.error.badPolicy", List.of(files[i],
                            "policy", text(b, e.code(), e.args()))));
                    return 2;
                }
            }
            List<dev.pullfix.model.policy.PolicyDiff.Change> changes =
                    dev.pullfix.model.policy.PolicyDiff.statements(docs[0], docs[1]);
            List<String> lines = dev.pullfix.model.policy.PolicyDiff.unified(texts[0], texts[1], before, after, 3);
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                ArrayNode ch = o.putArray("changes");
                for (dev.pullfix.model.policy.PolicyDiff.Change c : changes) {
                    ObjectNode n = ch.addObject();
                    n.put("kind", c.kind().name());
                    n.put("statement", c.statement());
                    n.put("before", c.before());
                    n.put("after", c.after());
                    n.put("message", text(b, c.code(), c.args()));
                }
                ArrayNode d = o.putArray("diff");
                lines.forEach(d::add);
                out().println(o.toPrettyString());
            } else {
                changes.forEach(c -> out().println(text(b, c.code(), c.args())));
                lines.forEach(out()::println);
            }
            return changes.isEmpty() ? 0 : 1;
        }
    }

    /** {@code pullfix policy propose POLICY --role ARN --repository ARN [--identity-denies-pull] [--json]}. */
    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = {"Propose the smallest repository policy edit that lets the node role pull, without granting "
                    + "it write or admin actions. Writes nothing.",
                    "Exit 0 when the proposal (or the current policy) lets the role pull, 1 when no edit of the "
                            + "repository policy alone can, 2 for bad input."})
    static final class Propose implements Callable<Integer> {
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

        @Option(names = "--json", description = "Print a JSON object with the proposed policy, changes and notes.")
        boolean json;

        @Override
        public Integer call() {
            ResourceBundle b = bundle();
            String policy;
            try {
                policy = policyText(readFile(file));
            } catch (IOException e) {
                err().println("pullfix policy propose: " + text(b, "cli.error.readFile", List.of(file, ioReason(e))));
                return 2;
            }
            if (!repository.matches("arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\d{12}:repository/.+")) {
                err().println("pullfix policy propose: --repository must be arn:aws:ecr:REGION:ACCOUNT:repository/NAME");
                return 2;
            }
            dev.pullfix.model.policy.PullFixProposal.Proposal p;
            try {
                p = new dev.pullfix.model.policy.PullFixProposal().propose(policy, role, repository, !identityDeniesPull);
            } catch (dev.pullfix.model.policy.InvalidPolicyException e) {
                err().println("pullfix policy propose: " + text(b, "cli.error.badPolicy", List.of(file, "policy",
                        text(b, e.code(), e.args()))));
                return 2;
            } catch (IllegalArgumentException e) {
                err().println("pullfix policy propose: " + oneLine(e.getMessage()));
                return 2;
            }
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("changed", p.changed());
                o.put("resolves", p.resolves());
                o.put("proposedPolicy", p.after());
                ArrayNode ch = o.putArray("changes");
                p.changes().forEach(c -> ch.add(text(b, c.code(), c.args())));
                ArrayNode notes = o.putArray("notes");
                p.notes().forEach(n -> notes.addObject().put("code", n.code()).put("message", text(b, n.code(), n.args())));
                ArrayNode d = o.putArray("diff");
                p.unifiedDiff().forEach(d::add);
                out().println(o.toPrettyString());
            } else {
                p.notes().forEach(n -> out().println(text(b, n.code(), n.args())));
                p.unifiedDiff().forEach(out()::println);
            }
            return p.resolves() ? 0 : 1;
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
