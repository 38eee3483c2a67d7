package dev.pullfix.model.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Statement;

/** {@link IamGateway} over the SDK's IAM client (query protocol, XML answers, region aws-global). */
final class SdkIamGateway implements IamGateway {
    private static final int MAX_PAGES = 20;

    private final AwsSession session;
    private final java.util.function.Supplier<IamClient> iamClient;

    SdkIamGateway(AwsSession session, java.util.function.Supplier<IamClient> iamClient) {
        this.session = session;
        this.iamClient = iamClient;
    }

    /**
     * GetRole, ListAttachedRolePolicies and ListRolePolicies at once, then every policy document at once (each
     * managed one: GetPolicy, then GetPolicyVersion): three round trips deep instead of one per call.
     */
    @Override
    public AwsResult<RolePolicies> rolePolicies(String role) {
        String name = RoleArns.roleName(role);
        CompletableFuture<AwsResult<Role>> gotLater = session.async(() ->
                session.call("iam", "GetRole", () -> iamClient.get().getRole(r -> r.roleName(name)).role()));
        CompletableFuture<AwsResult<List<AttachedPolicy>>> attachedLater = session.async(() ->
                session.call("iam", "ListAttachedRolePolicies", () -> {
                    List<AttachedPolicy> all = new ArrayList<>();
                    int pages = 0;
                    for (var page : iamClient.get().listAttachedRolePoliciesPaginator(r -> r.roleName(name))) {
                        all.addAll(page.attachedPolicies());
                        if (++pages >= MAX_PAGES) {
                            break;
                        }
                    }
                    return all;
                }));
        CompletableFuture<AwsResult<List<String>>> inlineLater = session.async(() ->
                session.call("iam", "ListRolePolicies", () -> {
                    List<String> all = new ArrayList<>();
                    int pages = 0;
                    for (var page : iamClient.get().listRolePoliciesPaginator(r -> r.roleName(name))) {
                        all.addAll(page.policyNames());
                        if (++pages >= MAX_PAGES) {
                            break;
                        }
                    }
                    return all;
                }));
        AwsResult<Role> got = gotLater.join();
        List<AwsProblem> problems = new ArrayList<>();
        String roleArn = RoleArns.isRoleArn(role) ? role : null;
        CompletableFuture<PolicyDocumentRef> boundaryLater = null;
        if (got.isOk()) {
            roleArn = got.value().arn();
            var pb = got.value().permissionsBoundary();
            if (pb != null && pb.permissionsBoundaryArn() != null) {
                boundaryLater = session.async(() -> managedDocument(PolicyDocumentRef.Source.PERMISSIONS_BOUNDARY,
                        pb.permissionsBoundaryArn(), nameOf(pb.permissionsBoundaryArn())));
            }
        } else if (got.problem().orElseThrow().kind() == AwsProblem.Kind.NOT_FOUND
                || got.problem().orElseThrow().isCredentialProblem()) {
            return AwsResult.failed(got.problem().orElseThrow());
        } else {
            // without iam:GetRole the boundary stays unknown; the lists may still work
            problems.add(got.problem().orElseThrow());
        }

        AwsResult<List<AttachedPolicy>> attachedList = attachedLater.join();
        List<CompletableFuture<PolicyDocumentRef>> attachedLaters = new ArrayList<>();
        if (attachedList.isOk()) {
            for (AttachedPolicy ap : attachedList.value()) {
                attachedLaters.add(session.async(() -> managedDocument(PolicyDocumentRef.Source.ATTACHED_MANAGED,
                        ap.policyArn(), ap.policyName())));
            }
        } else {
            if (attachedList.problem().orElseThrow().kind() == AwsProblem.Kind.NOT_FOUND) {
                return AwsResult.failed(attachedList.problem().orElseThrow());
            }
            problems.add(attachedList.problem().orElseThrow());
        }

        AwsResult<List<String>> inlineNames = inlineLater.join();
        List<CompletableFuture<PolicyDocumentRef>> inlineLaters = new ArrayList<>();
        if (inlineNames.isOk()) {
            for (String policyName : inlineNames.value()) {
                inlineLaters.add(session.async(() -> {
                    AwsResult<String> doc = session.call("iam", "GetRolePolicy", () -> decode(iamClient.get()
                            .getRolePolicy(r -> r.roleName(name).policyName(policyName)).policyDocument()));
                    return new PolicyDocumentRef(PolicyDocumentRef.Source.INLINE, policyName, null, null,
                            doc.orElse(null), doc.problem().orElse(null));
                }));
            }
        } else {
            problems.add(inlineNames.problem().orElseThrow());
        }
        List<PolicyDocumentRef> attached = attachedLaters.stream().map(CompletableFuture::join).toList();
        List<PolicyDocumentRef> inline = inlineLaters.stream().map(CompletableFuture::join).toList();
        PolicyDocumentRef boundary = boundaryLater == null ? null : boundaryLater.join();
        if (roleArn == null) {
            roleArn = role;
        }
        return AwsResult.ok(new RolePolicies(name, roleArn, attached, inline, boundary, problems));
    }

