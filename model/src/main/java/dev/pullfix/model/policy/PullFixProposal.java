package dev.pullfix.model.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes the smallest edit of a repository policy that lets the node role pull without granting it write or
 * admin actions: take the pull actions out of the Deny statements that hit the role (splitting a statement that
 * also denies other principals, so they stay denied), and, when the role's IAM side does not allow pulling, add an
 * Allow of the pull actions only. The proposal is verified with the evaluator before it is returned.
 */
public final class PullFixProposal {
    /** What a pull needs from the repository policy (BatchCheckLayerAvailability is read-only, kept for clients). */
    public static final List<String> PULL_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchCheckLayerAvailability");
    static final String ALLOW_SID = "AllowNodeRolePull";

    /** A remark: bundle key (prefix {@code fix.}) and arguments. */
    public record Note(String code, List<String> args) {
        public Note {
            args = List.copyOf(args);
        }
    }

    /**
     * The proposal. {@code resolves}: verified that the role can pull (not denied by the policy; allowed when the
     * identity side allows, or by the added statement) and that every write/admin action the policy denied to the
     * role before is still denied.
     */
    public record Proposal(boolean changed, boolean resolves, String before, String after, List<PolicyDiff.Change> changes,
                           List<Note> notes, List<String> unifiedDiff) {
        public Proposal {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
            unifiedDiff = List.copyOf(unifiedDiff);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PolicyEvaluator evaluator = new PolicyEvaluator(Clock.systemUTC());

    /**
     * @param repositoryPolicy   the current repository policy text (ECR's policyText)
     * @param nodeRole           the node role ARN or the kubelet's session ARN
     * @param repositoryArn      {@code arn:aws:ecr:REGION:ACCOUNT:repository/NAME}
     * @param identityAllowsPull whether the role's identity side (e.g. AmazonEC2ContainerRegistryReadOnly) allows
     *                           the pull actions; if not, an Allow statement is added
     */
    public Proposal propose(String repositoryPolicy, String nodeRole, String repositoryArn, boolean identityAllowsPull) {
        return propose(repositoryPolicy, nodeRole, repositoryArn, identityAllowsPull, false);
    }

    /**
     * As {@link #propose(String, String, String, boolean)}, for a role that may belong to another account than the
     * repository: then the repository policy itself must allow the pull (AWS wants both sides across accounts), so an
     * Allow of the pull actions only is added when the policy does not grant them yet.
     *
     * @param crossAccount the node role's account is not the repository's
     */
    public Proposal propose(String repositoryPolicy, String nodeRole, String repositoryArn, boolean identityAllowsPull,
                            boolean crossAccount) {
        PolicyDocument before = PolicyParser.parse(repositoryPolicy);
        Caller caller = Caller.parse(nodeRole);
        List<Note> notes = new ArrayList<>();
        ObjectNode root;
        try {
            root = (ObjectNode) MAPPER.readTree(repositoryPolicy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // parsed above, cannot happen
        }
        boolean wasObject = root.get("Statement").isObject();
        ArrayNode stmts;
        if (wasObject) {
            stmts = MAPPER.createArrayNode().add(root.get("Statement"));
        } else {
            stmts = (ArrayNode) root.get("Statement");
        }
        List<JsonNode> out = new ArrayList<>();
        boolean changed = false;
        for (Statement s : before.statements()) {
            JsonNode node = stmts.get(s.index());
            Set<String> pullDenied = s.effect() == Effect.DENY ? pullActionsDenied(s, before, caller, repositoryArn)
                    : Set.of();
            if (pullDenied.isEmpty()) {
                out.add(node);
                continue;
            }
            changed = true;
            String roleValue = roleValue(s, caller);
            if (exclusiveToRole(s, caller)) {
                ObjectNode edited = withoutPullActions((ObjectNode) node.deepCopy(), s, pullDenied);
                if (edited == null) {
                    notes.add(new Note("fix.removedEmptyDeny", List.of(s.label())));
                } else {
                    out.add(edited);
                    notes.add(new Note(s.notAction() ? "fix.notActionExtended" : "fix.removedPullFromDeny",
                            List.of(s.label(), String.join(", ", pullDenied))));
                }
            } else {
                out.add(excludingRole((ObjectNode) node.deepCopy(), s, caller, roleValue));
                ObjectNode copy = (ObjectNode) node.deepCopy();
                copy.remove("NotPrincipal");
                ObjectNode principal = MAPPER.createObjectNode();
                principal.put("AWS", roleValue);
                copy.set("Principal", principal);
                if (s.sid() != null && !s.sid().isEmpty()) {
                    copy.put("Sid", s.sid().matches("[A-Za-z0-9]+") ? s.sid() + "NodeRole" : s.sid() + " node role");
                }
                reorder(copy);
                ObjectNode edited = withoutPullActions(copy, s, pullDenied);
                if (edited != null) {
                    out.add(edited);
                }
                notes.add(new Note("fix.splitDeny", List.of(s.label(), roleValue)));
            }
        }
        ArrayNode newStmts = MAPPER.createArrayNode();
        out.forEach(newStmts::add);
        if (!identityAllowsPull || crossAccount) {
            if (!identityAllowsPull) {
                notes.add(new Note("fix.authTokenIam", List.of()));
            }
            PolicyDocument interim = PolicyParser.parse(render(root, newStmts, false));
            if (!pullAllowed(interim, caller, repositoryArn, identityAllowsPull)) {
                ObjectNode allow = MAPPER.createObjectNode();
                allow.put("Sid", ALLOW_SID);
                allow.put("Effect", "Allow");
                allow.putObject("Principal").put("AWS", caller.principalArnKey());
                ArrayNode actions = allow.putArray("Action");
                PULL_ACTIONS.forEach(actions::add);
                newStmts.add(allow);
                changed = true;
                notes.add(new Note("fix.addedAllow", List.of(ALLOW_SID, String.join(", ", PULL_ACTIONS),
                        caller.principalArnKey())));
            }
        }
        String after = changed ? render(root, newStmts, wasObject && newStmts.size() == 1) : repositoryPolicy;
        PolicyDocument afterDoc = PolicyParser.parse(after);
        boolean resolves = pullAllowed(afterDoc, caller, repositoryArn, identityAllowsPull)
                && writesStillDenied(before, afterDoc, caller, repositoryArn);
        if (!changed && resolves) {
            notes.add(new Note("fix.nothingToDo", List.of(nodeRole)));
        } else if (!resolves) {
            notes.add(new Note("fix.cannotResolve", List.of(nodeRole, whyNot(afterDoc, caller, repositoryArn,
                    identityAllowsPull))));
        }
        if (after.length() > PolicyLint.ECR_POLICY_LIMIT) {
            notes.add(new Note("fix.tooLong", List.of(String.valueOf(after.length()),
                    String.valueOf(PolicyLint.ECR_POLICY_LIMIT))));
        }
        List<PolicyDiff.Change> changes = PolicyDiff.statements(before, afterDoc);
        List<String> diff = PolicyDiff.unified(repositoryPolicy, after, "repository-policy.json",
                "repository-policy.proposed.json", 3);
        return new Proposal(changed, resolves, repositoryPolicy, after, changes, notes, diff);
    }

    private Set<String> pullActionsDenied(Statement s, PolicyDocument doc, Caller caller, String repositoryArn) {
        Set<String> out = new LinkedHashSet<>();
        NamedPolicy p = NamedPolicy.resource("repository policy", doc);
        for (String action : PULL_ACTIONS) {
            AccessRequest r = new AccessRequest(caller.arn(), action, repositoryArn, Map.of(), false);
            RequestFacts facts = new RequestFacts(r, new PolicySet(List.of(), p, null, List.of(), List.of()),
                    Clock.systemUTC());
            if (evaluator.evaluateStatement(p, s, facts).applies() != Tri.NO) {
                out.add(action);
            }
        }
        return out;
    }

    /** The statement's Principal is exactly {"AWS": role or its session} (one value, no other types). */
    private static boolean exclusiveToRole(Statement s, Caller caller) {
        if (s.principal() == null || s.principal().anyone() || s.principal().byType().size() != 1) {
            return false;
        }
        List<String> aws = s.principal().values("AWS");
        if (aws.isEmpty()) {
            return false;
        }
        for (String v : aws) {
            PrincipalMatcher.Grant g = PrincipalMatcher.awsValue(v.trim(), caller);
            if (g != PrincipalMatcher.Grant.ROLE && g != PrincipalMatcher.Grant.DIRECT) {
                return false;
            }
        }
        return true;
    }

    /** How the policy names the role (keeping its path), or the role ARN derived from the caller. */
    private static String roleValue(Statement s, Caller caller) {
        if (s.principal() != null) {
            for (String v : s.principal().values("AWS")) {
                if (PrincipalMatcher.awsValue(v.trim(), caller) == PrincipalMatcher.Grant.ROLE) {
                    return v.trim();
                }
            }
        }
        return caller.principalArnKey();
    }

    /** Removes the pull actions (expanding wildcards over the ECR catalogue); null when nothing is left. */
    private static ObjectNode withoutPullActions(ObjectNode node, Statement s, Set<String> pull) {
        Set<String> pullLower = new LinkedHashSet<>();
        pull.forEach(a -> pullLower.add(a.toLowerCase(Locale.ROOT)));
        if (s.notAction()) {
            ArrayNode na = MAPPER.createArrayNode();
            s.actions().forEach(na::add);
            for (String a : pull) {
                if (s.actions().stream().noneMatch(x -> Wildcards.actionMatches(x, a))) {
                    na.add(a);
                }
            }
            node.set("NotAction", na);
            return node;
        }
        if (s.actions().stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase("ecr:*"))) {
            // Deny everything but the pull actions: keeps denying future ECR actions, unlike an expanded list
            node.remove("Action");
            ArrayNode na = MAPPER.createArrayNode();
            pull.forEach(na::add);
            node.set("NotAction", na);
            reorder(node);
            return node;
        }
        List<String> kept = new ArrayList<>();
        for (String a : s.actions()) {
            if (pullLower.contains(a.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean wildcardCoversPull = (a.contains("*") || a.contains("?"))
                    && pull.stream().anyMatch(p -> Wildcards.actionMatches(a, p));
            if (wildcardCoversPull) {
                for (EcrActions.Action act : EcrActions.covered(a)) {
                    if (!pullLower.contains(act.qualified().toLowerCase(Locale.ROOT)) && !kept.contains(act.qualified())) {
                        kept.add(act.qualified());
                    }
                }
            } else {
                kept.add(a);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        if (node.get("Action").isTextual() && kept.size() == 1) {
            node.put("Action", kept.get(0));
        } else {
            ArrayNode arr = MAPPER.createArrayNode();
            kept.forEach(arr::add);
            node.set("Action", arr);
        }
        return node;
    }

    /** The original statement, no longer applying to the role: drop it from Principal, or add an ArnNotEquals. */
    private static ObjectNode excludingRole(ObjectNode node, Statement s, Caller caller, String roleValue) {
        if (s.principal() != null && !s.principal().anyone()) {
            List<String> aws = s.principal().values("AWS");
            List<String> keep = aws.stream().filter(v -> {
                PrincipalMatcher.Grant g = PrincipalMatcher.awsValue(v.trim(), caller);
                return g != PrincipalMatcher.Grant.ROLE && g != PrincipalMatcher.Grant.DIRECT;
            }).toList();
            boolean namedDirectly = keep.size() < aws.size();
            boolean othersStillMatch = keep.stream().anyMatch(v -> PrincipalMatcher.awsValue(v.trim(), caller)
                    != PrincipalMatcher.Grant.NONE);
            if (namedDirectly && !othersStillMatch) {
                ObjectNode principal = (ObjectNode) node.get("Principal");
                ArrayNode arr = MAPPER.createArrayNode();
                keep.forEach(arr::add);
                principal.set("AWS", keep.size() == 1 ? MAPPER.getNodeFactory().textNode(keep.get(0)) : arr);
                return node;
            }
        }
        ObjectNode cond = node.has("Condition") ? (ObjectNode) node.get("Condition") : node.putObject("Condition");
        ObjectNode op = cond.has("ArnNotEquals") ? (ObjectNode) cond.get("ArnNotEquals") : cond.putObject("ArnNotEquals");
        JsonNode existing = op.get("aws:PrincipalArn");
        ArrayNode values = MAPPER.createArrayNode();
        if (existing != null && existing.isArray()) {
            existing.forEach(values::add);
        } else if (existing != null) {
            values.add(existing.asText());
        }
        values.add(roleValue);
        op.set("aws:PrincipalArn", values.size() == 1 ? values.get(0) : values);
        return node;
    }

    /** Keeps the usual element order Sid, Effect, Principal, Action... after edits. */
    private static void reorder(ObjectNode node) {
        List<String> order = List.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                "NotResource", "Condition");
        ObjectNode copy = node.deepCopy();
        node.removeAll();
        for (String k : order) {
            if (copy.has(k)) {
                node.set(k, copy.get(k));
            }
        }
    }

    private static String render(ObjectNode root, ArrayNode stmts, boolean asObject) {
        ObjectNode r = root.deepCopy();
        r.set("Statement", asObject ? stmts.get(0) : stmts);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicySet set(PolicyDocument doc, Caller caller, boolean identityAllowsPull) {
        List<NamedPolicy> identity = new ArrayList<>();
        if (identityAllowsPull) {
            identity.add(NamedPolicy.identity("(identity side)", PolicyParser.parse(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}")));
        }
        return new PolicySet(identity, NamedPolicy.resource("repository policy", doc), null, List.of(), List.of());
    }

    private boolean pullAllowed(PolicyDocument doc, Caller caller, String repositoryArn, boolean identityAllowsPull) {
        PolicySet set = set(doc, caller, identityAllowsPull);
        for (String action : PULL_ACTIONS.subList(0, 2)) {
            EvaluationResult r = evaluator.evaluate(new AccessRequest(caller.arn(), action, repositoryArn), set);
            if (!r.allowed()) {
                return false;
            }
        }
        return true;
    }

    private String whyNot(PolicyDocument doc, Caller caller, String repositoryArn, boolean identityAllowsPull) {
        PolicySet set = set(doc, caller, identityAllowsPull);
        for (String action : PULL_ACTIONS.subList(0, 2)) {
            EvaluationResult r = evaluator.evaluate(new AccessRequest(caller.arn(), action, repositoryArn), set);
            if (!r.allowed()) {
                return action + ": " + r.decision() + " (" + r.reasonCode() + ")";
            }
        }
        return "";
    }

    private boolean writesStillDenied(PolicyDocument before, PolicyDocument after, Caller caller, String repositoryArn) {
        PolicySet b = set(before, caller, true);
        PolicySet a = set(after, caller, true);
        for (EcrActions.Action act : EcrActions.all()) {
            if (!act.mutating()) {
                continue;
            }
            AccessRequest r = new AccessRequest(caller.arn(), act.qualified(), repositoryArn);
            if (evaluator.evaluate(r, b).decision() == Decision.EXPLICIT_DENY
                    && evaluator.evaluate(r, a).decision() != Decision.EXPLICIT_DENY) {
                return false;
            }
        }
        // and no new write/admin grant to anyone
        long grantsBefore = PolicyLint.lint(render(rootOf(before), arrayOf(before), false), PolicyLint.Target.RESOURCE)
                .findings().stream().filter(f -> f.code().equals("lint.writeGrant")).count();
        long grantsAfter = PolicyLint.lint(after.text(), PolicyLint.Target.RESOURCE).findings().stream()
                .filter(f -> f.code().equals("lint.writeGrant")).count();
        return grantsAfter <= grantsBefore;
    }

    private static ObjectNode rootOf(PolicyDocument d) {
        try {
            return (ObjectNode) MAPPER.readTree(d.text());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode arrayOf(PolicyDocument d) {
        JsonNode s = rootOf(d).get("Statement");
        return s.isArray() ? (ArrayNode) s : MAPPER.createArrayNode().add(s);
    }
}
