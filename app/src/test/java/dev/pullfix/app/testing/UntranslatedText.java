package dev.pullfix.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Finds English a Japanese window still shows (issue 14): in every visible label, button, cell, tab and column header,
 * free text node, tooltip, prompt text, context menu and menu item under a node, the words of three or more Latin
 * letters that are not product names, Kubernetes and AWS vocabulary the UI keeps as it is (reasons, phases, the
 * policy language), or the lab's names. Tokens that are code rather than words (names with {@code -_./:@},
 * ARNs, image references, quoted values) and lines that are commands ({@code kubectl …}, {@code aws …}) or JSON are
 * left alone, and so are what the user typed or reads as data: text fields' content, code areas, the cluster's event
 * messages, the step's commands. FX thread only.
 */
public final class UntranslatedText {
    /** Words that stay as they are in a Japanese window. */
    public static final Set<String> KEPT = Set.of(
            // product and service names, abbreviations
            "Pullfix", "Kubernetes", "ECR", "AWS", "IAM", "EKS", "STS", "VPC", "API", "JSON", "YAML", "CLI", "ARN",
            "Pod", "Pods", "OK", "kubelet", "kubectl", "kubeconfig", "containerd", "Docker", "Hub", "HTTP", "HTTPS", "TLS", "DNS",
            "URL", "URI", "SDK", "OCI", "lint", "Primer", "Lens",
            // a language's own name in the language menu
            "English",
            // Kubernetes kinds, as kubectl names them
            "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Namespace", "Secret",
            // RBAC's verbs and resources, as the API server's "forbidden" names them
            "get", "list", "watch", "create", "update", "patch", "delete", "pods", "events", "secrets",
            "deployments", "replicasets", "namespaces", "nodes", "serviceaccounts",
            // the IAM policy language, as AWS's Japanese console shows it
            "Sid", "Allow", "Deny", "NotAction", "NotPrincipal", "Version",
            // Kubernetes values shown as kubectl shows them (reasons, phases, event types)
            "ImagePullBackOff", "ErrImagePull", "BackOff", "InvalidImageName", "ErrImageNeverPull", "Running",
            "Pending", "Failed", "Pulling", "Pulled", "Scheduled", "Started", "Created", "Warning", "Normal", "Ready",
            "Succeeded", "Unknown", "Forbidden", "Unauthorized", "NotFound",
            // the practice lab's names (namespaces, workloads, images, clusters)
            "default", "nginx", "httpd", "latest", "stable", "alpine", "retail", "sample", "app", "eks", "workshop");
    /** The practice lab's data that reads as words: the Sid of S1's repository policy. */
    public static final Set<String> KEPT_PHRASES = Set.of("new policy");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|「[^」]*」|『[^』]*』|`[^`]*`");
    /** A token that is code: letters joined to punctuation a sentence does not use inside a word. */
    private static final Pattern CODE_TOKEN = Pattern.compile(
            ".*[:/`_@{}\\[\\]\"'*.=\\-<>#$].*[A-Za-z].*|.*[A-Za-z].*[:/`_@{}\\[\\]\"'*=\\-<>#$].*"
                    + "|.*[a-z][A-Z].*"); // and identifiers in camel case: PolicyArn, registryId, ImagePullBackOff
    private static final Pattern COMMAND_LINE = Pattern.compile("^\\s*(\\$\\s*)?(kubectl|aws|docker|crane|skopeo|curl"
            + "|nerdctl|crictl|ctr)\\b.*");
    /** Ids of nodes whose content is data from the cluster or the account, not the app's words. */
    private static final Set<String> DATA = Set.of("eventsTable", "evidenceJson", "podYaml",
            "stepCommand", "activityLog", "fixDiff", "fixCommands", "currentPolicy", "proposedPolicy");
    /** Style classes of data and commands. */
    private static final Set<String> DATA_CLASSES = Set.of("command", "mono", "code", "json-area", "event-message");

    private final Set<String> found = new LinkedHashSet<>();

    private UntranslatedText() {
    }

    /** Each text under {@code root} with an English word in it, as {@code "text" (word)}; empty when none. */
    public static List<String> in(Node root) {
        UntranslatedText u = new UntranslatedText();
        u.visit(root);
        return new ArrayList<>(u.found);
    }

    /** The first English word of {@code text}, or null when it has none. */
    public static String englishWord(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("{") || t.startsWith("\"") || COMMAND_LINE.matcher(t).matches()) {
                continue;
            }
            t = QUOTED.matcher(t).replaceAll(" "); // quoted text is verbatim: a kubelet message, a Sid, a value
            for (String phrase : KEPT_PHRASES) {
                t = t.replace(phrase, " ");
            }
            StringBuilder plain = new StringBuilder();
            for (String tok : t.split("[\\s\u3000（）()「」『』、。,;]+")) {
                if (!CODE_TOKEN.matcher(tok).matches()) {
                    plain.append(' ').append(tok);
                }
            }
            Matcher m = WORD.matcher(plain);
            while (m.find()) {
                if (!KEPT.contains(m.group())) {
                    return m.group();
                }
            }
        }
        return null;
    }

    private void check(String where, String text) {
        String w = englishWord(text);
        if (w != null) {
            found.add(where + " \"" + text.replace('\n', ' ') + "\" (" + w + ")");
        }
    }

    private void visit(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0 || (n.getId() != null && DATA.contains(n.getId()))
                || n.getStyleClass().stream().anyMatch(DATA_CLASSES::contains)
                || n.getClass().getName().startsWith("org.fxmisc.")) {
            return;
        }
        String kind = n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
        if (n instanceof Control c) {
            if (c.getTooltip() != null) {
                check(kind + " tooltip", c.getTooltip().getText());
            }
            if (c.getContextMenu() != null) {
                c.getContextMenu().getItems().forEach(i -> menuItem(kind + " context menu", i));
            }
        }
        if (n instanceof TextInputControl t) {
            check(kind + " prompt", t.getPromptText());
            return; // what the user typed
        }
        if (n instanceof ComboBoxBase<?> cb) {
            check(kind + " prompt", cb.getPromptText());
        }
        if (n instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> menuItem("menu", m));
        }
        if (n instanceof Labeled l && !(l instanceof TableCell<?, ?> && l.getText() == null)) {
            check(kind, l.getText());
        }
        if (n instanceof Text t && !(n.getParent() != null && isLabeledSkinText(n))) {
            check(kind, t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(this::visit);
        }
    }

    /** Labels draw their text with a Text node of style class "text": checked as the label. */
    private static boolean isLabeledSkinText(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled) {
                return true;
            }
        }
        return false;
    }

    private void menuItem(String where, MenuItem i) {
        check(where + (i.getId() == null ? "" : " #" + i.getId()), i.getText());
        if (i instanceof Menu m) {
            m.getItems().forEach(c -> menuItem(where, c));
        }
    }
}
