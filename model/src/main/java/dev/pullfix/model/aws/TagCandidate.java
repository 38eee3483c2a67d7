package dev.pullfix.model.aws;

import java.time.Instant;

/**
 * An existing tag offered when the wanted tag or digest is missing.
 *
 * @param closeness how it was chosen: {@code SEMVER} (version distance), {@code NAME} (edit distance) or
 *                  {@code NEWEST} (recently pushed, nothing close by name)
 * @param distance  version or edit distance; 0 for {@code NEWEST}
 */
public record TagCandidate(String tag, String digest, Instant pushedAt, Closeness closeness, int distance) {
    public enum Closeness { SEMVER, NAME, NEWEST }
}
