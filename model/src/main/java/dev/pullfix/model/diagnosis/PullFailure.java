package dev.pullfix.model.diagnosis;

import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.RegistryKind;
import java.util.List;
import java.util.Objects;

/**
 * The classifier's verdict on one container's pull failure: the cause and its evidence. Display text is not here:
 * {@link #summaryCode()} and {@link #summaryArgs()} name a message in the {@code classifier} bundle, and
 * {@link #nextChecks()} are check codes in the same bundle (render with {@link PullFailureText}).
 *
 * @param category      the cause
 * @param rule          name of the rule that decided, or a {@code waiting-reason:*} / {@code no-match} marker
 * @param image         the image as written in the event (raw), or null
 * @param normalizedImage the normalised reference ({@code docker.io/library/nginx:latest}), or null
 * @param registry      registry host, or null
 * @param registryKind  recognised registry kind, or null
 * @param repository    repository path inside the registry, or null
 * @param tag           tag, or null
 * @param digest        digest, or null
 * @param httpStatus    HTTP status the registry answered (stated, or implied by the wording), or null
 * @param grpcCode      CRI gRPC code from the {@code rpc error} wrapper, or null
 * @param quoted        the error text the decision rests on
 * @param account       AWS account of a private ECR registry, or null
 * @param region        AWS region of a private ECR registry, or null
 * @param ecrRepositoryArn ARN of the ECR repository, or null
 * @param imageProblem  why the image reference is malformed (INVALID_IMAGE_NAME), or null
 * @param summaryCode   bundle key of the one-sentence summary ({@code summary.<rule summary>})
 * @param summaryArgs   arguments: 0 image, 1 registry, 2 repository, 3 tag or digest, 4 HTTP status, 5 account,
 *                      6 region, 7 image-problem code; empty strings when unknown
 * @param nextChecks    bundle keys of the next checks, most useful first
 * @param event         the event the decision rests on, or null when it came from the waiting reason alone
 */
public record PullFailure(PullFailureCategory category, String rule, String image, String normalizedImage,
                          String registry, RegistryKind registryKind, String repository, String tag, String digest,
                          Integer httpStatus, String grpcCode, String quoted, String account, String region,
                          String ecrRepositoryArn, InvalidImageReferenceException.Reason imageProblem,
                          String summaryCode, List<String> summaryArgs, List<String> nextChecks,
                          KubeletEvent event) {

    public PullFailure {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(summaryCode, "summaryCode");
        summaryArgs = List.copyOf(summaryArgs);
        nextChecks = List.copyOf(nextChecks);
    }
}
