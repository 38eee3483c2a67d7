package dev.pullfix.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.report.DiagnosisReport;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix diagnose}: replays the seed documents' numbered steps against the live cluster and account
 * (read-only), for one pod or, with {@code --all}, every failing pod grouped by cause.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Walk a failing pod's runbook (the documents' numbered steps) against the cluster and AWS, "
                + "read-only: each step with its command, live result and verdict; then the fixes.")
public final class DiagnoseCommand implements Callable<Integer> {

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context (default: current).")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this kubeconfig file only.")
    Path kubeconfig;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "With --all: every namespace.")
    boolean allNamespaces;

    @Option(names = "--all", description = "Every failing pod at once, grouped by cause (shared fetches).")
    boolean all;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POD", description = "The failing pod.")
    String pod;

    @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the steps (default: en).")
    String lang = "en";

    @Option(names = "--json", description = "Print JSON (cause, steps with number/title/command/verdict, fixes).")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the diagnosis with all evidence, "
            + "secrets redacted: Markdown, or HTML when FILE ends in .html.")
    Path report;

    @Option(names = "--runbook", paramLabel = "ID", description = "Open this runbook instead of the one the cause picks.")
    String runbook;

    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the context's EKS mapping, then AWS_PROFILE).")
    String profile;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the context's EKS mapping).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this endpoint (the practice lab).")
    String endpointUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Timeout of each check (default: 20).")
    int timeoutSeconds = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"en".equals(lang) && !"ja".equals(lang)) {
            err.println("pullfix diagnose: --lang must be en or ja");
            return 2;
        }
        if (!all && pod == null) {
            err.println("pullfix diagnose: name a POD, or use --all");
            return 2;
        }
        URI endpoint = null;
        if (endpointUrl != null) {
            endpoint = URI.create(endpointUrl);
        }
        Locale locale = "ja".equals(lang) ? Locale.JAPANESE : Locale.ENGLISH;
        try (ClusterConnection conn = ClusterCli.connect(kubeconfig, context);
             DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults()
                     .withTimeout(java.time.Duration.ofSeconds(timeoutSeconds)))) {
            Optional<EksContextMapping> eks = conn.context().eksMapping();
            String awsProfile = profile != null ? profile : eks.map(EksContextMapping::profile).orElse(null);
            String awsRegion = region != null ? region : eks.map(EksContextMapping::region).orElse(null);
            AwsAccess aws = AwsAccess.of(AwsProfiles.load(AwsEnvironment.system()), AwsSessionOptions.defaults()
                    .withProfile(awsProfile).withRegion(awsRegion).withEndpoint(endpoint));
            Workspace workspace = new Workspace(conn, eks.map(EksContextMapping::clusterName).orElse(null), aws, null);
            DiagnosisReport reporter = service.report(locale);
            String ns = namespace != null ? namespace : conn.defaultNamespace();
            if (all) {
                return runAll(out, service, workspace, allNamespaces ? null : ns, reporter);
            }
            Diagnosis d = service.diagnose(workspace, new DiagnoseAll.PodRef(ns, pod), runbook, ProgressListener.NONE,
                    new CancelToken());
            if (report != null) {
                String text = report.toString().endsWith(".html") ? reporter.html(d) : reporter.markdown(d);
                Files.writeString(report, text, StandardCharsets.UTF_8);
            }
            out.println(json ? reporter.json(d) : reporter.markdown(d));
            out.flush();
            return 0;
        } catch (ClusterError e) {
            return ClusterCli.fail(new java.io.PrintStream(System.err, true, StandardCharsets.UTF_8), "diagnose", e);
        }
    }

    private int runAll(PrintWriter out, DiagnosisService service, Workspace workspace, String ns,
                       DiagnosisReport reporter) {
        DiagnoseAll.Result r;
        try {
            r = service.diagnoseAll(workspace, ns, ProgressListener.NONE, new CancelToken());
        } catch (CouldNotCheckException e) {
            spec.commandLine().getErr().println("pullfix diagnose: " + e.getMessage());
            return 1;
        }
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = m.createObjectNode();
            o.put("pods", r.pods());
            o.put("failing", r.failing());
            ArrayNode groups = o.putArray("groups");
            for (DiagnoseAll.Group g : r.groups()) {
                ObjectNode gn = groups.addObject();
                gn.put("cause", g.cause());
                gn.put("runbook", g.runbook());
                ArrayNode pods = gn.putArray("pods");
                g.pods().forEach(p -> pods.add(p.namespace() + "/" + p.name()));
                ArrayNode fixes = gn.putArray("fixes");
                g.fixes().forEach(f -> fixes.addObject().put("kind", String.valueOf(f.kind())).put("summary",
                        reporter.render(f.summary())));
            }
            out.println(o.toPrettyString());
        } else {
            out.println(r.failing() + " failing of " + r.pods() + " pods, " + r.groups().size() + " causes");
            for (DiagnoseAll.Group g : r.groups()) {
                out.println(g.cause() + " (" + g.pods().size() + "): " + String.join(", ",
                        g.pods().stream().map(p -> p.namespace() + "/" + p.name()).toList()));
            }
        }
        out.flush();
        return 0;
    }
}
