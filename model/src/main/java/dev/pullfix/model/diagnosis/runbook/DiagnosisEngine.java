package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.AwsPort;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.diagnosis.runbook.port.PullErrorClassifier;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;

/**
 * Walks the runbooks for one pod against the ports, read-only. The start is chosen from the kubelet's symptom and the
 * image's registry through the index's cause → runbook map (or given by hand). Every check of the runbook the walk is
 * in is started at once on the executor (a runbook it jumps to starts its own when the walk gets there); the walk
 * settles the steps in the documents' order, waiting for each step's own check only, each within its timeout.
 * Synchronous: call it from a worker thread.
 */
public final class DiagnosisEngine {

    /** The engine's view of the outside world. {@code aws} and {@code registry} may be null (not configured). */
    public record Ports(ClusterPort cluster, AwsPort aws, RegistryPort registry, PolicyJudge judge,
                        PullErrorClassifier classifier) {
        public Ports {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(judge, "judge");
            Objects.requireNonNull(classifier, "classifier");
        }
    }

    /**
     * @param checkTimeout    the longest one step waits for its check
     * @param fetchTimeout    the longest one port call may take
     * @param runAfterFix     run the "after the fix" steps too (when re-checking after applying a fix)
     * @param maxSteps        bound on the walk
     */
    public record Options(Duration checkTimeout, Duration fetchTimeout, boolean runAfterFix, int maxSteps, Clock clock) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(30), Duration.ofSeconds(20), false, 60, Clock.systemUTC());
        }

        public Options withTimeouts(Duration check, Duration fetch) {
            return new Options(check, fetch, runAfterFix, maxSteps, clock);
        }

        public Options withClock(Clock c) {
            return new Options(checkTimeout, fetchTimeout, runAfterFix, maxSteps, c);
        }

        public Options withRunAfterFix(boolean b) {
            return new Options(checkTimeout, fetchTimeout, b, maxSteps, clock);
        }
    }

    /**
     * @param runbook a runbook id chosen by hand, or null to choose from the cause
     * @param cause   the classifier's category when the caller already has it, or null to classify the events here
     */
    public record Request(String namespace, String pod, String runbook, String cause) {
        public static Request of(String namespace, String pod) {
            return new Request(namespace, pod, null, null);
        }
    }

    private final RunbookCatalog catalog;
    private final Ports ports;
    private final Executor executor;
    private final Options options;

    /** @param executor runs the checks and port calls; must not bound its threads below what the checks need (a cached pool) */
    public DiagnosisEngine(RunbookCatalog catalog, Ports ports, Executor executor, Options options) {
        this.catalog = catalog;
        this.ports = ports;
        this.executor = executor;
        this.options = options;
    }

    public RunbookCatalog catalog() {
        return catalog;
    }

    /** What the engine reads through. */
    public Ports ports() {
        return ports;
    }

    public Diagnosis diagnose(Request request, CancelToken cancel, ProgressListener progress) {
        return diagnose(request, cancel, progress, null);
    }

    /** With fetches shared between many pods' diagnoses (diagnose --all). */
    public Diagnosis diagnose(Request request, CancelToken cancel, ProgressListener progress, Facts.SharedCache cache) {
        Facts facts = new Facts(request.namespace(), request.pod(), ports, executor, options.fetchTimeout().toNanos(),
                cancel, options.clock(), cache);
        facts.prefetch(Facts.podKey(request.namespace(), request.pod()), () -> ports.cluster().pod(request.namespace(), request.pod()));
        facts.prefetch(Facts.eventsKey(request.namespace(), request.pod()),
                () -> ports.cluster().podEvents(request.namespace(), request.pod()));

        String symptom = request.cause();
        boolean eventsGone = false;
        try {
            if (!facts.pullFailureEvents().isEmpty()) {
                if (symptom == null) {
                    symptom = facts.symptom().orElse(null);
                }
            } else {
                eventsGone = true;
                if (symptom == null) {
                    symptom = facts.waitingMessageSymptom().orElse(null);
                }
            }
        } catch (CouldNotCheckException e) {
            eventsGone = e.reason() != Reason.CANCELLED;
        }
        String registryKind = null;
        String image = null;
        String container = null;
        WorkloadRef workload = null;
        try {
            ContainerFacts c = facts.container();
            image = c.image();
            container = c.name();
            workload = facts.pod().owner();
            registryKind = facts.registry().kind().name();
        } catch (CouldNotCheckException e) {
            // unparseable image or unreadable pod: route on the cause alone
        }
        Runbook start = request.runbook() != null
                ? catalog.get(request.runbook()).orElseThrow(() -> new IllegalArgumentException("unknown runbook " + request.runbook()))
                : catalog.route(symptom, registryKind);

        Map<String, FutureTask<CheckOutcome>> checks = new ConcurrentHashMap<>();
        cancel.onCancel(() -> checks.values().forEach(t -> t.cancel(true)));
        startChecksOf(start, facts, checks, progress, cancel);

        List<StepResult> steps = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        LinkedHashSet<String> runbooks = new LinkedHashSet<>();
        Runbook book = start;
        String stepId = start.start();
        boolean causeFound = false;
        while (stepId != null && steps.size() < options.maxSteps() && !cancel.isCancelled()) {
            if (!visited.add(book.id() + "#" + stepId)) {
                break;
            }
            runbooks.add(book.id());
            Runbook.Step step = book.step(stepId).orElseThrow();
            long t0 = System.nanoTime();
            CheckOutcome outcome;
            if (step.afterFix() && !options.runAfterFix()) {
                outcome = new CheckOutcome(Verdict.PENDING, Finding.of("afterFix"), List.of(), List.of(), null, null, null);
            } else {
                outcome = await(startCheck(step.check(), facts, checks, progress, cancel), cancel);
            }
            StepResult r = new StepResult(book.id(), step, fill(step.commands(), facts.placeholders()), outcome,
                    Duration.ofNanos(System.nanoTime() - t0));
            steps.add(r);
            progress.stepDone(r);
            boolean isCause = outcome.verdict() == Verdict.PROBLEM && !isSymptomCheck(step.check());
            String target = switch (outcome.verdict()) {
                case OK, PENDING -> causeFound ? step.next().okAfterCauseOrOk() : step.next().ok();
                case PROBLEM -> step.next().problem();
                case SKIPPED -> step.next().skipped() != null ? step.next().skipped()
                        : causeFound ? step.next().okAfterCauseOrOk() : step.next().ok();
                case COULD_NOT_CHECK -> step.next().unknown();
            };
            causeFound |= isCause;
            if (podUnreadable(step, outcome)) {
                break; // nothing else can be checked without the pod; the front end reports the reason
            }
            if (target.equals("end")) {
                stepId = null;
            } else if (target.startsWith("runbook:")) {
                String rest = target.substring("runbook:".length());
                int hash = rest.indexOf('#');
                book = catalog.get(hash < 0 ? rest : rest.substring(0, hash)).orElseThrow();
                stepId = hash < 0 ? book.start() : rest.substring(hash + 1);
                startChecksOf(book, facts, checks, progress, cancel);
            } else {
                stepId = target;
            }
        }
        checks.values().forEach(t -> t.cancel(true));
        facts.cancelAll();

        Optional<StepResult> root = steps.stream()
                .filter(s -> s.verdict() == Verdict.PROBLEM && !isSymptomCheck(s.step().check())
                        && s.outcome().finding().cause() != null)
                .findFirst();
        String cause = root.map(s -> s.outcome().finding().cause()).orElse(symptom);
        Finding finding = root.map(s -> s.outcome().finding()).orElse(null);
        Map<String, FixProposal> fixes = new LinkedHashMap<>();
        for (StepResult s : steps) {
            for (FixProposal f : s.outcome().fixes()) {
                fixes.putIfAbsent(sameFixKey(f), f);
            }
        }
        if (!cancel.isCancelled() && "TAG_NOT_FOUND".equals(cause) && container != null
                && fixes.values().stream().noneMatch(f -> f.kind() == FixKind.IMAGE_TAG_CHANGE)) {
            // the kubelet said "not found" but no registry could be asked from here: still offer the tag change
            FixProposal tag = FixProposal.ImageTagChange.of(workload, request.namespace(), container, image, List.of());
            LinkedHashMap<String, FixProposal> first = new LinkedHashMap<>();
            first.put(sameFixKey(tag), tag);
            first.putAll(fixes);
            fixes = first;
        }
        return new Diagnosis(request.namespace(), request.pod(), image, container, workload, symptom, cause, finding,
                eventsGone, start.id(), new ArrayList<>(runbooks), steps, new ArrayList<>(fixes.values()),
                cancel.isCancelled(), options.clock().instant());
    }

    /** Two steps proposing the same change to the same object (the same secret) propose one fix. */
    private static String sameFixKey(FixProposal f) {
        String secret = f instanceof FixProposal.AddImagePullSecret a ? a.secret() : "";
        return f.kind() + "|" + f.target() + "|" + secret;
    }

    private static boolean podUnreadable(Runbook.Step step, CheckOutcome o) {
        return step.check().equals("pod.status") && o.verdict() == Verdict.COULD_NOT_CHECK && o.reason() != null
                && (o.reason() == Reason.NOT_FOUND || o.reason() == Reason.ACCESS_DENIED || o.reason() == Reason.NO_CREDENTIALS
                || o.reason() == Reason.UNREACHABLE);
    }

    /** Steps that only restate the kubelet's symptom: their problem is not a cause of its own. */
    private static boolean isSymptomCheck(String checkId) {
        return checkId.equals("pod.events") || checkId.equals("pod.status") || checkId.equals("workload.pods-ready");
    }

    /**
     * Starts every check of one runbook at once (not the after-fix ones unless asked), so the walk through it waits
     * for each step's own answer only. The runbooks it may jump to start theirs when the walk gets there: guessing
     * ahead would build clients and make calls a diagnosis mostly does not need (the network runbook's EC2 reads
     * after an ECR cause is already found), and a cold command line pays for each on two cores.
     */
    private void startChecksOf(Runbook book, Facts facts, Map<String, FutureTask<CheckOutcome>> checks,
                               ProgressListener progress, CancelToken cancel) {
        for (String checkId : ownChecks(book)) {
            startCheck(checkId, facts, checks, progress, cancel);
        }
    }

    /** The checks of one runbook's steps, in order (not the after-fix ones unless asked). */
    Set<String> ownChecks(Runbook book) {
        Set<String> out = new LinkedHashSet<>();
        for (Runbook.Step s : book.steps()) {
            if (!s.afterFix() || options.runAfterFix()) {
                out.add(s.check());
            }
        }
        return out;
    }

    private FutureTask<CheckOutcome> startCheck(String id, Facts facts, Map<String, FutureTask<CheckOutcome>> checks,
                                                ProgressListener progress, CancelToken cancel) {
        return checks.computeIfAbsent(id, k -> {
            Check check = catalog.checks().byId(id).orElseThrow();
            FutureTask<CheckOutcome> t = new FutureTask<>(() -> {
                CheckOutcome o;
                try {
                    o = check.run(facts);
                } catch (CouldNotCheckException e) {
                    o = CheckOutcome.couldNotCheck(e);
                } catch (RuntimeException e) {
                    o = CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, e.getClass().getSimpleName()));
                }
                progress.checkFinished(id, o.verdict());
                return o;
            });
            if (!cancel.isCancelled()) {
                executor.execute(t);
            } else {
                t.cancel(false);
            }
            return t;
        });
    }

    private CheckOutcome await(FutureTask<CheckOutcome> t, CancelToken cancel) {
        try {
            return t.get(options.checkTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            t.cancel(true);
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.TIMEOUT,
                    "no answer within " + options.checkTimeout().toSeconds() + "s"));
        } catch (CancellationException e) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(cancel.isCancelled() ? Reason.CANCELLED : Reason.TIMEOUT, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.CANCELLED, null));
        } catch (ExecutionException e) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, e.getCause().getClass().getSimpleName()));
        }
    }

    /** Fills {@code {placeholder}}s; unknown values stay visible as {@code <name>}. */
    static List<String> fill(List<String> commands, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String c : commands) {
            Matcher m = RunbookCatalog.PLACEHOLDER.matcher(c);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String v = RunbookCatalog.PLACEHOLDERS.contains(name)
                        ? values.getOrDefault(name, "<" + name + ">") : m.group();
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }
}
