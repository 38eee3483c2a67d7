package dev.pullfix.cli;

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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputOptions output;

    @Option(names = "--pod", description = "Treat all of standard input as the events of one pod (a pasted "
            + "'kubectl describe' Events table) and print one verdict: the most specific event wins.")
    boolean pod;

    @Option(names = "--reason", paramLabel = "<waitingReason>", description = "With --pod: the container's waiting "
            + "reason (ErrImagePull, ImagePullBackOff, InvalidImageName, ErrImageNeverPull ...).")
    String waitingReason;

    @Spec
    CommandSpec spec;

    private final InputStream input;

    /** One verdict as JSON. */
    record Verdict(String category, String categoryName, String summary, String registry, String registryKind,
                   String repository, String tag, String digest, String image, Integer httpStatus, String grpcCode,
                   String quoted, String account, String region, String ecrRepositoryArn, String imageProblem,
                   String rule, String summaryCode, List<String> nextChecks, Event event) {}

    record Event(String type, String reason, int count, String source) {}

    /** Reads standard input. */
    public ClassifyCommand() {
        this(System.in);
    }

    /** Reads the given stream (tests). */
    ClassifyCommand(InputStream input) {
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        Output o = Output.of(spec, output);
        PullFailureClassifier classifier = PullFailureClassifier.withBuiltInRules();
        PullFailureText text = PullFailureText.forLanguage(output.lang());
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        if (pod) {
            StringBuilder all = new StringBuilder();
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                all.append(l).append('\n');
            }
            print(o, classifier.classify(waitingReason, KubeletEvent.parseAll(all.toString())), text);
            return ExitCode.OK;
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            PullFailure f;
            try {
                f = classifier.classifyLine(line);
            } catch (RuntimeException e) {
                // never stop the run on one odd line
                f = null;
            }
            if (f == null) {
                String why = o.t("classifier", "classifier.cli.unclassifiable");
                if (o.json()) {
                    o.printJsonLine(new Verdict(PullFailureCategory.OTHER.name(), null, why, null, null, null, null,
                            null, null, null, null, null, null, null, null, null, null, null, List.of(), null));
                } else {
                    o.line(PullFailureCategory.OTHER + ": " + why);
                }
                continue;
            }
            print(o, f, text);
        }
        return ExitCode.OK;
    }

    private void print(Output o, PullFailure f, PullFailureText text) {
        String summary = text.summary(f);
        if (!o.json()) {
            o.line(f.category() + ": " + summary);
            o.out().flush();
            return;
        }
        KubeletEvent e = f.event();
        o.printJsonLine(new Verdict(f.category().name(), text.category(f.category()), summary, f.registry(),
                f.registryKind() == null ? null : f.registryKind().name(), f.repository(), f.tag(), f.digest(),
                f.normalizedImage() != null ? f.normalizedImage() : f.image(), f.httpStatus(), f.grpcCode(),
                f.quoted(), f.account(), f.region(), f.ecrRepositoryArn(),
                f.imageProblem() == null ? null : f.imageProblem().name(), f.rule(), f.summaryCode(),
                text.nextChecks(f), e == null ? null : new Event(e.type(), e.reason(), e.count(), e.source())));
    }
}
