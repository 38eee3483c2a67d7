package dev.pullfix.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.diagnosis.KubeletEvent;
import dev.pullfix.model.diagnosis.PullFailure;
import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.diagnosis.PullFailureClassifier;
import dev.pullfix.model.diagnosis.PullFailureText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix classify [--json] [--lang en|ja]}: reads kubelet event messages from standard input, one per line
 * (a bare message, a {@code kubectl describe} Events row, a {@code kubectl get events} row or a kubelet log line),
 * and prints one line per non-blank input line.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies image pull failures from kubelet event messages read on standard input, "
                + "one per line (bare messages, 'kubectl describe' Events rows, 'kubectl get events' rows or kubelet "
                + "log lines).",
            "Prints one line per non-blank input line: 'CATEGORY: summary', or a JSON object with --json.",
            "With --pod, all input is one pod's events and one verdict is printed."},
        footer = {"", "JSON fields: category, categoryName, summary, registry, registryKind, repository, tag, digest, "
                + "image, httpStatus (number or null), grpcCode, quoted, account, region, ecrRepositoryArn, "
                + "imageProblem, rule, nextChecks, event.",
            "Example: kubectl describe pod web-1 | sed -n '/^Events:/,$p' | pullfix classify --json"})
public final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object per line.")
    boolean json;

    @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en",
            description = "Language of summaries and next checks (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--pod", description = "Treat all of standard input as the events of one pod (a pasted "
            + "'kubectl describe' Events table) and print one verdict: the most specific event wins.")
    boolean pod;

    @Option(names = "--reason", paramLabel = "<waitingReason>", description = "With --pod: the container's waiting "
            + "reason (ErrImagePull, ImagePullBackOff, InvalidImageName, ErrImageNeverPull ...).")
    String waitingReason;

    @Spec
    CommandSpec spec;

    private final InputStream input;
    /** Built on first use: Jackson's start-up is not paid by commands that never classify (picocli builds every command). */
    private ObjectMapper mapper;

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = jsonMapper();
        }
        return mapper;
    }

    /** Reads standard input. */
    public ClassifyCommand() {
        this(System.in);
    }

    /** Reads the given stream (tests). */
    ClassifyCommand(InputStream input) {
        this.input = input;
    }

    /**
     * JSON escapes non-ASCII (Japanese summaries) as \\uXXXX when the platform charset cannot encode it (JDK 17
     * writes stdout in the locale's charset, e.g. ASCII under LANG=C), so the output stays valid everywhere.
     */
    static ObjectMapper jsonMapper() {
        ObjectMapper m = new ObjectMapper();
        if (!java.nio.charset.Charset.defaultCharset().newEncoder().canEncode("\u30ce\u30fc\u30c9")) {
            m.getFactory().configure(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(),
                    true);
        }
        return m;
    }

    @Override
    public Integer call() throws IOException {
        if (!lang.equals("en") && !lang.equals("ja")) {
            spec.commandLine().getErr().println("pullfix classify: --lang must be en or ja, not '" + lang + "'");
            spec.commandLine().getErr().flush();
            return 2;
        }
        PullFailureClassifier classifier = PullFailureClassifier.withBuiltInRules();
        PullFailureText text = PullFailureText.forLanguage(lang);
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        if (pod) {
            StringBuilder all = new StringBuilder();
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                all.append(l).append('\n');
            }
            PullFailure f = classifier.classify(waitingReason, KubeletEvent.parseAll(all.toString()));
            out.println(render(f, text));
            out.flush();
            return 0;
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.println(render(classifier, text, line));
            out.flush();
        }
        return 0;
    }

    private String render(PullFailureClassifier classifier, PullFailureText text, String line) {
        PullFailure f;
        try {
            f = classifier.classifyLine(line);
        } catch (RuntimeException e) {
            // never stop the run on one odd line
            return json ? failureJson(e) : PullFailureCategory.OTHER + ": " + oneLine(e);
        }
        return render(f, text);
    }

    private String render(PullFailure f, PullFailureText text) {
        String summary = text.summary(f);
        if (!json) {
            return f.category() + ": " + summary;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("category", f.category().name());
        o.put("categoryName", text.category(f.category()));
        o.put("summary", summary);
        o.put("registry", f.registry());
        o.put("registryKind", f.registryKind() == null ? null : f.registryKind().name());
        o.put("repository", f.repository());
        o.put("tag", f.tag());
        o.put("digest", f.digest());
        o.put("image", f.normalizedImage() != null ? f.normalizedImage() : f.image());
        o.put("httpStatus", f.httpStatus());
        o.put("grpcCode", f.grpcCode());
        o.put("quoted", f.quoted());
        o.put("account", f.account());
        o.put("region", f.region());
        o.put("ecrRepositoryArn", f.ecrRepositoryArn());
        o.put("imageProblem", f.imageProblem() == null ? null : f.imageProblem().name());
        o.put("rule", f.rule());
        o.put("summaryCode", f.summaryCode());
        o.put("nextChecks", text.nextChecks(f));
        KubeletEvent e = f.event();
        if (e != null) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("type", e.type());
            ev.put("reason", e.reason());
            ev.put("count", e.count());
            ev.put("source", e.source());
            o.put("event", ev);
        } else {
            o.put("event", null);
        }
        try {
            return mapper().writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            return failureJson(ex);
        }
    }

    private String failureJson(Exception e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("category", PullFailureCategory.OTHER.name());
        o.put("summary", "The line could not be classified: " + oneLine(e));
        o.put("registry", null);
        o.put("repository", null);
        o.put("tag", null);
        o.put("httpStatus", null);
        try {
            return mapper().writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            return "{\"category\":\"OTHER\",\"registry\":null,\"repository\":null,\"tag\":null,\"httpStatus\":null,"
                    + "\"summary\":\"The line could not be classified.\"}";
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
