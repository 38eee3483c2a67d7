package dev.pullfix.model.policy;

import java.util.List;

/**
 * Matches the caller against Principal / NotPrincipal elements of resource-style policies. A role ARN matches
 * that role's sessions (compared by account and role name, since a session ARN carries no role path); an
 * account ({@code "123456789012"} or {@code arn:aws:iam::123456789012:root}) matches every principal in it but
 * only delegates to IAM.
 */
final class PrincipalMatcher {
    /** How strongly a resource-policy Allow names the caller (decides which implicit denies still apply). */
    enum Grant { NONE, ACCOUNT, ROLE, WILDCARD, DIRECT }

    record Match(Grant grant, String value) {
    }

    private PrincipalMatcher() {
    }

    /** The strongest way the Principal element names the caller. */
    static Match match(PrincipalSet set, Caller caller) {
        if (set.anyone()) {
            return new Match(Grant.WILDCARD, "*");
        }
        Match best = new Match(Grant.NONE, null);
        for (String v : set.values("AWS")) {
            Grant g = awsValue(v.trim(), caller);
            if (g.ordinal() > best.grant().ordinal()) {
                best = new Match(g, v);
            }
        }
        if (caller.type() == Caller.Type.SERVICE) {
            for (String v : set.values("Service")) {
                if (v.equalsIgnoreCase(caller.arn())) {
                    return new Match(Grant.DIRECT, v);
                }
            }
        }
        for (String type : List.of("Federated", "CanonicalUser")) {
            for (String v : set.values(type)) {
                if (v.equals(caller.arn())) {
                    return new Match(Grant.DIRECT, v);
                }
            }
        }
        return best;
    }

    static Grant awsValue(String v, Caller caller) {
        if (v.equals("*")) {
            return Grant.WILDCARD;
        }
        if (caller.account().isEmpty()) {
            return Grant.NONE;
        }
        if (Caller.isAccountId(v)) {
            return v.equals(caller.account()) ? Grant.ACCOUNT : Grant.NONE;
        }
        String[] p = v.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || !p[4].equals(caller.account())) {
            return Grant.NONE;
        }
        String service = p[2];
        String res = p[5];
        if (service.equals("iam") && res.equals("root")) {
            return Grant.ACCOUNT;
        }
        if (service.equals("iam") && res.startsWith("role/")) {
            return caller.isRoleOrSession() && Caller.lastSegment(res).equals(caller.name()) ? Grant.ROLE : Grant.NONE;
        }
        if (service.equals("iam") && res.startsWith("user/")) {
            return caller.type() == Caller.Type.USER && Caller.lastSegment(res).equals(caller.name())
                    ? Grant.DIRECT : Grant.NONE;
        }
        if (service.equals("sts")) {
            return v.equals(caller.arn()) ? Grant.DIRECT : Grant.NONE;
        }
        return Grant.NONE;
    }

    /**
     * Whether a NotPrincipal element leaves the caller OUT of the statement: YES when every identity in the
     * caller's chain (account, role, session / user) is listed, NO when the calling principal itself is not listed,
     * MAYBE when it is listed but its role or account is not (AWS may evaluate the account or role first and deny).
     */
    static Tri excluded(PrincipalSet set, Caller caller) {
        if (set.anyone()) {
            return Tri.YES;
        }
        boolean account = false;
        boolean middle = false;
        boolean leaf = false;
        for (String v : set.values("AWS")) {
            Grant g = awsValue(v.trim(), caller);
            if (g == Grant.ACCOUNT) {
                account = true;
            } else if (g == Grant.ROLE) {
                middle = true;
            } else if (g == Grant.DIRECT) {
                leaf = true;
            } else if (g == Grant.WILDCARD) {
                return Tri.YES;
            }
        }
        if (caller.type() == Caller.Type.SERVICE) {
            for (String v : set.values("Service")) {
                if (v.equalsIgnoreCase(caller.arn())) {
                    return Tri.YES;
                }
            }
            return Tri.NO;
        }
        List<Boolean> chain = switch (caller.type()) {
            case ASSUMED_ROLE -> List.of(account, middle, leaf);
            case ROLE -> List.of(account, middle);
            case USER, FEDERATED_USER -> List.of(account, leaf);
            case ROOT -> List.of(account);
            default -> List.of(leaf);
        };
        if (chain.stream().allMatch(b -> b)) {
            return Tri.YES;
        }
        // the calling principal itself (session, user, or the role/account when that is the caller) not listed:
        // the Deny applies to it
        boolean callerListed = chain.get(chain.size() - 1);
        return callerListed ? Tri.MAYBE : Tri.NO;
    }
}
