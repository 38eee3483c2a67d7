package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.List;
import java.util.Map;

/**
 * What the lab API server reads from a request besides its path: the response format and media type the client
 * accepts, query parameters ({@code includeObject}, {@code dryRun}, integers), and the body (JSON or protobuf),
 * refusing what a real API server refuses with the same status and wording.
 */
final class Requests {
    private Requests() {
    }

    static Render.Format format(FullHttpRequest req) {
        String accept = req.headers().get(HttpHeaderNames.ACCEPT, "");
        if (accept.contains("as=Table")) {
            return Render.Format.TABLE;
        }
        if (accept.contains("as=PartialObjectMetadata")) {
            return Render.Format.PARTIAL;
        }
        return Render.Format.FULL;
    }

    static void negotiate(FullHttpRequest req) {
        String accept = req.headers().get(HttpHeaderNames.ACCEPT);
        if (accept != null && !accept.isBlank() && !accept.contains("json") && !accept.contains("*/*")) {
            throw new ApiException(406, "NotAcceptable", "only the following media types are accepted: application/json", null, null, null);
        }
    }

    static Render.Include include(Map<String, List<String>> params) {
        String v = param(params, "includeObject");
        if (v == null || v.equals("Metadata")) {
            return Render.Include.METADATA;
        }
        if (v.equals("None")) {
            return Render.Include.NONE;
        }
        if (v.equals("Object")) {
            return Render.Include.OBJECT;
        }
        throw ApiException.badRequest("includeObject: Invalid value: \"" + v + "\": must be 'Metadata', 'Object', 'None', or empty");
    }

    static boolean dryRun(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        if (v.equals("All")) {
            return true;
        }
        throw badDryRun(v);
    }

    static ApiException badDryRun(String v) {
        return badRequestInvalid("dryRun: Unsupported value: \"" + v + "\": supported values: \"All\"");
    }

    static ApiException badRequestInvalid(String m) {
        return ApiException.badRequest(m);
    }

    static String param(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static long parseLong(String v, String name) {
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": Invalid value: \"" + v + "\": must be an integer");
        }
    }

    static byte[] bytes(FullHttpRequest req) {
        return ByteBufUtil.getBytes(req.content());
    }

    static ObjectNode body(FullHttpRequest req) {
        String ct = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (Protobuf.isProtobuf(ct)) {
            return Protobuf.decode(bytes(req));
        }
        if (!ct.contains("json") && !ct.contains("*/*")) {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
                    + "application/json, application/yaml", null, null, null);
        }
        if (!req.content().isReadable()) {
            throw ApiException.badRequest("the request body is empty");
        }
        return Json.parseObject(bytes(req));
    }
}
