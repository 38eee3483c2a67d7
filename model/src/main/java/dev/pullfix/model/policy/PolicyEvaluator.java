package dev.pullfix.model.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides a request against identity policies, a resource policy, a permissions boundary, SCPs and VPC
 * endpoint policies by AWS's documented evaluation logic (IAM User Guide, "Policy evaluation logic" and
 * "Cross-account policy evaluation logic"):
 * <ol>
 * <li>an applicable Deny in any policy wins (EXPLICIT_DENY);</li>
 * <li>every SCP level and every VPC endpoint policy on the path must allow;</li>
 * <li>same account: an identity-based Allow (within the boundary) suffices, or a resource-policy Allow that names
 * the caller: a session or user ARN directly, or {@code "*"} (neither limited by identity policies or boundary), a
 * role ARN (limited by the boundary); an account principal only delegates to IAM;</li>
 * <li>cross account: both the identity side (within the boundary) and the resource policy must allow;</li>
 * <li>KMS keys (a {@code kms:} action): the key policy must itself allow, to the caller or to the account (which lets
 * IAM policies apply); a same-account identity Allow alone is not enough (AWS KMS Developer Guide, "Key policies");</li>
 * <li>an anonymous request ({@link AccessRequest#ANONYMOUS}): no identity policy, boundary or SCP applies; only a
 * resource-policy Allow to everyone ({@code "*"}) grants, and endpoint policies still apply.</li>
 * </ol>
 * Anything the inputs cannot decide (unknown condition keys or operators, partial NotPrincipal lists) makes the
 * result UNKNOWN with a reason, never a silent ALLOW. Pure and thread-safe.
 */
public final class PolicyEvaluator {
    private final Clock clock;

    public PolicyEvaluator() {
        this(Clock.systemUTC());
    }

    public PolicyEvaluator(Clock clock) {
        this.clock = clock;
    }

    /** One statement's verdict for the request. */
    record Eval(NamedPolicy policy, Statement statement, Tri applies, Judgement why, PrincipalMatcher.Grant grant) {
        StatementRef ref() {
            return new StatementRef(policy.kind(), policy.name(), statement.sid(), statement.index(),
                    statement.effect(), why.code(), why.args(), statement.span());
        }
    }

    /** One statement's outcome for a request: applies YES / NO / MAYBE, and why (for a GUI listing every statement). */
    public record StatementTrace(StatementRef statement, Tri applies) {
    }

    /**
     * Every statement of every applicable policy with whether it applies to the request and why, in policy order
     * (identity, resource, boundary, SCPs, endpoints). The decision itself comes from {@link #evaluate}.
     */
    public List<StatementTrace> trace(AccessRequest request, PolicySet policies) {
        policies = applicable(request, policies);
        RequestFacts facts = new RequestFacts(request, policies, clock);
        List<StatementTrace> out = new ArrayList<>();
        for (NamedPolicy p : policies.all()) {
            for (Statement s : p.document().statements()) {
                Eval e = evaluateStatement(p, s, facts);
                out.add(new StatementTrace(e.ref(), e.applies()));
            }
        }
        return out;
    }

    /** The policies that take part: none on the resource side without a resource, none on the identity side without one. */
    private static PolicySet applicable(AccessRequest request, PolicySet policies) {
        if ("*".equals(request.resourceArn()) && policies.resourcePolicy() != null) {
            // a request without a resource (ecr:GetAuthorizationToken) never consults a resource-based policy
            policies = policies.withResourcePolicy(null);
        }
        if (AccessRequest.ANONYMOUS.equals(request.principalArn())) {
            // no identity: no identity policy, boundary or SCP (SCPs govern principals of member accounts)
            policies = new PolicySet(List.of(), policies.resourcePolicy(), null, List.of(), policies.vpcEndpointPolicies());
        }
        return policies;
    }

    public EvaluationResult evaluate(AccessRequest request, PolicySet policies) {
        policies = applicable(request, policies);
        RequestFacts facts = new RequestFacts(request, policies, clock);
        List<Eval> evals = new ArrayList<>();
        for (NamedPolicy p : policies.all()) {
            for (Statement s : p.document().statements()) {
                evals.add(evaluateStatement(p, s, facts));
            }
        }

        // 1. explicit deny anywhere
        Tri deny = Tri.NO;
        List<StatementRef> denying = new ArrayList<>();
        List<Eval> unknown = new ArrayList<>();
        for (Eval e : evals) {
            if (e.statement().effect() != Effect.DENY) {
                continue;
            }
            deny = deny.or(e.applies());
            if (e.applies() == Tri.YES) {
                denying.add(e.ref());
            } else if (e.applies() == Tri.MAYBE) {
                unknown.add(e);
            }
        }
        if (deny == Tri.YES) {
            return new EvaluationResult(Decision.EXPLICIT_DENY, denying, "reason.explicitDeny",
                    List.of(denying.get(0).label()), EnumSet.of(Decision.EXPLICIT_DENY));
        }

        // 2. allows per policy kind
        Tri scp = Tri.YES;
        for (NamedPolicy p : policies.scps()) {
            scp = scp.and(anyAllow(evals, p, unknown));
        }
        Tri endpoint = Tri.YES;
        for (NamedPolicy p : policies.vpcEndpointPolicies()) {
            endpoint = endpoint.and(anyAllow(evals, p, unknown));
        }
        Tri boundary = policies.permissionsBoundary() == null ? Tri.YES
                : anyAllow(evals, policies.permissionsBoundary(), unknown);
        Tri identity = Tri.NO;
        for (NamedPolicy p : policies.identityPolicies()) {
            identity = identity.or(anyAllow(evals, p, unknown));
        }
        if (facts.caller.type() == Caller.Type.ROOT && facts.caller.account().equals(facts.resourceAccount().isEmpty()
                ? facts.caller.account() : facts.resourceAccount())) {
            identity = Tri.YES; // the account root user has full access to its own account's resources
        }
        Tri resDirect = Tri.NO;
        Tri resRole = Tri.NO;
        Tri resAny = Tri.NO;
        if (policies.resourcePolicy() != null) {
            for (Eval e : evals) {
                if (e.policy() != policies.resourcePolicy() || e.statement().effect() != Effect.ALLOW) {
                    continue;
                }
                if (e.applies() == Tri.MAYBE) {
                    unknown.add(e);
                }
                resAny = resAny.or(e.applies());
                switch (e.grant()) {
                    // an implicit deny in a boundary does not limit a same-account resource-policy grant, except
                    // one to the role ARN (IAM User Guide: access_policies_boundaries, policy-eval-denyallow)
                    case DIRECT, WILDCARD -> resDirect = resDirect.or(e.applies());
                    case ROLE -> resRole = resRole.or(e.applies());
                    default -> { }
                }
            }
        }
        Tri identityPath = identity.and(boundary);
        boolean sameAccount = sameAccount(facts, policies);
        boolean kms = isKms(request);
        boolean anonymous = facts.caller.type() == Caller.Type.ANONYMOUS;
        Tri granted;
        if (anonymous) {
            granted = resAny;
        } else if (sameAccount && kms) {
            // the key policy must take part: it grants the caller, or allows the account so IAM policies apply
            granted = resDirect.or(resRole.and(boundary)).or(identityPath.and(resAny));
        } else if (sameAccount) {
            granted = identityPath.or(resDirect).or(resRole.and(boundary));
        } else {
            granted = identityPath.and(resAny);
        }
        Tri allowed = granted.and(scp).and(endpoint);

        if (deny == Tri.NO && allowed == Tri.YES) {
            List<StatementRef> allowing = new ArrayList<>();
            for (Eval e : evals) {
                if (e.statement().effect() == Effect.ALLOW && e.applies() == Tri.YES
                        && contributes(e, sameAccount, identityPath, resDirect, resRole, boundary)) {
                    allowing.add(e.ref());
                }
            }
            return new EvaluationResult(Decision.ALLOW, allowing, "reason.allowed", List.of(),
                    EnumSet.of(Decision.ALLOW));
        }
        if (deny == Tri.NO && allowed == Tri.NO) {
            List<String> args = List.of(request.action());
            String code = anonymous && scp != Tri.NO && endpoint != Tri.NO ? "reason.anonymousNoResourceAllow"
                    : kms && sameAccount && identityPath == Tri.YES && resAny == Tri.NO ? "reason.kmsKeyPolicyNoAllow"
                    : implicitReason(policies, sameAccount, scp, endpoint, identity, boundary, resAny);
            return new EvaluationResult(Decision.IMPLICIT_DENY, List.of(), code, args,
                    EnumSet.of(Decision.IMPLICIT_DENY));
        }
        Set<Decision> possible = EnumSet.noneOf(Decision.class);
        if (deny != Tri.NO) {
            possible.add(Decision.EXPLICIT_DENY);
        }
        if (allowed != Tri.NO) {
            possible.add(Decision.ALLOW);
        }
        if (allowed != Tri.YES) {
            possible.add(Decision.IMPLICIT_DENY);
        }
        List<StatementRef> refs = unknown.stream().map(Eval::ref).distinct().toList();
        StatementRef first = refs.isEmpty() ? null : refs.get(0);
        List<String> args = first == null ? List.of()
                : List.of(first.kind().label(), first.label(), first.policyName() == null ? "" : first.policyName());
        return new EvaluationResult(Decision.UNKNOWN, refs, first == null ? "reason.unknown" : "reason.unknownStatement",
                args, possible);
    }

    private static boolean contributes(Eval e, boolean sameAccount, Tri identityPath, Tri resDirect, Tri resRole,
                                       Tri boundary) {
        return switch (e.policy().kind()) {
            case IDENTITY -> identityPath == Tri.YES;
            case PERMISSIONS_BOUNDARY -> identityPath == Tri.YES || resRole == Tri.YES;
            case RESOURCE -> true;
            default -> true;
        };
    }

    private static String implicitReason(PolicySet policies, boolean sameAccount, Tri scp, Tri endpoint, Tri identity,
                                         Tri boundary, Tri resAny) {
        if (scp == Tri.NO) {
            return "reason.noScpAllow";
        }
        if (endpoint == Tri.NO) {
            return "reason.noEndpointAllow";
        }
        if (identity == Tri.YES && boundary == Tri.NO) {
            return "reason.noBoundaryAllow";
        }
        if (!sameAccount) {
            if (resAny == Tri.NO) {
                return policies.resourcePolicy() == null ? "reason.crossAccountNoResourcePolicy"
                        : "reason.noResourceAllow";
            }
            return "reason.noIdentityAllow";
        }
        if (policies.resourcePolicy() != null) {
            return boundary == Tri.NO && resAny != Tri.NO ? "reason.noBoundaryAllow" : "reason.noIdentityOrResourceAllow";
        }
        return "reason.noIdentityAllow";
    }

    private static boolean isKms(AccessRequest request) {
        return request.action().regionMatches(true, 0, "kms:", 0, 4);
    }

    private static boolean sameAccount(RequestFacts facts, PolicySet policies) {
        String resAccount = facts.resourceAccount();
        return resAccount.isEmpty() || resAccount.equals(facts.caller.account());
    }

    private static Tri anyAllow(List<Eval> evals, NamedPolicy p, List<Eval> unknown) {
        Tri any = Tri.NO;
        for (Eval e : evals) {
            if (e.policy() == p && e.statement().effect() == Effect.ALLOW) {
                any = any.or(e.applies());
                if (e.applies() == Tri.MAYBE) {
                    unknown.add(e);
                }
            }
        }
        return any;
    }

    Eval evaluateStatement(NamedPolicy p, Statement s, RequestFacts facts) {
        AccessRequest r = facts.request;
        PrincipalMatcher.Grant grant = PrincipalMatcher.Grant.NONE;
        // action
        boolean actionHit = false;
        for (String a : s.actions()) {
            if (Wildcards.actionMatches(a, r.action())) {
                actionHit = true;
                break;
            }
        }
        if (actionHit == s.notAction()) {
            return new Eval(p, s, Tri.NO, Judgement.no(s.notAction() ? "why.notActionExcludes" : "why.actionMismatch",
                    r.action()), grant);
        }
        // resource
        boolean variables = "2012-10-17".equals(p.document().version());
        Tri resource = Tri.YES;
        if (s.resources() != null) {
            Tri hit = Tri.NO;
            for (String pattern : s.resources()) {
                ConditionEvaluator.Resolved res = variables ? ConditionEvaluator.substitute(pattern, facts, true)
                        : new ConditionEvaluator.Resolved(pattern, false);
                if (res.unknown()) {
                    hit = hit.or(Tri.MAYBE);
                } else if (res.value() != null && Wildcards.arnMatches(res.value(), r.resourceArn())) {
                    hit = Tri.YES;
                    break;
                }
            }
            resource = s.notResource() ? hit.not() : hit;
        }
        if (resource == Tri.NO) {
            return new Eval(p, s, Tri.NO, Judgement.no(s.notResource() ? "why.notResourceExcludes" : "why.resourceMismatch",
                    r.resourceArn()), grant);
        }
        // principal
        Tri principal = Tri.YES;
        Judgement principalWhy = null;
        if (p.kind().hasPrincipals()) {
            if (s.principal() != null) {
                PrincipalMatcher.Match m = PrincipalMatcher.match(s.principal(), facts.caller);
                grant = m.grant();
                if (grant == PrincipalMatcher.Grant.NONE) {
                    return new Eval(p, s, Tri.NO, Judgement.no("why.principalMismatch", r.principalArn()), grant);
                }
                principalWhy = Judgement.yes("why.principalNamed", m.value());
            } else if (s.notPrincipal() != null) {
                if (s.effect() == Effect.DENY && facts.hasBoundary) {
                    principalWhy = Judgement.yes("why.notPrincipalWithBoundary");
                } else {
                    Tri excluded = PrincipalMatcher.excluded(s.notPrincipal(), facts.caller);
                    principal = excluded.not();
                    if (principal == Tri.NO) {
                        return new Eval(p, s, Tri.NO, Judgement.no("why.notPrincipalExcludes", r.principalArn()), grant);
                    }
                    if (principal == Tri.MAYBE) {
                        principalWhy = Judgement.maybe("why.notPrincipalPartial", r.principalArn());
                    } else {
                        principalWhy = Judgement.yes("why.notPrincipalApplies", r.principalArn());
                    }
                }
                grant = PrincipalMatcher.Grant.WILDCARD;
            } else if (p.kind() == PolicyKind.VPC_ENDPOINT) {
                grant = PrincipalMatcher.Grant.WILDCARD; // endpoint policies default to all principals
            } else {
                return new Eval(p, s, Tri.NO, Judgement.no("why.noPrincipalElement"), grant);
            }
        }
        // conditions
        Judgement cond = s.conditions().isEmpty() ? Judgement.yes("why.noConditions")
                : ConditionEvaluator.evaluate(s.conditions(), facts, variables);
        Tri applies = resource.and(principal).and(cond.tri());
        Judgement why;
        if (applies == Tri.NO) {
            why = cond.tri() == Tri.NO ? cond : Judgement.no("why.resourceMismatch", r.resourceArn());
        } else if (applies == Tri.MAYBE) {
            why = cond.tri() == Tri.MAYBE ? cond
                    : principal == Tri.MAYBE ? principalWhy : Judgement.maybe("why.resourceVariableUnknown", r.resourceArn());
        } else {
            String matched = s.effect() == Effect.DENY ? "why.denyMatched" : "why.allowMatched";
            List<String> args = new ArrayList<>();
            args.add(r.action());
            args.add(r.resourceArn());
            args.add(principalWhy == null || principalWhy.args().isEmpty() ? r.principalArn() : principalWhy.args().get(0));
            if (principalWhy != null && principalWhy.code().equals("why.notPrincipalWithBoundary")) {
                matched = "why.notPrincipalWithBoundary";
            } else if (!s.conditions().isEmpty()) {
                matched = matched + "WithConditions";
            }
            why = new Judgement(Tri.YES, matched, args);
        }
        return new Eval(p, s, applies, why, grant);
    }
}
