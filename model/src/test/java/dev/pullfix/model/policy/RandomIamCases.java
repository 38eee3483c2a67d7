package dev.pullfix.model.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random ECR-focused IAM cases in the CLI's CASE format, from a fixed seed: node-role sessions, other roles, users
 * and other accounts; ECR actions with wildcards and odd case; Action/NotAction, Resource/NotResource,
 * Principal/NotPrincipal with account roots, bare account ids and {@code *}; conditions on principal, organisation,
 * endpoint and transport keys (with ...IfExists); permissions boundaries, SCP levels and VPC endpoint policies.
 * Every case carries the request context AWS would set (aws:PrincipalArn, aws:PrincipalAccount,
 * aws:SecureTransport, and aws:PrincipalOrgID / aws:SourceVpce / aws:SourceVpc where they exist), so both
 * evaluators see the same facts. Each case is tagged with the features it uses, for per-class figures.
 */
final class RandomIamCases {
    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String C = "777788889999";
    static final String ORG = "o-aa11bb22cc";
    static final String OTHER_ORG = "o-zz99yy88xx";

    /** A generated case: id, CASE JSON, feature tags. */
    record Generated(String id, ObjectNode json, Set<String> tags) {
    }

    private record Caller(String arn, String account, String principalArn, String label) {
    }

    private static final ObjectMapper M = new ObjectMapper();

    private final Random rnd;
    private Set<String> tags;
    private Caller caller;
    private String repoAccount;
    private boolean kms;

    RandomIamCases(long seed) {
        this.rnd = new Random(seed);
    }

