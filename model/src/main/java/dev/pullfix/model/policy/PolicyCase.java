package dev.pullfix.model.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation case as the CLI reads it ({@code pullfix policy eval CASE.json}):
 * <pre>{"principalArn": "...", "action": "ecr:BatchGetImage", "resourceArn": "...",
 *  "identityPolicies": [ {doc}, ... ], "resourcePolicy": {doc} | null, "permissionsBoundary": {doc} | null,
 *  "scps": [ {doc}, ... ], "vpcEndpointPolicies": [ {doc}, ... ], "context": {"aws:SourceVpce": "...", ...},
 *  "contextComplete": true, "resourceAccount": "123456789012"}</pre>
 * {@code contextComplete} (default true): keys not given are absent; {@code resourceAccount}: for resources whose
 * ARN has no account (S3 buckets). Without {@code principalArn} the request is anonymous (no AWS credentials).
 * Absent fields mean none; unknown extra fields are ignored. A document may be an object, a JSON string (as in
 * ECR's policyText), {@code {"name": "...", "document": ...}}, or the ARN of a shipped AWS managed policy.
 * Unnamed list entries are named after their place: {@code identity[0]}, {@code scp[1]}, {@code endpoint[0]}.
 */
public record PolicyCase(AccessRequest request, PolicySet policies) {
    private static final ObjectMapper MAPPER = dev.pullfix.model.limits.Inputs.jsonMapper(
            dev.pullfix.model.limits.InputKind.POLICY_CASE);

    /** A case file that is not valid: {@code field} names the part, {@code cause} the policy error if any. */
    public static final class InvalidCaseException extends RuntimeException {
        private final String field;

        public InvalidCaseException(String field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static PolicyCase parse(String json) {
        if (json != null && json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String loc = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            var problem = dev.pullfix.model.limits.Inputs.describe(e, "case", json);
            String what = problem.code() == dev.pullfix.model.limits.InputProblem.Code.TOO_DEEP
                    ? "nested deeper than " + dev.pullfix.model.limits.InputKind.MAX_NESTING + " levels"
                    : problem.args().get(0);
            throw new InvalidCaseException("", "invalid JSON" + loc + ": " + what, e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCaseException("", "the case must be a JSON object", null);
        }
        // no principalArn: a request without AWS credentials (e.g. a presigned S3 layer download), evaluated as anonymous
        String principal = root.hasNonNull("principalArn") ? requiredText(root, "principalArn") : AccessRequest.ANONYMOUS;
        String action = requiredText(root, "action");
        String resource = root.hasNonNull("resourceArn") ? root.get("resourceArn").asText() : "*";
        Map<String, List<String>> context = new LinkedHashMap<>();
        JsonNode ctx = root.get("context");
        if (ctx != null && !ctx.isNull()) {
            if (!ctx.isObject()) {
                throw new InvalidCaseException("context", "context must be an object of key -> value(s)", null);
            }
            Iterator<Map.Entry<String, JsonNode>> it = ctx.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else if (!e.getValue().isNull()) {
                    values.add(e.getValue().asText());
                }
                context.put(e.getKey(), values);
            }
        }
        boolean complete = !root.has("contextComplete") || root.get("contextComplete").asBoolean(true);
        Caller caller;
        try {
            caller = Caller.parse(principal);
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseException("principalArn", e.getMessage(), e);
        }
        if (caller.type() == Caller.Type.OTHER && !principal.startsWith("arn:")) {
            throw new InvalidCaseException("principalArn", "principalArn must be an ARN (role, assumed-role session, "
                    + "user, account root), a 12-digit account id or a service principal, not \"" + principal + "\"", null);
        }
        if (action.indexOf(':') <= 0) {
            throw new InvalidCaseException("action", "action must look like service:Action (e.g. ecr:BatchGetImage), not \""
                    + action + "\"", null);
        }
        List<NamedPolicy> identity = list(root, "identityPolicies", PolicyKind.IDENTITY, "identity");
        NamedPolicy resourcePolicy = single(root, "resourcePolicy", PolicyKind.RESOURCE, "resource policy");
        NamedPolicy boundary = single(root, "permissionsBoundary", PolicyKind.PERMISSIONS_BOUNDARY, "permissions boundary");
        List<NamedPolicy> scps = list(root, "scps", PolicyKind.SCP, "scp");
        List<NamedPolicy> endpoints = list(root, "vpcEndpointPolicies", PolicyKind.VPC_ENDPOINT, "endpoint");
        String resourceAccount = root.hasNonNull("resourceAccount") ? root.get("resourceAccount").asText() : null;
        return new PolicyCase(new AccessRequest(principal, action, resource, context, complete, resourceAccount),
                new PolicySet(identity, resourcePolicy, boundary, scps, endpoints));
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new InvalidCaseException(field, field + " is required (a string)", null);
        }
        return n.asText();
    }

    private static List<NamedPolicy> list(JsonNode root, String field, PolicyKind kind, String label) {
        JsonNode n = root.get(field);
        List<NamedPolicy> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new InvalidCaseException(field, field + " must be a list of policy documents", null);
        }
        int i = 0;
        for (JsonNode e : n) {
            i++;
            String where = field + "[" + (i - 1) + "]";
            out.add(document(e, where, kind, label + "[" + (i - 1) + "]"));
        }
        return out;
    }

    private static NamedPolicy single(JsonNode root, String field, PolicyKind kind, String label) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return document(n, field, kind, label);
    }

    private static NamedPolicy document(JsonNode n, String where, PolicyKind kind, String defaultName) {
        String name = defaultName;
        JsonNode doc = n;
        if (n.isObject() && n.has("document") && !n.has("Statement")) {
            name = n.hasNonNull("name") ? n.get("name").asText() : defaultName;
            doc = n.get("document");
        }
        try {
            if (doc.isTextual()) {
                String text = doc.asText();
                if (text.startsWith("arn:")) {
                    String arn = text;
                    return ManagedPolicies.byArn(arn).map(m -> new NamedPolicy(kind, arn, m.document()))
                            .orElseThrow(() -> new InvalidCaseException(where, where
                                    + ": only shipped AWS managed policies can be given by ARN (" + arn + ")", null));
                }
                return new NamedPolicy(kind, name, PolicyParser.parse(text));
            }
            if (doc.isObject()) {
                return new NamedPolicy(kind, name, PolicyParser.parse(MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(doc)));
            }
        } catch (InvalidPolicyException e) {
            throw new InvalidCaseException(where, where + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidCaseException(where, where + ": " + e.getOriginalMessage(), e);
        }
        throw new InvalidCaseException(where, where + " must be a policy document (object or JSON string)", null);
    }
}
