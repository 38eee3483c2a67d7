package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failed API call, carried as the {@code Status} object a real API server answers with
 * (code, reason, message and details). Messages follow the real server's wording.
 */
public final class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final String detailName;
    private final String detailGroup;
    private final String detailKind;

    public ApiException(int code, String reason, String message, String detailName, String detailGroup, String detailKind) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.detailName = detailName;
        this.detailGroup = detailGroup;
        this.detailKind = detailKind;
    }

    /** HTTP status code (404, 409, ...). */
    public int code() {
        return code;
    }

    /** The StatusReason, e.g. {@code NotFound}, {@code AlreadyExists}, {@code Conflict}. */
    public String reason() {
        return reason;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message, null, null, null);
    }

    static ApiException notFound(ResourceType t, String name) {
        return new ApiException(404, "NotFound", t.qualified() + " \"" + name + "\" not found", name, t.group(), t.plural());
    }

    static ApiException alreadyExists(ResourceType t, String name) {
        return new ApiException(409, "AlreadyExists", t.qualified() + " \"" + name + "\" already exists", name, t.group(), t.plural());
    }

    static ApiException conflict(ResourceType t, String name) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + t.qualified() + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again",
                name, t.group(), t.plural());
    }

    static ApiException invalid(ResourceType t, String name, String message) {
        return new ApiException(422, "Invalid", t.kind() + " \"" + (name == null ? "" : name) + "\" is invalid: " + message,
                name, t.group(), t.kind());
    }

    static ApiException pathNotFound() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource", null, null, null);
    }

    static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", null, null, null);
    }

    static ApiException gone(String message) {
        return new ApiException(410, "Expired", message, null, null, null);
    }

    /** The {@code Status} body, as a real server sends it. */
    public ObjectNode toStatus() {
        ObjectNode s = Json.object();
        s.put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        ObjectNode d = s.putObject("details");
        if (detailName != null) {
            d.put("name", detailName);
        }
        if (detailGroup != null && !detailGroup.isEmpty()) {
            d.put("group", detailGroup);
        }
        if (detailKind != null) {
            d.put("kind", detailKind);
        }
        s.put("code", code);
        return s;
    }
}
