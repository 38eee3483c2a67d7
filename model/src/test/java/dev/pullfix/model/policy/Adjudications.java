package dev.pullfix.model.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The committed list of adjudicated differences between Pullfix and iam-simulate
 * ({@code policy/differential/adjudicated.json}): each class names the two answers it covers, the AWS page that
 * decides it and why. A class's membership test is code (here); its decision and reason are data (there).
 */
final class Adjudications {
    /** One adjudicated class with its membership test and a counter for the run. */
    static final class Entry {
        final String name;
        final String pullfix;
        final List<String> simulator;
        final String decidedBy;
        final String reason;
        final Predicate<Facts> member;
        int count;

        Entry(String name, String pullfix, List<String> simulator, String decidedBy, String reason, Predicate<Facts> member) {
            this.name = name;
            this.pullfix = pullfix;
            this.simulator = simulator;
            this.decidedBy = decidedBy;
            this.reason = reason;
            this.member = member;
        }
    }

    /** What a class's membership test may look at. */
    record Facts(RandomIamCases.Generated generated, PolicyCase policyCase, EvaluationResult pullfix, String simulator) {
        boolean tagged(String tag) {
            return generated.tags().contains(tag);
        }
    }

    /** Membership tests by class name; every class in the JSON needs one, and every one here needs an entry there. */
    private static final Map<String, Predicate<Facts>> MEMBERS = Map.of(
            "notprincipal-account-listed-caller-not", f -> f.pullfix().statements().stream()
                    .allMatch(ref -> notPrincipalNames(f, ref, PrincipalMatcher.Grant.ACCOUNT)
                            || notPrincipalNames(f, ref, PrincipalMatcher.Grant.ROLE))
                    && f.pullfix().statements().stream()
                    .anyMatch(ref -> notPrincipalNames(f, ref, PrincipalMatcher.Grant.ACCOUNT)),
            "notprincipal-role-listed-session-not", f -> f.pullfix().statements().stream()
                    .allMatch(ref -> notPrincipalNames(f, ref, PrincipalMatcher.Grant.ROLE)
                            && !notPrincipalNames(f, ref, PrincipalMatcher.Grant.ACCOUNT)),
            "notprincipal-caller-listed-parent-not", f -> f.pullfix().statements().stream()
                    .allMatch(ref -> ref.reasonCode().equals("why.notPrincipalPartial")),
            "sourcevpce-without-sourcevpc", f -> f.tagged("sourceVpceWithoutSourceVpc")
                    && f.pullfix().statements().stream().allMatch(ref -> ref.reasonCode().equals("why.keyUnknown")
                    && ref.reasonArgs().get(0).equalsIgnoreCase("aws:SourceVpc")));

    /**
     * Whether the statement is a resource-policy Deny whose NotPrincipal names the caller's account (or role) in
     * some form but not the calling session or user itself.
     */
    private static boolean notPrincipalNames(Facts f, StatementRef ref, PrincipalMatcher.Grant grant) {
        NamedPolicy p = f.policyCase().policies().resourcePolicy();
        if (ref.kind() != PolicyKind.RESOURCE || p == null || f.policyCase().policies().permissionsBoundary() != null) {
            return false;
        }
        Statement s = p.document().statements().get(ref.index());
        if (s.notPrincipal() == null || s.effect() != Effect.DENY) {
            return false;
        }
        Caller caller = Caller.parse(f.policyCase().request().principalArn());
        boolean named = false;
        for (String v : s.notPrincipal().values("AWS")) {
            PrincipalMatcher.Grant g = PrincipalMatcher.awsValue(v, caller);
            if (g == PrincipalMatcher.Grant.DIRECT) {
                return false;
            }
            named |= g == grant;
        }
        return named;
    }

    private final List<Entry> entries;

    private Adjudications(List<Entry> entries) {
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    static Adjudications load() {
        try (InputStream in = Adjudications.class.getResourceAsStream("/policy/differential/adjudicated.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> out = new ArrayList<>();
            for (JsonNode e : root.get("classes")) {
                String name = e.get("class").asText();
                Predicate<Facts> member = MEMBERS.get(name);
                if (member == null) {
                    throw new IllegalStateException("adjudicated class without a membership test: " + name);
                }
                List<String> sim = new ArrayList<>();
                e.get("simulator").forEach(x -> sim.add(x.asText()));
                out.add(new Entry(name, e.get("pullfix").asText(), sim, e.get("decidedBy").asText(),
                        e.get("reason").asText(), member));
            }
            if (out.size() != MEMBERS.size()) {
                throw new IllegalStateException("membership tests without a committed class: " + MEMBERS.keySet());
            }
            return new Adjudications(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean same(Decision pullfix, String simulator) {
        return switch (pullfix) {
            case ALLOW -> simulator.equals("Allowed");
            case EXPLICIT_DENY -> simulator.equals("ExplicitlyDenied");
            case IMPLICIT_DENY -> simulator.equals("ImplicitlyDenied");
            case UNKNOWN -> false;
        };
    }

    /** The class explaining this disagreement (its answers must be the class's), or null. */
    Entry explain(RandomIamCases.Generated g, PolicyCase pc, EvaluationResult r, String simulator) {
        Facts f = new Facts(g, pc, r, simulator);
        for (Entry e : entries) {
            boolean answers = e.pullfix.equals(r.decision().name()) && (e.simulator.contains(simulator)
                    || e.simulator.contains("one of Pullfix's possible decisions") && r.possible().stream()
                    .anyMatch(d -> same(d, simulator)));
            if (answers && e.member.test(f)) {
                return e;
            }
        }
        return null;
    }
}
