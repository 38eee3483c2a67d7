package dev.pullfix.model.lab.aws;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab AWS endpoint answers only requests signed the way the SDKs and the AWS CLI sign them, with the lab's
 * access key id: an {@code Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=..., Signature=<64 hex>} header and an {@code X-Amz-Date}. (The signature itself is not verified:
 * the secret is no secret; the point is that a web page cannot produce the header.) A request carrying
 * {@code Origin}, {@code Referer} or {@code Sec-Fetch-*} is refused first: IAM, STS and EC2 are form-encoded by the
 * real SDKs, so the content type alone cannot tell a browser's cross-site form from a CLI call. Refusals use each
 * protocol's error format: JSON 1.1 {@code __type} for ECR, REST JSON with {@code x-amzn-ErrorType} for EKS,
 * {@code <Response><Errors>} for EC2, {@code <ErrorResponse>} for IAM and STS.
 */
final class LabAwsGuard {

    private static final Pattern SIGV4 = Pattern.compile("^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})/\\d{8}/"
            + "[a-z0-9-]+/([a-z0-9-]+)/aws4_request,\\s*SignedHeaders=[a-z0-9;.-]+,\\s*Signature=[0-9a-f]{64}$");

    private final String accessKeyId;

    LabAwsGuard(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    /** The refusal for this request, or null when it may go on. */
    LabAwsServer.Reply check(Headers h, String path) {
        String protocol = protocol(h, path);
        for (String k : h.keySet()) {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.equals("origin") || key.equals("referer") || key.startsWith("sec-fetch-")) {
                return refuse(protocol, 403, "AccessDenied", "AccessDeniedException",
                        "The practice lab does not answer requests from web pages.");
            }
        }
        String auth = h.getFirst("Authorization");
        Matcher m = auth == null ? null : SIGV4.matcher(auth.strip());
        if (m == null || !m.matches() || h.getFirst("X-Amz-Date") == null) {
            return refuse(protocol, 403, "MissingAuthenticationToken", "MissingAuthenticationTokenException",
                    "Request is missing Authentication Token");
        }
        if (!m.group(1).equals(accessKeyId)) {
            return protocol.equals("ec2")
                    ? refuse(protocol, 401, "AuthFailure", "AuthFailure", "AWS was not able to validate the provided "
                            + "access credentials")
                    : refuse(protocol, protocol.equals("query") ? 403 : 400, "InvalidClientTokenId",
                            "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        return null;
    }

    /** ecr (JSON 1.1), eks (REST JSON), ec2 (EC2 query) or query (IAM, STS). */
    static String protocol(Headers h, String path) {
        String target = h.getFirst("X-Amz-Target");
        if (target != null && target.startsWith("AmazonEC2ContainerRegistry")) {
            return "ecr";
        }
        if (path.startsWith("/clusters")) {
            return "eks";
        }
        return "ec2".equals(LabAwsServer.service(h.getFirst("Authorization"))) ? "ec2" : "query";
    }

    private static LabAwsServer.Reply refuse(String protocol, int status, String xmlCode, String jsonType,
                                             String message) {
        String id = UUID.randomUUID().toString();
        return switch (protocol) {
            case "ecr" -> LabAwsServer.Reply.json(status, LabAwsServer.JSON.createObjectNode().put("__type", jsonType)
                    .put("message", message));
            case "eks" -> new LabAwsServer.Reply(status, "application/json", LabAwsServer.JSON.createObjectNode()
                    .put("message", message).toString(), Map.of("x-amzn-ErrorType", jsonType));
            case "ec2" -> new LabAwsServer.Reply(status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Response><Errors><Error><Code>" + xmlCode + "</Code><Message>" + LabAwsServer.x(message)
                    + "</Message></Error></Errors><RequestID>" + id + "</RequestID></Response>", Map.of());
            default -> new LabAwsServer.Reply(status, "text/xml", LabAwsServer.xmlError("Sender", xmlCode, message,
                    "https://iam.amazonaws.com/doc/2010-05-08/"), Map.of());
        };
    }
}
