package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.JSON;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.nz;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.pretty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.AccessQuestion;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.Decision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicyDecision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicySource;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.policy.KubeletPull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ECR family: the image in the repository ({@code ecr:DescribeImages}) and the repository policy judged for the
 * kubelet's session; the policy fix is {@link dev.pullfix.model.policy.PullFixProposal}'s minimal edit.
 */
public final class EcrChecks {
    private EcrChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("ecr.image", EcrChecks::ecrImage);
        r.register("ecr.repository-policy", EcrChecks::ecrRepositoryPolicy);
    }

    static CheckOutcome ecrImage(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", ref.domain())).build();
        }
        String id = ref.digest() != null ? ref.digest() : ref.tag();
        EcrImageLookup l = f.ecrImage(repo.get(), id);
        String idText = ref.digest() != null ? "imageDigest=" + ref.digest() : "imageTag=" + ref.tag();
        switch (l.status()) {
            case FOUND: {
                return CheckOutcome.ok(Finding.of("ecrImageFound", repo.get().name(), id, l.detail().imageDigest()))
                        .evidence(Evidence.text(Show.JSON, "evidence.describeImages", describeImagesJson(l.detail())))
                        .build();
            }
            case IMAGE_NOT_FOUND: {
                String text = "An error occurred (ImageNotFoundException) when calling the DescribeImages operation: "
                        + "The image with imageId {" + idText + "} does not exist within the repository with name '"
                        + repo.get().name() + "' in the registry with id '" + repo.get().account() + "'";
                CheckOutcome.Builder b = CheckOutcome.problem(Finding.cause("TAG_NOT_FOUND", "ecrTagMissing",
                                repo.get().name(), id, String.join(", ", l.recentTags())))
                        .evidence(Evidence.text(Show.TEXT, "evidence.describeImages", text));
                if (!l.recentTags().isEmpty()) {
                    b.evidence(Evidence.table(Show.TABLE, "evidence.recentTags", List.of("TAG"),
                            l.recentTags().stream().map(List::of).toList()));
                    b.fix(Proposals.tagChange(f, l.recentTags()));
                }
                b.fix(FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("EcrRepository", repo.get().name(),
                        repo.get().account() + "/" + repo.get().region()), "fix.pushImage", ref.normalized()));
                return b.build();
            }
            default: {
                String text = "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: "
                        + "The repository with name '" + repo.get().name() + "' does not exist in the registry with id '"
                        + repo.get().account() + "'";
                return CheckOutcome.problem(Finding.cause("REPO_NOT_FOUND_OR_NO_AUTH", "ecrRepositoryMissing",
                                repo.get().name(), repo.get().account(), repo.get().region()))
                        .evidence(Evidence.text(Show.TEXT, "evidence.describeImages", text))
                        .fix(Proposals.imageReferenceChange(f.container(), f.pod()))
                        .build();
            }
        }
    }

    static CheckOutcome ecrRepositoryPolicy(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        Optional<String> policy = f.repositoryPolicy(repo.get());
        RoleRef role = null;
        try {
            role = f.nodeRole().orElse(null);
        } catch (CouldNotCheckException e) {
            // without the node role we can still show the policy and flag denies for anyone
        }
        boolean crossAccount = role != null && role.account() != null && !role.account().equals(repo.get().account());
        if (policy.isEmpty()) {
            String text = "An error occurred (RepositoryPolicyNotFoundException) when calling the GetRepositoryPolicy "
                    + "operation: Repository policy does not exist for the repository with name '" + repo.get().name()
                    + "' in the registry with id '" + repo.get().account() + "'";
            Evidence ev = Evidence.text(Show.TEXT, "evidence.repositoryPolicy", text);
            if (crossAccount) {
                return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "crossAccountNeedsRepositoryPolicy",
                                repo.get().name(), role.account()))
                        .evidence(ev).fix(FixProposal.EcrPolicyEdit.of(repo.get(), null, null, role, true)).build();
            }
            return CheckOutcome.ok(Finding.of("noRepositoryPolicy", repo.get().name())).evidence(ev).build();
        }
        Evidence policyEv = Evidence.text(Show.JSON, "evidence.repositoryPolicy", pretty(policy.get()));
        if (role == null) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.NOT_FOUND, "node role not resolved"))
                    .withEvidence(List.of(policyEv));
        }
        String principal = IamChecks.sessionArn(role, f);
        List<PolicySource> src = List.of(new PolicySource("repository policy " + repo.get().name(),
                PolicySource.Kind.RESOURCE, policy.get()));
        List<List<String>> rows = new ArrayList<>();
        PolicyJudge.DecidingStatement denying = null;
        boolean anyAllow = false;
        boolean unknown = false;
        for (String action : KubeletPull.repositoryActions()) {
            PolicyDecision d = f.judge().judge(new AccessQuestion(principal, action, repo.get().arn()), src);
            rows.add(List.of(action, d.decision().name(), d.deciding().isEmpty() ? "" : nz(d.deciding().get(0).sid())));
            if (d.decision() == Decision.EXPLICIT_DENY && denying == null && !d.deciding().isEmpty()) {
                denying = d.deciding().get(0);
            }
            anyAllow |= d.decision() == Decision.ALLOW;
            unknown |= d.decision() == Decision.UNKNOWN;
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(policyEv);
        ev.add(Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions", List.of("ACTION", "DECISION", "STATEMENT"), rows));
        if (denying != null) {
            if (denying.json() != null) {
                ev.add(Evidence.text(Show.POLICY_STATEMENTS, "evidence.decidingStatement", denying.json()));
            }
            return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "repositoryPolicyDenies", repo.get().name(),
                            nz(denying.sid()), role.name()))
                    .fix(FixProposal.EcrPolicyEdit.of(repo.get(), policy.get(), denying.sid(), role, crossAccount))
                    .build().withEvidence(ev);
        }
        if (unknown) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, "policy evaluation undecided"))
                    .withEvidence(ev);
        }
        if (crossAccount && !anyAllow) {
            return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "crossAccountNeedsRepositoryPolicy",
                            repo.get().name(), role.account()))
                    .fix(FixProposal.EcrPolicyEdit.of(repo.get(), policy.get(), null, role, true)).build().withEvidence(ev);
        }
        return CheckOutcome.ok(Finding.of(anyAllow ? "repositoryPolicyAllows" : "repositoryPolicyNeutral",
                repo.get().name(), role.name())).build().withEvidence(ev);
    }

    static String describeImagesJson(EcrImageLookup.Detail d) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode img = root.putArray("imageDetails").addObject();
        img.put("registryId", d.registryId());
        img.put("repositoryName", d.repositoryName());
        img.put("imageDigest", d.imageDigest());
        ArrayNode tags = img.putArray("imageTags");
        d.imageTags().forEach(tags::add);
        img.put("imageSizeInBytes", d.imageSizeInBytes());
        if (d.imagePushedAt() != null) {
            img.put("imagePushedAt", d.imagePushedAt().toString());
        }
        if (d.imageManifestMediaType() != null) {
            img.put("imageManifestMediaType", d.imageManifestMediaType());
        }
        if (d.artifactMediaType() != null) {
            img.put("artifactMediaType", d.artifactMediaType());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            return root.toString();
        }
    }
}
