package dev.pullfix.model.diagnosis.runbook.port;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code ecr:DescribeImages}.
 *
 * @param status     FOUND, IMAGE_NOT_FOUND (ImageNotFoundException) or REPOSITORY_NOT_FOUND (RepositoryNotFoundException)
 * @param detail     the image when found, else null
 * @param recentTags the repository's most recently pushed tags, newest first (for "did you mean"), may be empty
 */
public record EcrImageLookup(Status status, Detail detail, List<String> recentTags) {
    public enum Status { FOUND, IMAGE_NOT_FOUND, REPOSITORY_NOT_FOUND }

    public EcrImageLookup {
        recentTags = recentTags == null ? List.of() : List.copyOf(recentTags);
    }

    /** One {@code imageDetails} entry as the CLI prints it. */
    public record Detail(String registryId, String repositoryName, String imageDigest, List<String> imageTags,
                         long imageSizeInBytes, Instant imagePushedAt, String imageManifestMediaType,
                         String artifactMediaType) {
        public Detail {
            imageTags = imageTags == null ? List.of() : List.copyOf(imageTags);
        }
    }
}
