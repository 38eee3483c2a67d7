package dev.pullfix.model.registry;

import java.util.List;

/**
 * A manifest as far as a pull needs it: its digest, whether it is an index (manifest list), and the platforms it
 * holds (an index's entries; for a single manifest, the platform its config blob names).
 *
 * @param digest       the digest of the manifest bytes (the {@code Docker-Content-Digest} when sent, checked)
 * @param mediaType    its media type
 * @param platforms    the platforms it can be pulled for, in the registry's order (attestation entries
 *                     {@code unknown/unknown} left out)
 * @param configDigest for a single manifest, its config blob; null for an index
 */
public record Manifest(String digest, String mediaType, List<Platform> platforms, String configDigest) {
    public Manifest {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** True when a node of {@code node}'s platform can pull this image. */
    public boolean runsOn(Platform node) {
        return platforms.stream().anyMatch(node::runs);
    }
}