    private PolicyDocumentRef managedDocument(PolicyDocumentRef.Source source, String arn, String name) {
        AwsResult<String> version = session.call("iam", "GetPolicy", () ->
                iamClient.get().getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId());
        if (!version.isOk()) {
            return new PolicyDocumentRef(source, name, arn, null, null, version.problem().orElseThrow());
        }
        String v = version.value();
        AwsResult<String> doc = session.call("iam", "GetPolicyVersion", () -> decode(iamClient.get().getPolicyVersion(r ->
                r.policyArn(arn).versionId(v)).policyVersion().document()));
        return new PolicyDocumentRef(source, name, arn, v, doc.orElse(null), doc.problem().orElse(null));
    }

    @Override
    public AwsResult<InstanceProfileInfo> instanceProfile(String nameOrArn) {
        String name = nameOrArn.contains(":instance-profile/")
                ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        return session.call("iam", "GetInstanceProfile", () -> {
            var ip = iamClient.get().getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
            return new InstanceProfileInfo(ip.instanceProfileName(), ip.arn(),
                    ip.roles().stream().map(Role::arn).toList());
        });
    }

    @Override
    public AwsResult<List<SimulationResult>> simulatePrincipalPolicy(String principalArn, List<String> actions,
                                                                     List<String> resourceArns,
                                                                     Map<String, List<String>> context) {
        String source = principalArn;
        if (RoleArns.isSessionArn(principalArn)) {
            // the simulator takes the role, not the session; the role ARN (with its path) comes from GetRole
            String roleName = RoleArns.roleName(principalArn);
            AwsResult<String> arn = session.call("iam", "GetRole", () -> iamClient.get().getRole(r -> r.roleName(roleName)).role().arn());
            if (!arn.isOk()) {
                return AwsResult.failed(arn.problem().orElseThrow());
            }
            source = arn.value();
        }
        List<ContextEntry> entries = new ArrayList<>();
        context.forEach((k, v) -> entries.add(ContextEntry.builder().contextKeyName(k).contextKeyValues(v)
                .contextKeyType(typeOf(k, v)).build()));
        String policySource = source;
        return session.call("iam", "SimulatePrincipalPolicy", () -> {
            List<SimulationResult> out = new ArrayList<>();
            int pages = 0;
            for (var page : iamClient.get().simulatePrincipalPolicyPaginator(r -> r.policySourceArn(policySource)
                    .actionNames(actions).resourceArns(resourceArns.isEmpty() ? null : resourceArns)
                    .contextEntries(entries.isEmpty() ? null : entries))) {
                for (EvaluationResult e : page.evaluationResults()) {
                    out.add(result(e));
                }
                if (++pages >= MAX_PAGES) {
                    break;
                }
            }
            return out;
        });
    }

    private static SimulationResult result(EvaluationResult e) {
        List<SimulationResult.MatchedStatement> matched = new ArrayList<>();
        for (Statement s : e.matchedStatements()) {
            matched.add(new SimulationResult.MatchedStatement(s.sourcePolicyId(), s.sourcePolicyTypeAsString(),
                    s.startPosition() == null ? null : s.startPosition().line(),
                    s.startPosition() == null ? null : s.startPosition().column(),
                    s.endPosition() == null ? null : s.endPosition().line(),
                    s.endPosition() == null ? null : s.endPosition().column()));
        }
        Boolean boundary = e.permissionsBoundaryDecisionDetail() == null ? null
                : e.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary();
        return new SimulationResult(e.evalActionName(), e.evalResourceName(), e.evalDecisionAsString(), matched,
                e.hasMissingContextValues() ? e.missingContextValues() : List.of(), boundary);
    }

    private static ContextKeyTypeEnum typeOf(String key, List<String> values) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean list = values.size() > 1;
        if (k.equals("aws:sourceip")) {
            return list ? ContextKeyTypeEnum.IP_LIST : ContextKeyTypeEnum.IP;
        }
        if (k.equals("aws:securetransport") || k.equals("aws:multifactorauthpresent")
                || k.equals("aws:viaawsservice")) {
            return list ? ContextKeyTypeEnum.BOOLEAN_LIST : ContextKeyTypeEnum.BOOLEAN;
        }
        return list ? ContextKeyTypeEnum.STRING_LIST : ContextKeyTypeEnum.STRING;
    }

    /** IAM returns policy documents URL-encoded (RFC 3986). */
    static String decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        String t = encoded.trim();
        if (t.startsWith("{")) {
            return t; // already plain (some stubs and older tools)
        }
        return URLDecoder.decode(t, StandardCharsets.UTF_8);
    }

    private static String nameOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
