package dev.pullfix.model.diagnosis.runbook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbooks of the resources module ({@code dev/pullfix/runbooks/index.yaml} and one file per runbook), loaded and
 * validated: a wrong step id or next reference, an unknown check id, a missing or untranslated text, a duplicate
 * number, an unknown placeholder or an unreachable step makes loading fail with every problem listed.
 */
public final class RunbookCatalog {
    static final String DIR = "dev/pullfix/runbooks/";
    /** Classifier categories a route may name, plus NONE for "no cause known" (events gone). */
    public static final Set<String> CAUSES = Set.of("TAG_NOT_FOUND", "REPO_NOT_FOUND_OR_NO_AUTH",
            "UNAUTHORIZED_NO_CREDENTIALS", "FORBIDDEN_POLICY", "ECR_TOKEN_OR_AUTH", "RATE_LIMITED", "NETWORK_TIMEOUT",
            "DNS_FAILURE", "TLS_CERTIFICATE", "PLATFORM_MISMATCH", "INVALID_IMAGE_NAME", "NEVER_PULL", "DISK_OR_SNAPSHOT",
            "KMS_OR_ENCRYPTION", "OTHER", "NONE");
    /** Placeholders commands may use; the engine fills them from the facts. */
    public static final Set<String> PLACEHOLDERS = Set.of("namespace", "pod", "container", "image", "workload",
            "workloadKind", "node", "nodegroup", "cluster", "serviceAccount", "secret", "registry", "repository", "tag",
            "account", "region", "role", "vpc", "subnet", "instance");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    /** One row of the cause → runbook map; {@code registry} (a RegistryKind name) is optional. */
    public record Route(String cause, String registry, String runbook) {
    }

    record Index(List<String> runbooks, List<Route> routes, String fallback) {
    }

    private final Map<String, Runbook> runbooks;
    private final Index index;
    private final CheckRegistry checks;

    private RunbookCatalog(Map<String, Runbook> runbooks, Index index, CheckRegistry checks) {
        this.runbooks = runbooks;
        this.index = index;
        this.checks = checks;
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** Loads the bundled runbooks from the classpath, validated against the checks they may name. */
    public static RunbookCatalog load(CheckRegistry checks) {
        ObjectMapper m = yaml();
        Index index = read(m, DIR + "index.yaml", Index.class);
        Map<String, Runbook> books = new LinkedHashMap<>();
        for (String id : index.runbooks()) {
            books.put(id, read(m, DIR + id + ".yaml", Runbook.class));
        }
        return of(books.values(), index, checks);
    }

    /**
     * One runbook from YAML text, within the input limits (size, aliases, nesting), validated against the checks it
     * names; problems come back as a {@link RunbookException} in our words (file, line, column).
     */
    public static Runbook parse(String yamlText, String source, CheckRegistry checks) {
        String text = dev.pullfix.model.limits.Inputs.checkText(yamlText, source,
                dev.pullfix.model.limits.InputKind.RUNBOOK);
        Runbook b;
        try {
            b = dev.pullfix.model.limits.Inputs.yamlMapper(dev.pullfix.model.limits.InputKind.RUNBOOK)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).readValue(text, Runbook.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RunbookException(List.of(dev.pullfix.model.limits.Inputs.describe(e, source, text).getMessage()));
        }
        if (b == null || b.id() == null) {
            throw new RunbookException(List.of(source + ": not a runbook (no id)"));
        }
        List<String> problems = validate(b, Set.of(b.id()), Map.of(b.id(), b), checks);
        if (!problems.isEmpty()) {
            throw new RunbookException(problems);
        }
        return b;
    }

    /** Builds and validates a catalog from runbooks given in code (tests, the lab's own runbooks). */
    public static RunbookCatalog of(java.util.Collection<Runbook> books, List<Route> routes, String fallback,
                                    CheckRegistry checks) {
        return of(books, new Index(books.stream().map(Runbook::id).toList(), routes, fallback), checks);
    }

    private static RunbookCatalog of(java.util.Collection<Runbook> books, Index index, CheckRegistry checks) {
        Map<String, Runbook> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Runbook b : books) {
            if (byId.put(b.id(), b) != null) {
                problems.add("duplicate runbook id " + b.id());
            }
        }
        for (Runbook b : books) {
            problems.addAll(validate(b, byId.keySet(), byId, checks));
        }
        for (Route r : index.routes()) {
            if (!CAUSES.contains(r.cause())) {
                problems.add("index: unknown cause " + r.cause());
            }
            if (r.registry() != null && java.util.Arrays.stream(dev.pullfix.model.image.RegistryKind.values())
                    .noneMatch(k -> k.name().equals(r.registry()))) {
                problems.add("index: unknown registry kind " + r.registry());
            }
            if (!byId.containsKey(r.runbook())) {
                problems.add("index: route " + r.cause() + " names unknown runbook " + r.runbook());
            }
        }
        if (index.fallback() == null || !byId.containsKey(index.fallback())) {
            problems.add("index: fallback runbook missing or unknown: " + index.fallback());
        }
        for (String id : index.runbooks()) {
            if (!byId.containsKey(id)) {
                problems.add("index: unknown runbook " + id);
            }
        }
        if (!problems.isEmpty()) {
            throw new RunbookException(problems);
        }
        return new RunbookCatalog(byId, index, checks);
    }

