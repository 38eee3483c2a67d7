package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.Kubeconfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Shared bits of the cluster commands: the bundle, error lines, table printing, connecting. */
final class ClusterCli {

    static final String BUNDLE = "dev.pullfix.i18n.cluster";

    static {
        // fabric8 logs through SLF4J; without a provider SLF4J prints three warning lines on stderr
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    private ClusterCli() {
    }

    static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    static String text(String key, Object... args) {
        try {
            String pattern = bundle().getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** One line on stderr: the message and the way forward. Returns exit code 1. */
    static int fail(PrintStream err, String command, ClusterError e) {
        Object[] args = e.args().toArray();
        String message = text(e.messageKey(), args);
        String hint = text(e.hintKey(), args);
        err.println("pullfix " + command + ": " + oneLine(message)
                + (hint.equals(e.hintKey()) ? "" : " " + text("cluster.cli.hintPrefix") + ": " + oneLine(hint)));
        return 1;
    }

    static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').replaceAll("\\s{2,}", " ").strip();
    }

    static Kubeconfig kubeconfig(Path explicit) {
        return Kubeconfig.load(ClusterEnvironment.system(), explicit);
    }

    static ClusterConnection connect(Path explicit, String context) {
        ClusterEnvironment env = ClusterEnvironment.system();
        Kubeconfig kc = Kubeconfig.load(env, explicit);
        return new ClusterConnector(env, ClusterConnector.Options.defaults()).connect(kc, context);
    }

    /** kubectl-style columns: each as wide as its widest cell plus three spaces; the last is not padded. */
    static void table(PrintStream out, String indent, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.setLength(0);
            sb.append(indent);
            for (int i = 0; i < cols; i++) {
                String cell = r[i] == null ? "" : r[i];
                sb.append(cell);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - cell.length() + 3));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
