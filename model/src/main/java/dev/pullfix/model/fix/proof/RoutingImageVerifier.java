package dev.pullfix.model.fix.proof;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.diagnosis.runbook.port.AwsPort;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.registry.ClientRegistryPort;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.Platform;
import dev.pullfix.model.registry.RegistryFailure;
import dev.pullfix.model.registry.TagRanking;
import java.util.List;

/**
 * Private ECR images through the ECR API ({@code ecr:DescribeImages} in the user's session: it tells a missing tag
 * from a missing repository and lists the recent tags); every other registry through its own HTTP API with the pod's
 * pull secrets ({@link ClientRegistryPort}). Either port may be null: that side then cannot be checked.
 */
public final class RoutingImageVerifier implements ImageVerifier {
    private final ClientRegistryPort registry;
    private final AwsPort aws;

    public RoutingImageVerifier(ClientRegistryPort registry, AwsPort aws) {
        this.registry = registry;
        this.aws = aws;
    }

    @Override
    public ImageCheckResult verify(String image, String namespace, List<String> pullSecretNames, Platform node)
            throws CouldNotCheckException {
        ImageReference ref = ClientRegistryPort.parse(image);
        Registry r = ref.registry();
        if (r.isEcrPrivate()) {
            if (aws == null) {
                throw CouldNotCheckException.of(CouldNotCheckException.Reason.NO_CREDENTIALS, "no AWS session for ECR");
            }
            return ecr(ref, r);
        }
        if (registry == null) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_SUPPORTED, "no registry client");
        }
        return registry.check(image, namespace, pullSecretNames, node);
    }

    private static String text(String key, Object... args) {
        return dev.pullfix.model.text.Texts.english().render(dev.pullfix.model.text.Message.of("registry", key, args));
    }

    private ImageCheckResult ecr(ImageReference ref, Registry r) throws CouldNotCheckException {
        String id = ref.digest() != null ? ref.digest() : ref.tag();
        EcrImageLookup l = aws.describeImage(new EcrRepositoryRef(r.account(), r.region(), ref.repository(),
                r.partition()), id);
        String endpoint = "https://" + ref.domain();
        String source = text("source.ecrDescribeImages");
        return switch (l.status()) {
            case FOUND -> new ImageCheckResult(ref.normalized(), r.kind(), endpoint, true, true, null, null,
                    source, l.detail() == null ? null : l.detail().imageDigest(), List.of(),
                    null, null, null, List.of(), false, null, null);
            case IMAGE_NOT_FOUND -> new ImageCheckResult(ref.normalized(), r.kind(), endpoint, true, false, null, null,
                    source, null, List.of(), null, null, null,
                    TagRanking.nearest(ref.digest() != null ? null : ref.tag(), l.recentTags(), 10), true,
                    new RegistryFailure(RegistryFailure.Kind.MANIFEST_UNKNOWN, 400, List.of("ImageNotFoundException"),
                            text("ecr.imageNotFound", (ref.digest() != null ? "imageDigest:" : "imageTag:") + id,
                                    ref.repository())),
                    PullFailureCategory.TAG_NOT_FOUND);
            case REPOSITORY_NOT_FOUND -> new ImageCheckResult(ref.normalized(), r.kind(), endpoint, false, false, null,
                    null, source, null, List.of(), null, null, null, List.of(), false,
                    new RegistryFailure(RegistryFailure.Kind.NAME_UNKNOWN, 400, List.of("RepositoryNotFoundException"),
                            text("ecr.repositoryNotFound", ref.repository(), r.account())),
                    PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH);
        };
    }
}
