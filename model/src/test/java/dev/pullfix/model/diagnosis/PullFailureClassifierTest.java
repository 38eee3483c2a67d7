package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.RegistryKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullFailureClassifierTest {

    private static final PullFailureClassifier CLASSIFIER = PullFailureClassifier.withBuiltInRules();
    private static final String ECR_403 = "Failed to pull image \"682844965773.dkr.ecr.us-west-2.amazonaws.com/"
            + "retail-sample-app-ui:0.4.0\": failed to pull and unpack image \"682844965773.dkr.ecr.us-west-2"
            + ".amazonaws.com/retail-sample-app-ui:0.4.0\": failed to resolve reference \"682844965773.dkr.ecr"
            + ".us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": unexpected status from HEAD request to "
            + "https://682844965773.dkr.ecr.us-west-2.amazonaws.com/v2/retail-sample-app-ui/manifests/0.4.0: "
            + "403 Forbidden";

    @Test
    void givesTheEcrFactsOfAnEcrFailure() {
        PullFailure f = CLASSIFIER.classifyMessage(ECR_403);
        assertThat(f.registryKind()).isEqualTo(RegistryKind.ECR_PRIVATE);
        assertThat(f.account()).isEqualTo("682844965773");
        assertThat(f.region()).isEqualTo("us-west-2");
        assertThat(f.ecrRepositoryArn()).isEqualTo("arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui");
        assertThat(f.normalizedImage()).isEqualTo("682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0");
        assertThat(f.quoted()).startsWith("failed to pull and unpack image").endsWith("403 Forbidden");
        assertThat(f.nextChecks()).first().isEqualTo("check.repository-policy");
    }

    @Test
    void stripsTheRpcWrapperFromTheQuotedError() {
        PullFailure f = CLASSIFIER.classifyMessage("Failed to pull image \"nginx:foo\": rpc error: code = NotFound "
                + "desc = failed to pull and unpack image \"docker.io/library/nginx:foo\": failed to resolve reference "
                + "\"docker.io/library/nginx:foo\": docker.io/library/nginx:foo: not found");
        assertThat(f.grpcCode()).isEqualTo("NotFound");
        assertThat(f.quoted()).startsWith("failed to pull and unpack image \"docker.io/library/nginx:foo\"");
    }

    @Test
    void theSpecificFailedEventWinsWhateverTheOrderOfEvents() {
        List<KubeletEvent> events = List.of(
                KubeletEvent.failed("Error: ImagePullBackOff"),
                new KubeletEvent("Normal", "BackOff", "Back-off pulling image \"nginx:foo\"", 7, null, null, "kubelet"),
                KubeletEvent.failed("Error: ErrImagePull"),
                KubeletEvent.failed("Failed to pull image \"nginx:foo\": rpc error: code = NotFound desc = failed to "
                        + "pull and unpack image \"docker.io/library/nginx:foo\": failed to resolve reference "
                        + "\"docker.io/library/nginx:foo\": docker.io/library/nginx:foo: not found"));
        assertThat(CLASSIFIER.classify("ImagePullBackOff", events).category())
                .isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
        assertThat(CLASSIFIER.classify("ImagePullBackOff", reversed(events)).category())
                .isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
    }

    private static List<KubeletEvent> reversed(List<KubeletEvent> events) {
        List<KubeletEvent> copy = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void theMostRecentSpecificEventWinsWhenTimestampsAreKnown() {
        Instant earlier = Instant.parse("2026-01-01T10:00:00Z");
        Instant later = Instant.parse("2026-01-01T10:05:00Z");
        KubeletEvent dns = new KubeletEvent("Warning", "Failed", "Failed to pull image \"nginx:1\": rpc error: code = "
                + "Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup "
                + "registry-1.docker.io on 10.0.0.2:53: no such host", 3, earlier, earlier, "kubelet");
        KubeletEvent tag = new KubeletEvent("Warning", "Failed", "Failed to pull image \"nginx:1\": rpc error: code = "
                + "NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1\": failed to resolve "
                + "reference \"docker.io/library/nginx:1\": docker.io/library/nginx:1: not found", 1, later, later,
                "kubelet");
        assertThat(CLASSIFIER.classify(null, List.of(dns, tag)).category()).isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
        assertThat(CLASSIFIER.classify(null, List.of(tag, dns)).category()).isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
    }

    @Test
    void onlyStatusEventsGiveOtherWithTheImageFromTheBackOff() {
        PullFailure f = CLASSIFIER.classify("ImagePullBackOff", List.of(
                KubeletEvent.failed("Error: ErrImagePull"),
                new KubeletEvent("Normal", "BackOff", "Back-off pulling image \"ghcr.io/acme/api:2\"", 3, null, null,
                        "kubelet")));
        assertThat(f.category()).isEqualTo(PullFailureCategory.OTHER);
        assertThat(f.rule()).isEqualTo("pull-status-only");
        assertThat(f.registry()).isEqualTo("ghcr.io");
        assertThat(f.repository()).isEqualTo("acme/api");
    }

    @Test
    void theWaitingReasonAloneNamesAnInvalidImageWithItsPreciseProblem() {
        PullFailure f = CLASSIFIER.classify("InvalidImageName", List.of(
                new KubeletEvent("Normal", "Pulling", "Pulling image \"Acme/API:1\"", 1, null, null, "kubelet")));
        assertThat(f.category()).isEqualTo(PullFailureCategory.INVALID_IMAGE_NAME);
        assertThat(f.imageProblem()).isEqualTo(InvalidImageReferenceException.Reason.UPPERCASE);
        assertThat(PullFailureText.forLanguage("en").summary(f)).contains("Acme/API:1")
                .contains("the repository name must be lowercase");
    }

    @Test
    void neverPullFromTheWaitingReasonWithoutEvents() {
        PullFailure f = CLASSIFIER.classify("ErrImageNeverPull", List.of());
        assertThat(f.category()).isEqualTo(PullFailureCategory.NEVER_PULL);
        assertThat(f.event()).isNull();
    }

    @Test
    void noEventsAndNoReasonIsOtherWithoutEvidence() {
        PullFailure f = CLASSIFIER.classify(null, null);
        assertThat(f.category()).isEqualTo(PullFailureCategory.OTHER);
        assertThat(f.summaryCode()).isEqualTo("summary.no-evidence");
    }

    @Test
    void anUnknownMessageIsOtherAndKeepsTheQuotedText() {
        PullFailure f = CLASSIFIER.classifyMessage("Failed to pull image \"acme/api:1\": something new happened");
        assertThat(f.category()).isEqualTo(PullFailureCategory.OTHER);
        assertThat(f.rule()).isEqualTo(PullFailureClassifier.NO_MATCH);
        assertThat(f.quoted()).isEqualTo("something new happened");
        assertThat(f.repository()).isEqualTo("acme/api");
    }

    @Test
    void kubeletPullQpsSummarySaysTheThrottleIsLocal() {
        PullFailure f = CLASSIFIER.classifyMessage("Failed to pull image \"a.b.c/image-0.1\": pull QPS exceeded");
        assertThat(f.category()).isEqualTo(PullFailureCategory.RATE_LIMITED);
        assertThat(f.httpStatus()).isNull();
        assertThat(PullFailureText.forLanguage("en").summary(f)).contains("local").contains("registryPullQPS");
        assertThat(PullFailureText.forLanguage("ja").summary(f)).contains("ノード側");
    }

    /**
     * EKS add-on images come from 602401143452 except in the opt-in regions, which have their own registry accounts
     * (EKS user guide, "View Amazon container image registries for Amazon EKS add-ons", incl. ap-east-2 and
     * ap-southeast-6): the same 403 from 602401143452 means "no such repository here" there, a policy denial elsewhere.
     */
    @Test
    void eksAddOnAccountInAnOptInRegionIsNoSuchRepositoryNotAPolicyDenial() {
        for (String region : List.of("ap-east-2", "ap-southeast-6", "ap-southeast-4", "af-south-1")) {
            assertThat(CLASSIFIER.classifyMessage(ECR_403.replace("682844965773", "602401143452")
                    .replace("us-west-2", region)).category()).as(region)
                    .isEqualTo(PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH);
        }
        assertThat(CLASSIFIER.classifyMessage(ECR_403.replace("682844965773", "602401143452")).category())
                .isEqualTo(PullFailureCategory.FORBIDDEN_POLICY);
    }

    @Test
    void summariesRenderInEnglishAndJapaneseWithoutPlaceholdersLeft() {
        PullFailure f = CLASSIFIER.classifyMessage(ECR_403);
        String en = PullFailureText.forLanguage("en").summary(f);
        String ja = PullFailureText.forLanguage("ja").summary(f);
        assertThat(en).contains("403").contains("retail-sample-app-ui").doesNotContain("{");
        assertThat(ja).contains("403").contains("retail-sample-app-ui").doesNotContain("{")
                .startsWith("ECR（682844965773.dkr.ecr");
        assertThat(PullFailureText.forLanguage("ja").nextChecks(f)).allSatisfy(c -> assertThat(c).isNotBlank()
                .doesNotStartWith("check."));
        assertThat(PullFailureText.forLanguage("ja").category(f.category())).isEqualTo("ポリシーで拒否");
    }

    @Test
    void aSummaryWithUnknownPartsUsesLocalisedPlaceholders() {
        PullFailure f = CLASSIFIER.classifyMessage("Error: InvalidImageName");
        assertThat(f.category()).isEqualTo(PullFailureCategory.INVALID_IMAGE_NAME);
        assertThat(PullFailureText.forLanguage("en").summary(f)).startsWith("The image reference the image")
                .doesNotContain("null");
    }
}
