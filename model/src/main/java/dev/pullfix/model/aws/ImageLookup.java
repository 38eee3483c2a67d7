package dev.pullfix.model.aws;

import java.util.List;
import java.util.Optional;

/**
 * Whether an image exists in a repository, and if not, the nearest existing tags (closest by semver or name,
 * newest pushed first among equals).
 */
public record ImageLookup(EcrImageId wanted, ImageDetail image, List<TagCandidate> nearestTags) {
    public ImageLookup {
        nearestTags = nearestTags == null ? List.of() : List.copyOf(nearestTags);
    }

    public boolean found() {
        return image != null;
    }

    public Optional<ImageDetail> imageDetail() {
        return Optional.ofNullable(image);
    }
}