    private static <T> T read(ObjectMapper m, String path, Class<T> type) {
        try (InputStream in = RunbookCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new RunbookException(List.of("missing resource " + path));
            }
            return m.readValue(in, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new RunbookException(List.of(path + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem of one runbook against the others' ids (empty when valid). */
    static List<String> validate(Runbook b, Set<String> runbookIds, Map<String, Runbook> all, CheckRegistry checks) {
        List<String> p = new ArrayList<>();
        String at = b.id() + ": ";
        text(p, at + "title", b.title());
        text(p, at + "summary", b.summary());
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (Runbook.Step s : b.steps()) {
            String sat = at + "step " + s.id() + ": ";
            if (!ids.add(s.id())) {
                p.add(sat + "duplicate step id");
            }
            if (s.number() == null || s.number().isBlank()) {
                p.add(sat + "missing number");
            } else if (!numbers.add(s.number())) {
                p.add(sat + "duplicate number " + s.number());
            }
            s.docNumber().keySet().stream().filter(k -> !k.equals("en") && !k.equals("ja"))
                    .forEach(k -> p.add(sat + "docNumber language " + k));
            text(p, sat + "title", s.title());
            text(p, sat + "explain", s.explain());
            if (s.check() == null || checks.byId(s.check()).isEmpty()) {
                p.add(sat + "unknown check id " + s.check());
            }
            if (s.show() == null) {
                p.add(sat + "missing show");
            }
            for (String c : s.commands()) {
                Matcher m = PLACEHOLDER.matcher(c);
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group(1))) {
                        p.add(sat + "unknown placeholder {" + m.group(1) + "}");
                    }
                }
            }
            if (s.next() == null) {
                p.add(sat + "missing next");
            }
        }
        if (b.start() == null || !ids.contains(b.start())) {
            p.add(at + "start names unknown step " + b.start());
        }
        for (Runbook.Step s : b.steps()) {
            if (s.next() == null) {
                continue;
            }
            for (String t : s.next().targets()) {
                String problem = targetProblem(t, ids, runbookIds, all);
                if (problem != null) {
                    p.add(at + "step " + s.id() + ": next " + problem);
                }
            }
        }
        if (p.isEmpty()) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(b.start()));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (!seen.add(id)) {
                    continue;
                }
                b.step(id).ifPresent(s -> s.next().targets().stream().filter(ids::contains).forEach(todo::push));
            }
            b.steps().stream().filter(s -> !seen.contains(s.id()))
                    .forEach(s -> p.add(at + "step " + s.id() + " is unreachable from " + b.start()));
        }
        return p;
    }

    private static String targetProblem(String t, Set<String> ids, Set<String> runbookIds, Map<String, Runbook> all) {
        if (t == null) {
            return "missing";
        }
        if (t.equals("end") || ids.contains(t)) {
            return null;
        }
        if (t.startsWith("runbook:")) {
            String rest = t.substring("runbook:".length());
            String book = rest.contains("#") ? rest.substring(0, rest.indexOf('#')) : rest;
            if (!runbookIds.contains(book)) {
                return "names unknown runbook " + book;
            }
            if (rest.contains("#")) {
                String step = rest.substring(rest.indexOf('#') + 1);
                Runbook other = all.get(book);
                if (other != null && other.step(step).isEmpty()) {
                    return "names unknown step " + book + "#" + step;
                }
            }
            return null;
        }
        return "names unknown step " + t;
    }

    private static void text(List<String> p, String where, Text t) {
        if (t == null || t.en() == null || t.en().isBlank()) {
            p.add(where + ": missing English text");
        }
        if (t == null || t.ja() == null || t.ja().isBlank()) {
            p.add(where + ": missing Japanese text");
        } else if (!JAPANESE.matcher(t.ja()).find() || t.ja().equals(t.en())) {
            p.add(where + ": Japanese text is not translated");
        }
    }

    // ---------------------------------------------------------------- queries

    /** The checks the runbooks' steps name (the engine runs them from here). */
    public CheckRegistry checks() {
        return checks;
    }

    /** Runbooks in the index's order (for "open a runbook by hand"). */
    public List<Runbook> all() {
        return List.copyOf(runbooks.values());
    }

    public Optional<Runbook> get(String id) {
        return Optional.ofNullable(runbooks.get(id));
    }

    public List<Route> routes() {
        return index.routes();
    }

    /**
     * The runbook to start with for a cause (a classifier category, or null/NONE when unknown) and the image's
     * registry kind (may be null): the first matching route, else the fallback.
     */
    public Runbook route(String cause, String registryKind) {
        String c = cause == null ? "NONE" : cause;
        for (Route r : index.routes()) {
            if (r.cause().equals(c) && (r.registry() == null || r.registry().equals(registryKind))) {
                return runbooks.get(r.runbook());
            }
        }
        return runbooks.get(index.fallback());
    }
}