    List<Generated> generate(int n) {
        List<Generated> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags = new LinkedHashSet<>();
            ObjectNode c = one();
            out.add(new Generated("c" + i, c, tags));
        }
        return out;
    }

    private static String session(String account, String role, String name) {
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + name;
    }

    private static String role(String account, String role) {
        return "arn:aws:iam::" + account + ":role/" + role;
    }

    private static String root(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    private static String key(String account) {
        return "arn:aws:kms:us-west-2:" + account + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    }

    private static String repo(String account, String name) {
        return "arn:aws:ecr:us-west-2:" + account + ":repository/" + name;
    }

    private <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    private ObjectNode one() {
        List<Caller> callers = List.of(
                new Caller(session(A, "eks-node-role", "i-0abc1234567890def"), A, role(A, "eks-node-role"), "nodeSession"),
                new Caller(session(A, "eks-node-role", "i-0abc1234567890def"), A, role(A, "eks-node-role"), "nodeSession"),
                new Caller(session(A, "ci-deployer", "build-42"), A, role(A, "ci-deployer"), "otherRole"),
                new Caller("arn:aws:iam::" + A + ":user/alice", A, "arn:aws:iam::" + A + ":user/alice", "user"),
                new Caller(session(B, "eks-node-role", "i-0fff000011112222a"), B, role(B, "eks-node-role"), "otherAccount"),
                new Caller(session(C, "karpenter-node", "i-0eee9999aaaabbbbc"), C, role(C, "karpenter-node"), "otherAccount"));
        caller = chance(0.04) ? new Caller(null, "", null, "anonymous") : pick(callers);
        tags.add("caller:" + caller.label());
        ObjectNode c = M.createObjectNode();
        if (caller.arn() != null) {
            c.put("principalArn", caller.arn());
        }

        kms = chance(0.08);
        String action = kms ? "kms:Decrypt" : pick(List.of("ecr:BatchGetImage", "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:GetAuthorizationToken",
                "ecr:DescribeImages", "ecr:PutImage"));
        c.put("action", action);
        repoAccount = chance(0.75) ? A : B;
        if (kms) {
            // a KMS-encrypted repository's key: the key policy is the resource policy
            c.put("resourceArn", key(repoAccount));
            tags.add("kms");
            if (!repoAccount.equals(caller.account())) {
                tags.add("crossAccount");
            }
        } else if (action.equals("ecr:GetAuthorizationToken")) {
            c.put("resourceArn", "*");
            tags.add("noResource");
        } else {
            c.put("resourceArn", repo(repoAccount, pick(List.of("app", "team/api"))));
            if (!repoAccount.equals(caller.account())) {
                tags.add("crossAccount");
            }
        }

        ObjectNode ctx = c.putObject("context");
        if (caller.arn() != null) {
            ctx.put("aws:PrincipalArn", caller.principalArn());
            ctx.put("aws:PrincipalAccount", caller.account());
        }
        boolean secure = chance(0.9);
        ctx.put("aws:SecureTransport", secure ? "true" : "false");
        if (caller.arn() != null && !caller.account().equals(C)) {
            ctx.put("aws:PrincipalOrgID", caller.account().equals(A) || chance(0.5) ? ORG : OTHER_ORG);
        }
        boolean viaEndpoint = chance(0.4);
        if (viaEndpoint) {
            ctx.put("aws:SourceVpce", pick(List.of("vpce-0a1b2c3d4e5f60718", "vpce-0ffee00ffee00ffee")));
            if (chance(0.1)) {
                tags.add("sourceVpceWithoutSourceVpc");
            } else {
                ctx.put("aws:SourceVpc", pick(List.of("vpc-0123456789abcdef0", "vpc-0fedcba9876543210")));
            }
            tags.add("viaEndpoint");
        }

        if (caller.arn() == null) {
            // an anonymous request has no identity side: only resource and endpoint policies
            if (!tags.contains("noResource") && chance(0.8)) {
                c.set("resourcePolicy", doc(Kind.RESOURCE, 1 + rnd.nextInt(3)));
                tags.add("resourcePolicy");
            }
            if (viaEndpoint && chance(0.5)) {
                c.putArray("vpcEndpointPolicies").add(doc(Kind.ENDPOINT, 1 + rnd.nextInt(2)));
                tags.add("endpointPolicy");
            }
            return c;
        }
        ArrayNode identity = c.putArray("identityPolicies");
        int nIdentity = rnd.nextInt(3);
        for (int i = 0; i < nIdentity; i++) {
            identity.add(doc(Kind.IDENTITY, 1 + rnd.nextInt(3)));
        }
        // a repository policy does not govern ecr:GetAuthorizationToken (no resource), so none is given with "*"
        if (chance(0.6) && !tags.contains("noResource")) {
            c.set("resourcePolicy", doc(Kind.RESOURCE, 1 + rnd.nextInt(3)));
            tags.add("resourcePolicy");
        }
        if (chance(0.25)) {
            c.set("permissionsBoundary", doc(Kind.BOUNDARY, 1 + rnd.nextInt(2)));
            tags.add("boundary");
        }
        if (chance(0.25)) {
            ArrayNode scps = c.putArray("scps");
            int levels = 1 + rnd.nextInt(2);
            for (int i = 0; i < levels; i++) {
                scps.add(doc(Kind.SCP, 1 + rnd.nextInt(2)));
            }
            tags.add("scp");
        }
        if (viaEndpoint && chance(0.5)) {
            c.putArray("vpcEndpointPolicies").add(doc(Kind.ENDPOINT, 1 + rnd.nextInt(2)));
            tags.add("endpointPolicy");
        }
        if (tags.contains("principalStar") && tags.contains("boundary")) {
            tags.add("principalStar+boundary");
        }
        return c;
    }

    enum Kind { IDENTITY, RESOURCE, BOUNDARY, SCP, ENDPOINT }

    private ObjectNode doc(Kind kind, int statements) {
        ObjectNode d = M.createObjectNode();
        d.put("Version", "2012-10-17");
        ArrayNode st = d.putArray("Statement");
        if (kind == Kind.SCP && chance(0.7)) {
            ObjectNode full = st.addObject();
            full.put("Effect", "Allow");
            full.put("Action", "*");
            full.put("Resource", "*");
        }
        if (kind == Kind.ENDPOINT && chance(0.3)) {
            ObjectNode full = st.addObject();
            full.put("Effect", "Allow");
            full.put("Principal", "*");
            full.put("Action", "*");
            full.put("Resource", "*");
        }
        for (int i = 0; i < statements; i++) {
            st.add(statement(kind));
        }
        return d;
    }

    private ObjectNode statement(Kind kind) {
        ObjectNode s = M.createObjectNode();
        double denyChance = switch (kind) {
            case IDENTITY -> 0.25;
            case RESOURCE -> 0.35;
            case BOUNDARY -> 0.15;
            case SCP -> 0.4;
            case ENDPOINT -> 0.2;
        };
        boolean deny = chance(denyChance);
        s.put("Effect", deny ? "Deny" : "Allow");
        if (chance(0.2)) {
            s.put("Sid", "S" + rnd.nextInt(1000));
        }
        // principal (resource-style policies)
        if (kind == Kind.ENDPOINT) {
            // the simulator accepts only "*" in endpoint policies; principals are narrowed by conditions there
            s.put("Principal", "*");
        } else if (kind == Kind.RESOURCE) {
            if (deny && chance(0.45)) {
                s.set("NotPrincipal", principals(true));
                tags.add("notPrincipal");
            } else {
                s.set("Principal", principals(false));
            }
        }
        // action
        String field = chance(0.15) ? "NotAction" : "Action";
        if (field.equals("NotAction")) {
            tags.add("notAction");
        }
        s.set(field, values(this::actionPattern, 1 + rnd.nextInt(3)));
        // resource
        if (kind != Kind.RESOURCE || chance(0.3)) {
            String rf = chance(0.15) ? "NotResource" : "Resource";
            if (rf.equals("NotResource")) {
                tags.add("notResource");
            }
            s.set(rf, values(this::resourcePattern, 1 + rnd.nextInt(2)));
        }
        // conditions
        int nc = chance(0.5) ? 0 : chance(0.75) ? 1 : 2;
        if (nc > 0) {
            ObjectNode cond = s.putObject("Condition");
            for (int i = 0; i < nc; i++) {
                condition(cond);
            }
        }
        return s;
    }

    private JsonNode values(java.util.function.Supplier<String> gen, int n) {
        if (n == 1 && chance(0.5)) {
            return M.getNodeFactory().textNode(gen.get());
        }
        ArrayNode a = M.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(gen.get());
        }
        return a;
    }

    private String actionPattern() {
        if (kms) {
            return pick(List.of("kms:Decrypt", "kms:*", "*", "kms:De*", "KMS:decrypt", "kms:Encrypt", "kms:Describe*"));
        }
        String a = pick(List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
                "ecr:GetAuthorizationToken", "ecr:DescribeImages", "ecr:PutImage", "ecr:*", "ecr:*", "*", "ecr:Batch*",
                "ecr:Get*", "ecr:*Layer*", "ecr:?atchGetImage", "ecr:Describe*", "s3:GetObject", "ecr:batchgetimage",
                "ECR:BatchGetImage", "Ecr:GetDownloadUrlForLayer", "ecr:*image", "ecr:List*"));
        if (List.of("ecr:batchgetimage", "ECR:BatchGetImage", "Ecr:GetDownloadUrlForLayer", "ecr:*image").contains(a)) {
            tags.add("oddCaseAction");
        }
        if (a.contains("*") || a.contains("?")) {
            tags.add("wildcardAction");
        }
        return a;
    }

    private String resourcePattern() {
        if (kms) {
            return pick(List.of("*", "*", key(A), key(B), "arn:aws:kms:us-west-2:" + A + ":key/*", "arn:aws:kms:*:*:key/*",
                    "arn:aws:kms:us-east-1:" + A + ":key/*"));
        }
        return pick(List.of("*", "*", repo(A, "app"), repo(A, "team/api"), "arn:aws:ecr:us-west-2:" + A + ":repository/*",
                "arn:aws:ecr:*:*:repository/app", "arn:aws:ecr:us-west-2:" + B + ":repository/*",
                "arn:aws:ecr:us-west-2:" + A + ":repository/team/*", "arn:aws:ecr:us-east-1:" + A + ":repository/app",
                repo(B, "app"), "arn:aws:ecr:us-west-2:*:repository/te?m/api", "arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*"));
    }

    private JsonNode principals(boolean forNotPrincipal) {
        if (!forNotPrincipal && chance(0.15)) {
            tags.add("principalStar");
            return M.getNodeFactory().textNode("*");
        }
        List<String> pool = List.of(role(A, "eks-node-role"), session(A, "eks-node-role", "i-0abc1234567890def"), root(A), A,
                root(B), B, role(A, "ci-deployer"), "arn:aws:iam::" + A + ":user/alice", role(B, "eks-node-role"),
                session(B, "eks-node-role", "i-0fff000011112222a"), role(C, "karpenter-node"), root(C), "*");
        ObjectNode p = M.createObjectNode();
        int n = 1 + rnd.nextInt(forNotPrincipal ? 4 : 3);
        ArrayNode a = M.createArrayNode();
        for (int i = 0; i < n; i++) {
            String v = pick(pool);
            if (forNotPrincipal && v.equals("*")) {
                v = root(A);
            }
            if (v.equals("*")) {
                tags.add("principalStar");
            }
            if (forNotPrincipal && (v.equals(root(A)) || v.equals(A) || v.equals(root(B)) || v.equals(B)
                    || v.equals(root(C)))) {
                tags.add("notPrincipal:accountListed");
            }
            if (v.equals(A) || v.equals(B)) {
                tags.add("bareAccountId");
            }
            a.add(v);
        }
        p.set("AWS", a.size() == 1 && chance(0.5) ? a.get(0) : a);
        return p;
    }

    private void condition(ObjectNode cond) {
        String key = pick(List.of("aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:SourceVpce",
                "aws:SourceVpc", "aws:SecureTransport"));
        String op;
        List<String> vals;
        switch (key) {
            case "aws:PrincipalArn" -> {
                op = pick(List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "ArnEquals", "ArnLike",
                        "ArnNotEquals", "ArnNotLike"));
                vals = List.of(role(A, "eks-node-role"), "arn:aws:iam::" + A + ":role/*", "arn:aws:iam::*:role/eks-node-role",
                        role(A, "ci-deployer"), role(B, "eks-node-role"), "arn:aws:iam::" + A + ":user/*");
            }
            case "aws:PrincipalAccount" -> {
                op = pick(List.of("StringEquals", "StringNotEquals", "StringLike"));
                vals = List.of(A, B, C, "1111*");
            }
            case "aws:PrincipalOrgID" -> {
                op = pick(List.of("StringEquals", "StringNotEquals", "StringLike", "StringEqualsIgnoreCase"));
                vals = List.of(ORG, OTHER_ORG, "o-aa11*", ORG.toUpperCase());
            }
            case "aws:SourceVpce" -> {
                op = pick(List.of("StringEquals", "StringNotEquals", "StringLike"));
                vals = List.of("vpce-0a1b2c3d4e5f60718", "vpce-0ffee00ffee00ffee", "vpce-*");
            }
            case "aws:SourceVpc" -> {
                op = pick(List.of("StringEquals", "StringNotEquals"));
                vals = List.of("vpc-0123456789abcdef0", "vpc-0fedcba9876543210");
            }
            default -> {
                op = "Bool";
                vals = List.of("true", "false");
            }
        }
        if (chance(0.1)) {
            op = "Null";
            vals = List.of("true", "false");
        } else if (chance(0.3)) {
            op = op + "IfExists";
            tags.add("ifExists");
        }
        tags.add("condition:" + key);
        ObjectNode byOp = cond.has(op) ? (ObjectNode) cond.get(op) : cond.putObject(op);
        if (byOp.has(key)) {
            return;
        }
        int n = op.equals("Null") || op.startsWith("Bool") ? 1 : 1 + rnd.nextInt(2);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(pick(vals));
        }
        if (chosen.size() == 1) {
            byOp.put(key, chosen.get(0));
        } else {
            ArrayNode a = byOp.putArray(key);
            chosen.forEach(a::add);
        }
    }
}
