package dev.pullfix.model.aws;

import java.time.Instant;
import java.util.List;

/** One image of a repository, from {@code DescribeImages}. */
public record ImageDetail(String registryId, String repositoryName, String digest, List<String> tags,
                          Instant pushedAt, Long sizeInBytes, String manifestMediaType, String artifactMediaType,
                          Instant lastRecordedPullTime) {
    public ImageDetail {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
