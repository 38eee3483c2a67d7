package dev.pullfix.app.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.fix.TextDiff;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.NamedPolicy;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.policy.PolicyLint;
import dev.pullfix.model.policy.StatementRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side-by-side policy editor's state: the current policy (read-only), the proposed one (edited as text or
 * through the statement cards), and what follows from it on every change: parse error with line and column,
 * lint findings, changed lines, a statement-level summary, and the verdict "can the node role pull now?"
 * with the deciding statements. Invalid JSON keeps the structural view at the last valid state.
 */
public final class PolicyEditorViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whose pull is judged: the node role (the kubelet calls as its session), the repository, its policies. */
    public record PullTarget(String principalArn, String repositoryArn, String imageLabel,
                             List<NamedPolicy> identityPolicies) {}

    /** A parse error at a 1-based line and column. */
    public record ParseError(int line, int column, String code, List<String> args, String english) {}

    private final String current;
    private final PullTarget target;
    private final KubeletPull kubelet = new KubeletPull();
    private final BiFunction<PolicyDocument, PolicyDocument, List<String>> summarizer;
    private final StringProperty proposed = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ParseError> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ObjectNode> structure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<KubeletPull.PullVerdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TextDiff.ChangedLines> changed = new ReadOnlyObjectWrapper<>(
            new TextDiff.ChangedLines(Set.of(), Set.of()));
    private final ReadOnlyObjectWrapper<Set<Integer>> decidingLines = new ReadOnlyObjectWrapper<>(Set.of());
    private final ObservableList<PolicyLint.Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private PolicyDocument currentDoc;
    private boolean updatingFromStructure;

    /**
     * @param currentText the repository policy now ({@code null} when the repository has none)
     * @param initialProposal the right pane's first content (Pullfix's proposal, or the current policy)
     */
    public PolicyEditorViewModel(String currentText, String initialProposal, PullTarget target,
                                 BiFunction<PolicyDocument, PolicyDocument, List<String>> summarizer) {
        this.current = currentText == null ? "" : pretty(currentText);
        this.target = target;
        this.summarizer = summarizer;
        try {
            currentDoc = currentText == null ? null : PolicyDocument.parse(currentText);
        } catch (InvalidPolicyException e) {
            currentDoc = null;
        }
        proposed.addListener((obs, o, n) -> recompute(n));
        proposed.set(pretty(initialProposal == null ? "" : initialProposal));
        recompute(proposed.get());
    }

    public String currentText() {
        return current;
    }

    public StringProperty proposedProperty() {
        return proposed;
    }

    public ReadOnlyObjectProperty<ParseError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The proposed policy as a JSON tree, at its last valid state. */
    public ReadOnlyObjectProperty<ObjectNode> structureProperty() {
        return structure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KubeletPull.PullVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TextDiff.ChangedLines> changedLinesProperty() {
        return changed.getReadOnlyProperty();
    }

    /** 0-based lines of the proposed text that belong to the deciding statements of the repository policy. */
    public ReadOnlyObjectProperty<Set<Integer>> decidingLinesProperty() {
        return decidingLines.getReadOnlyProperty();
    }

    public ObservableList<PolicyLint.Finding> findings() {
        return findings;
    }

    public ObservableList<String> summary() {
        return summary;
    }

    public PullTarget target() {
        return target;
    }

    /** True when the proposal parses and has no lint errors: the apply button's condition. */
    public boolean canApply() {
        return error.get() == null && findings.stream().noneMatch(f -> f.severity() == PolicyLint.Severity.ERROR)
                && !TextDiff.unified(current, proposed.get(), "a", "b").isEmpty();
    }

    // ---- commands from the structural view ----

    public void setEffect(int statement, String effect) {
        editStatement(statement, s -> s.put("Effect", effect));
    }

    public void setSid(int statement, String sid) {
        editStatement(statement, s -> {
            if (sid == null || sid.isBlank()) {
                s.remove("Sid");
            } else {
                s.put("Sid", sid);
            }
        });
    }

    public void setActions(int statement, List<String> actions) {
        editStatement(statement, s -> {
            String key = s.has("NotAction") ? "NotAction" : "Action";
            s.set(key, list(actions));
        });
    }

    public void setAwsPrincipals(int statement, List<String> principals) {
        editStatement(statement, s -> {
            ObjectNode p = JSON.createObjectNode();
            p.set("AWS", list(principals));
            s.set("Principal", p);
        });
    }

    public void addStatement() {
        ObjectNode root = structure.get() == null ? JSON.createObjectNode().put("Version", "2012-10-17") : structure.get().deepCopy();
        ArrayNode st = root.has("Statement") && root.get("Statement").isArray() ? (ArrayNode) root.get("Statement")
                : root.putArray("Statement");
        ObjectNode s = st.addObject();
        s.put("Sid", "NewStatement" + st.size());
        s.put("Effect", "Allow");
        s.putObject("Principal").putArray("AWS").add(target.principalArn() == null ? "*" : roleArn(target.principalArn()));
        s.putArray("Action").add("ecr:BatchGetImage").add("ecr:GetDownloadUrlForLayer");
        writeStructure(root);
    }

    public void removeStatement(int statement) {
        ObjectNode root = structure.get().deepCopy();
        JsonNode st = root.get("Statement");
        if (st instanceof ArrayNode a && statement < a.size()) {
            a.remove(statement);
            writeStructure(root);
        }
    }

    /** Back to the current policy (the right pane shows no change). */
    public void resetToCurrent() {
        proposed.set(current);
    }

    private interface StatementEdit {
        void apply(ObjectNode statement);
    }

    private void editStatement(int index, StatementEdit edit) {
        if (structure.get() == null) {
            return;
        }
        ObjectNode root = structure.get().deepCopy();
        JsonNode st = root.get("Statement");
        ObjectNode s;
        if (st instanceof ArrayNode a && index < a.size() && a.get(index) instanceof ObjectNode o) {
            s = o;
        } else if (st instanceof ObjectNode o && index == 0) {
            s = o;
        } else {
            return;
        }
        edit.apply(s);
        writeStructure(root);
    }

    private void writeStructure(ObjectNode root) {
        updatingFromStructure = true;
        try {
            proposed.set(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            updatingFromStructure = false;
        }
    }

    // ---- derived state ----

    private void recompute(String text) {
        changed.set(TextDiff.changedLineSets(current, text));
        PolicyLint.Report report = PolicyLint.lint(text, PolicyLint.Target.RESOURCE);
        findings.setAll(report.findings());
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(text);
            error.set(null);
            JsonNode tree = JSON.readTree(text);
            if (tree instanceof ObjectNode o) {
                structure.set(o);
            }
        } catch (InvalidPolicyException e) {
            error.set(new ParseError(e.line(), e.column(), e.code(), e.args(), e.getMessage()));
            return; // structure, verdict and summary keep the last valid state
        } catch (JsonProcessingException e) {
            error.set(new ParseError(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), "lint.invalidJson", List.of(),
                    e.getOriginalMessage()));
            return;
        }
        if (target != null && target.principalArn() != null) {
            KubeletPull.Builder b = KubeletPull.builder(target.principalArn(), target.repositoryArn()).repositoryPolicy(doc);
            for (NamedPolicy p : target.identityPolicies()) {
                b.identityPolicy(p.name(), p.document());
            }
            KubeletPull.PullVerdict v = kubelet.check(b.build());
            verdict.set(v);
            Set<Integer> lines = new TreeSet<>();
            for (StatementRef ref : v.decidingStatements()) {
                if (ref.kind() == dev.pullfix.model.policy.PolicyKind.RESOURCE && ref.span() != null) {
                    int from = ref.span().line() - 1;
                    int to = lineOf(text, ref.span().endOffset());
                    for (int i = from; i <= Math.max(from, to); i++) {
                        lines.add(i);
                    }
                }
            }
            decidingLines.set(lines);
        }
        summary.setAll(summarizer == null ? List.of() : summarizer.apply(currentDoc, doc));
    }

    boolean updatingFromStructure() {
        return updatingFromStructure;
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static ArrayNode list(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** {@code arn:aws:sts::A:assumed-role/R/i-1} → {@code arn:aws:iam::A:role/R}; other ARNs unchanged. */
    static String roleArn(String arn) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.*")
                .matcher(arn);
        return m.matches() ? "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3) : arn;
    }

    /** Pretty-prints JSON as ECR shows it; text that is not JSON stays as it is. */
    static String pretty(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null ? text : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n", -1)));
    }
}
