package dev.pullfix.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.cluster.Kubeconfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pullfix contexts [--json] [--kubeconfig FILE]}: the kubeconfig contexts, as kubectl merges them. */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = "List the kubeconfig contexts (KUBECONFIG merged as kubectl does), with auth and EKS mapping.")
public final class ContextsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this kubeconfig file only.")
    Path kubeconfig;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        Kubeconfig kc;
        try {
            kc = ClusterCli.kubeconfig(kubeconfig);
        } catch (ClusterError e) {
            return ClusterCli.fail(err, "contexts", e);
        }
        List<ContextInfo> contexts = kc.contexts();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            root.put("currentContext", kc.currentContext());
            ArrayNode files = root.putArray("files");
            kc.files().forEach(f -> files.add(f.toString()));
            ArrayNode arr = root.putArray("contexts");
            for (ContextInfo c : contexts) {
                ObjectNode n = arr.addObject();
                n.put("name", c.name());
                n.put("current", c.current());
                n.put("cluster", c.clusterName());
                n.put("user", c.userName());
                n.put("namespace", c.namespace());
                n.put("server", c.server());
                n.put("auth", c.auth().name());
                n.put("execCommand", c.execCommand());
                if (c.eks() != null) {
                    EksContextMapping e = c.eks();
                    ObjectNode en = n.putObject("eks");
                    en.put("clusterName", e.clusterName());
                    en.put("region", e.region());
                    en.put("profile", e.profile());
                    en.put("roleArn", e.roleArn());
                    en.put("accountId", e.accountId());
                    en.put("source", e.source().name());
                } else {
                    n.putNull("eks");
                }
                n.put("source", c.source() == null ? null : c.source().toString());
            }
            out.println(m.writeValueAsString(root));
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE", "AUTH", "EKS"});
        for (ContextInfo c : contexts) {
            rows.add(new String[] {c.current() ? "*" : "", c.name(), nz(c.clusterName()), nz(c.userName()),
                    nz(c.namespace()), c.auth() == ContextInfo.AuthKind.EXEC ? "exec:" + c.execCommand()
                    : c.auth().name().toLowerCase(java.util.Locale.ROOT), eks(c.eks())});
        }
        ClusterCli.table(out, "", rows);
        return 0;
    }

    private static String eks(EksContextMapping e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(e.clusterName() == null ? "?" : e.clusterName());
        sb.append(" (").append(e.region() == null ? "?" : e.region());
        if (e.profile() != null) {
            sb.append(", profile ").append(e.profile());
        }
        return sb.append(')').toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
