package dev.pullfix.cli;

import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.cluster.Kubeconfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pullfix contexts [--json] [--kubeconfig FILE]}: the kubeconfig contexts, as kubectl merges them. */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = "List the kubeconfig contexts (KUBECONFIG merged as kubectl does), with auth and EKS mapping.",
        footer = {"", "JSON fields: currentContext, files, contexts[] (name, current, cluster, user, namespace, server, "
                + "auth, execCommand, eks {clusterName, region, profile, roleArn, accountId, source}, source)."})
public final class ContextsCommand implements Callable<Integer> {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this kubeconfig file only.")
    Path kubeconfig;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** The JSON answer. */
    record Contexts(String currentContext, List<String> files, List<Context> contexts) {}

    record Context(String name, boolean current, String cluster, String user, String namespace, String server,
                   String auth, String execCommand, Eks eks, String source) {}

    record Eks(String clusterName, String region, String profile, String roleArn, String accountId, String source) {}

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        Kubeconfig kc = Kubeconfig.load(dev.pullfix.model.cluster.ClusterEnvironment.system(), kubeconfig);
        List<ContextInfo> contexts = kc.contexts();
        if (o.json()) {
            o.printJson(new Contexts(kc.currentContext(), kc.files().stream().map(Path::toString).toList(),
                    contexts.stream().map(ContextsCommand::context).toList()));
            return ExitCode.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE", "AUTH", "EKS"});
        for (ContextInfo c : contexts) {
            rows.add(new String[] {c.current() ? "*" : "", c.name(), nz(c.clusterName()), nz(c.userName()),
                    nz(c.namespace()), c.auth() == ContextInfo.AuthKind.EXEC ? "exec:" + c.execCommand()
                    : c.auth().name().toLowerCase(Locale.ROOT), eks(c.eks())});
        }
        Table.print(o.out(), rows);
        return ExitCode.OK;
    }

    private static Context context(ContextInfo c) {
        EksContextMapping e = c.eks();
        return new Context(c.name(), c.current(), c.clusterName(), c.userName(), c.namespace(), c.server(),
                c.auth().name(), c.execCommand(), e == null ? null : new Eks(e.clusterName(), e.region(), e.profile(),
                e.roleArn(), e.accountId(), e.source().name()), c.source() == null ? null : c.source().toString());
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
