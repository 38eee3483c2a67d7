package dev.pullfix.model.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to decide: who (principal ARN, e.g. the kubelet's assumed-role session, or {@link #ANONYMOUS}), which
 * action, on which resource ARN ({@code "*"} for actions without a resource, such as ecr:GetAuthorizationToken), with which
 * request context keys.
 *
 * @param context         condition keys as given (names case-insensitive), each with one or more values
 * @param contextComplete true: a key not given (and not derived by the evaluator) is absent from the request;
 *                        false: such a key may or may not be present, so conditions on it are UNKNOWN
 * @param resourceAccount the account owning the resource when its ARN carries none (S3 buckets), else null
 */
public record AccessRequest(String principalArn, String action, String resourceArn, Map<String, List<String>> context,
                            boolean contextComplete, String resourceAccount) {
    /** The principal of a request that carries no AWS credentials (an anonymous, unauthenticated request). */
    public static final String ANONYMOUS = "anonymous";

    public AccessRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (context != null) {
            context.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        context = java.util.Collections.unmodifiableMap(copy);
        resourceArn = resourceArn == null || resourceArn.isBlank() ? "*" : resourceArn;
    }

    public AccessRequest(String principalArn, String action, String resourceArn, Map<String, List<String>> context,
                         boolean contextComplete) {
        this(principalArn, action, resourceArn, context, contextComplete, null);
    }

    public AccessRequest(String principalArn, String action, String resourceArn) {
        this(principalArn, action, resourceArn, Map.of(), true, null);
    }

    public AccessRequest withContext(String key, String... values) {
        Map<String, List<String>> c = new LinkedHashMap<>(context);
        c.put(key, List.of(values));
        return new AccessRequest(principalArn, action, resourceArn, c, contextComplete, resourceAccount);
    }

    public AccessRequest withAction(String newAction, String newResource) {
        return new AccessRequest(principalArn, newAction, newResource, context, contextComplete, resourceAccount);
    }
}
