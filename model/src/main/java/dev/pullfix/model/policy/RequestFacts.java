package dev.pullfix.model.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request context as the evaluator sees it: keys given by the caller, keys AWS always sets and we can
 * derive (aws:PrincipalArn = the role ARN for a role session, aws:PrincipalAccount, aws:PrincipalType,
 * aws:SecureTransport, aws:CurrentTime, aws:RequestedRegion...), and the endpoint rules: aws:SourceVpce and
 * aws:SourceVpc exist only through a VPC endpoint, aws:SourceIp only without one.
 */
final class RequestFacts {
    enum Presence { PRESENT, ABSENT, UNKNOWN }

    record Lookup(Presence presence, List<String> values) {
    }

    final Caller caller;
    final AccessRequest request;
    final boolean viaEndpoint;
    final boolean hasBoundary;
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> unknown = new HashSet<>();
    private final boolean closedWorld;

    RequestFacts(AccessRequest request, PolicySet policies, Clock clock) {
        this.request = request;
        this.caller = Caller.parse(request.principalArn());
        this.closedWorld = request.contextComplete();
        this.hasBoundary = policies.permissionsBoundary() != null;
        request.context().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
        this.viaEndpoint = !policies.vpcEndpointPolicies().isEmpty() || values.containsKey("aws:sourcevpce")
                || values.containsKey("aws:sourcevpc");
        if (caller.principalArnKey() != null) {
            derive("aws:principalarn", caller.principalArnKey());
        } else {
            values.putIfAbsent("aws:principalarn", List.of()); // anonymous: no principal keys at all
            values.putIfAbsent("aws:principalaccount", List.of());
            values.putIfAbsent("aws:principalorgid", List.of());
        }
        if (!caller.account().isEmpty()) {
            derive("aws:principalaccount", caller.account());
        }
        if (caller.principalType() != null) {
            derive("aws:principaltype", caller.principalType());
        }
        if (caller.type() == Caller.Type.USER) {
            derive("aws:username", caller.name());
        } else if (!values.containsKey("aws:username")) {
            values.put("aws:username", List.of());
        }
        if (caller.type() == Caller.Type.ASSUMED_ROLE && !values.containsKey("aws:userid")) {
            unknown.add("aws:userid"); // ROLEID:session — the role's unique id is not in the ARN
        }
        derive("aws:principalisawsservice", caller.type() == Caller.Type.SERVICE ? "true" : "false");
        derive("aws:viaawsservice", "false");
        derive("aws:securetransport", "true");
        Instant now = clock.instant();
        derive("aws:currenttime", now.toString());
        derive("aws:epochtime", String.valueOf(now.getEpochSecond()));
        String[] arn = request.resourceArn().split(":", 6);
        if (arn.length == 6 && !arn[3].isEmpty()) {
            derive("aws:requestedregion", arn[3]);
        }
        if (viaEndpoint) {
            values.remove("aws:sourceip");
            if (!values.containsKey("aws:sourcevpce")) {
                unknown.add("aws:sourcevpce");
            }
            if (!values.containsKey("aws:sourcevpc")) {
                unknown.add("aws:sourcevpc");
            }
        } else if (!values.containsKey("aws:sourceip")) {
            unknown.add("aws:sourceip");
        }
    }

    private void derive(String key, String value) {
        values.putIfAbsent(key, List.of(value));
    }

    Lookup lookup(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        List<String> v = values.get(k);
        if (v != null) {
            return v.isEmpty() ? new Lookup(Presence.ABSENT, List.of()) : new Lookup(Presence.PRESENT, v);
        }
        if (unknown.contains(k) || !closedWorld) {
            return new Lookup(Presence.UNKNOWN, List.of());
        }
        return new Lookup(Presence.ABSENT, List.of());
    }

    /** Resource account (5th ARN field), or "" when the ARN carries none (S3 buckets, "*"). */
    String resourceAccount() {
        if (request.resourceAccount() != null && !request.resourceAccount().isBlank()) {
            return request.resourceAccount();
        }
        String[] arn = request.resourceArn().split(":", 6);
        return arn.length == 6 ? arn[4] : "";
    }
}
