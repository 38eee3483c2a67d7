package dev.pullfix.model.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.pullfix.model.limits.InputKind;
import dev.pullfix.model.limits.Inputs;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses IAM policy JSON into {@link PolicyDocument}: string-or-list fields, Principal/NotPrincipal in all
 * forms, Condition blocks; keeps each statement's text span. Rejects invalid documents with an
 * {@link InvalidPolicyException} (JSON syntax errors with line/column; semantic errors such as a missing
 * or bad Effect, both Action and NotAction).
 */
public final class PolicyParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(InputKind.MAX_NESTING)
                    .maxStringLength((int) InputKind.POLICY.maxBytes()).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final Set<String> TOP_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private PolicyParser() {
    }

    /** Parses a policy document from JSON text. */
    public static PolicyDocument parse(String json) {
        if (json != null && json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte-order mark from some Windows editors
        }
        if (json == null || json.isBlank()) {
            throw new InvalidPolicyException("parse.empty", List.of(), 0, 0, "Policy document is empty");
        }
        if (json.length() > InputKind.POLICY.maxBytes()) {
            // AWS allows 10,240 characters; refuse far larger text before parsing it
            throw new InvalidPolicyException("parse.json", List.of("0", "0", "the document is "
                    + json.length() + " characters; a policy may be at most " + InputKind.POLICY.maxBytes()), 0, 0,
                    "Invalid JSON: the document is too large");
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                JsonLocation loc = p.currentTokenLocation();
                throw new InvalidPolicyException("parse.notObject", List.of(), loc.getLineNr(), loc.getColumnNr(),
                        "Policy document must be a JSON object");
            }
            String version = null;
            String id = null;
            List<Statement> statements = null;
            JsonLocation docStart = p.currentTokenLocation();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation fieldLoc = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "Version" -> version = requireText(MAPPER.readTree(p), "Version", fieldLoc);
                    case "Id" -> id = requireText(MAPPER.readTree(p), "Id", fieldLoc);
                    case "Statement" -> statements = readStatements(p, value, json, fieldLoc);
                    default -> throw new InvalidPolicyException("parse.unknownTopElement", List.of(field),
                            fieldLoc.getLineNr(), fieldLoc.getColumnNr(), "Unsupported policy element: " + field);
                }
            }
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new InvalidPolicyException("parse.trailing", List.of(), loc.getLineNr(), loc.getColumnNr(),
                        "Unexpected content after the policy document");
            }
            if (statements == null) {
                throw new InvalidPolicyException("parse.missingStatement", List.of(), docStart.getLineNr(),
                        docStart.getColumnNr(), "Policy document has no Statement");
            }
            if (version != null && !version.equals("2012-10-17") && !version.equals("2008-10-17")) {
                throw new InvalidPolicyException("parse.badVersion", List.of(version), docStart.getLineNr(),
                        docStart.getColumnNr(), "Unsupported Version: " + version);
            }
            return new PolicyDocument(version, id, statements, json);
        } catch (JsonProcessingException e) {
            // in our words: no parser names, type names or character codes
            var problem = Inputs.describe(e, "policy", json);
            int line = problem.line();
            int col = problem.column();
            String detail = problem.code() == dev.pullfix.model.limits.InputProblem.Code.TOO_DEEP
                    ? "nested deeper than " + InputKind.MAX_NESTING + " levels" : problem.args().get(0);
            int nl = detail.indexOf('\n');
            if (nl > 0) {
                detail = detail.substring(0, nl);
            }
            throw new InvalidPolicyException("parse.json", List.of(String.valueOf(line), String.valueOf(col), detail),
                    line, col, "Invalid JSON: " + detail);
        } catch (IOException e) {
            throw new InvalidPolicyException("parse.json", List.of("0", "0", String.valueOf(e.getMessage())), 0, 0,
                    "Invalid JSON: " + e.getMessage());
        }
    }

    private static List<Statement> readStatements(JsonParser p, JsonToken value, String json, JsonLocation fieldLoc)
            throws IOException {
        List<Statement> out = new ArrayList<>();
        if (value == JsonToken.START_OBJECT) {
            out.add(readStatement(p, 0, json));
        } else if (value == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    JsonLocation loc = p.currentTokenLocation();
                    throw new InvalidPolicyException("parse.statementNotObject", List.of(String.valueOf(i + 1)),
                            loc.getLineNr(), loc.getColumnNr(), "Statement " + (i + 1) + " must be a JSON object");
                }
                out.add(readStatement(p, i++, json));
            }
        } else {
            throw new InvalidPolicyException("parse.statementNotObject", List.of("1"), fieldLoc.getLineNr(),
                    fieldLoc.getColumnNr(), "Statement must be an object or a list of objects");
        }
        return out;
    }

    private static Statement readStatement(JsonParser p, int index, String json) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonNode node = MAPPER.readTree(p);
        JsonLocation end = p.currentLocation();
        int startOffset = (int) Math.max(0, start.getCharOffset());
        int endOffset = (int) Math.min(json.length(), Math.max(startOffset, end.getCharOffset()));
        TextSpan span = new TextSpan(start.getLineNr(), start.getColumnNr(), startOffset, endOffset);
        return toStatement(node, index, span);
    }

    /** Builds a statement from an already-parsed JSON node (no text span). */
    static Statement toStatement(JsonNode node, int index, TextSpan span) {
        int line = span == null ? 0 : span.line();
        int col = span == null ? 0 : span.column();
        String where = "Statement " + (index + 1);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!STATEMENT_KEYS.contains(name)) {
                throw err("parse.unknownElement", line, col, where + ": unsupported element " + name,
                        String.valueOf(index + 1), name);
            }
        }
        String sid = null;
        if (node.has("Sid")) {
            JsonNode s = node.get("Sid");
            if (!s.isTextual()) {
                throw err("parse.badType", line, col, where + ": Sid must be a string", String.valueOf(index + 1), "Sid");
            }
            sid = s.asText();
        }
        JsonNode effectNode = node.get("Effect");
        if (effectNode == null) {
            throw err("parse.missingEffect", line, col, where + ": missing Effect", String.valueOf(index + 1));
        }
        Effect effect;
        if (effectNode.isTextual() && effectNode.asText().equals("Allow")) {
            effect = Effect.ALLOW;
        } else if (effectNode.isTextual() && effectNode.asText().equals("Deny")) {
            effect = Effect.DENY;
        } else {
            throw err("parse.badEffect", line, col, where + ": Effect must be \"Allow\" or \"Deny\", not "
                    + effectNode, String.valueOf(index + 1), effectNode.toString());
        }
        if (node.has("Action") && node.has("NotAction")) {
            throw err("parse.actionAndNotAction", line, col, where + ": both Action and NotAction",
                    String.valueOf(index + 1));
        }
        if (!node.has("Action") && !node.has("NotAction")) {
            throw err("parse.missingAction", line, col, where + ": missing Action or NotAction",
                    String.valueOf(index + 1));
        }
        if (node.has("Resource") && node.has("NotResource")) {
            throw err("parse.resourceAndNotResource", line, col, where + ": both Resource and NotResource",
                    String.valueOf(index + 1));
        }
        if (node.has("Principal") && node.has("NotPrincipal")) {
            throw err("parse.principalAndNotPrincipal", line, col, where + ": both Principal and NotPrincipal",
                    String.valueOf(index + 1));
        }
        boolean notAction = node.has("NotAction");
        List<String> actions = stringList(node.get(notAction ? "NotAction" : "Action"),
                notAction ? "NotAction" : "Action", index, line, col);
        if (actions.isEmpty()) {
            throw err("parse.emptyList", line, col, where + ": empty " + (notAction ? "NotAction" : "Action"),
                    String.valueOf(index + 1), notAction ? "NotAction" : "Action");
        }
        boolean notResource = node.has("NotResource");
        List<String> resources = null;
        if (node.has("Resource") || notResource) {
            String el = notResource ? "NotResource" : "Resource";
            resources = stringList(node.get(el), el, index, line, col);
            if (resources.isEmpty()) {
                throw err("parse.emptyList", line, col, where + ": empty " + el, String.valueOf(index + 1), el);
            }
        }
        PrincipalSet principal = node.has("Principal")
                ? principalSet(node.get("Principal"), "Principal", index, line, col) : null;
        PrincipalSet notPrincipal = node.has("NotPrincipal")
                ? principalSet(node.get("NotPrincipal"), "NotPrincipal", index, line, col) : null;
        List<ConditionClause> conditions = node.has("Condition")
                ? conditions(node.get("Condition"), index, line, col) : List.of();
        return new Statement(index, sid, effect, principal, notPrincipal, actions, notAction, resources, notResource,
                conditions, span);
    }

    private static List<String> stringList(JsonNode n, String element, int index, int line, int col) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw err("parse.badType", line, col, "Statement " + (index + 1) + ": " + element
                            + " must be a string or a list of strings", String.valueOf(index + 1), element);
                }
                out.add(e.asText());
            }
        } else {
            throw err("parse.badType", line, col, "Statement " + (index + 1) + ": " + element
                    + " must be a string or a list of strings", String.valueOf(index + 1), element);
        }
        return out;
    }

    private static PrincipalSet principalSet(JsonNode n, String element, int index, int line, int col) {
        if (n.isTextual()) {
            if (n.asText().equals("*")) {
                return PrincipalSet.wildcard();
            }
            throw err("parse.badPrincipal", line, col, "Statement " + (index + 1) + ": " + element
                    + " must be \"*\" or an object such as {\"AWS\": ...}", String.valueOf(index + 1), element);
        }
        if (!n.isObject() || n.isEmpty()) {
            throw err("parse.badPrincipal", line, col, "Statement " + (index + 1) + ": " + element
                    + " must be \"*\" or an object such as {\"AWS\": ...}", String.valueOf(index + 1), element);
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!PRINCIPAL_TYPES.contains(e.getKey())) {
                throw err("parse.badPrincipalType", line, col, "Statement " + (index + 1) + ": unknown principal type "
                        + e.getKey(), String.valueOf(index + 1), e.getKey());
            }
            byType.put(e.getKey(), stringList(e.getValue(), element + "." + e.getKey(), index, line, col));
        }
        return new PrincipalSet(false, byType);
    }

    private static List<ConditionClause> conditions(JsonNode n, int index, int line, int col) {
        if (!n.isObject()) {
            throw err("parse.badCondition", line, col, "Statement " + (index + 1)
                    + ": Condition must be an object of operator -> {key: value(s)}", String.valueOf(index + 1));
        }
        List<ConditionClause> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> ops = n.fields();
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject()) {
                throw err("parse.badCondition", line, col, "Statement " + (index + 1) + ": Condition operator "
                        + op.getKey() + " must map keys to values", String.valueOf(index + 1));
            }
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                List<String> values = new ArrayList<>();
                JsonNode v = k.getValue();
                if (v.isArray()) {
                    for (JsonNode e : v) {
                        if (!e.isValueNode() || e.isNull()) {
                            throw err("parse.badCondition", line, col, "Statement " + (index + 1)
                                    + ": condition values must be strings, numbers or booleans", String.valueOf(index + 1));
                        }
                        values.add(e.asText());
                    }
                } else if (v.isValueNode() && !v.isNull()) {
                    values.add(v.asText());
                } else {
                    throw err("parse.badCondition", line, col, "Statement " + (index + 1)
                            + ": condition values must be strings, numbers or booleans", String.valueOf(index + 1));
                }
                out.add(new ConditionClause(op.getKey(), k.getKey(), values));
            }
        }
        return out;
    }

    private static String requireText(JsonNode n, String element, JsonLocation loc) {
        if (!n.isTextual()) {
            throw new InvalidPolicyException("parse.badTopType", List.of(element), loc.getLineNr(), loc.getColumnNr(),
                    element + " must be a string");
        }
        return n.asText();
    }

    private static InvalidPolicyException err(String code, int line, int col, String english, String... args) {
        return new InvalidPolicyException(code, List.of(args), line, col, english);
    }
}
