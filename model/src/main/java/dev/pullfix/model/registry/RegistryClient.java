package dev.pullfix.model.registry;

import dev.pullfix.model.image.ImageReference;

/**
 * The registry HTTP API v2 as the kubelet's runtime uses it to resolve an image, read-only. Implemented over
 * {@code java.net.http} by {@link HttpRegistryClient} (for registries anywhere, the practice lab's loopback registries
 * included); tests may fake it. Calls never throw for registry or network trouble: the result carries the failure.
 */
public interface RegistryClient {

    /** {@code GET /v2/}: is there an API v2 registry, and what authentication does it announce. */
    RegistryResult<Ping> ping(String registryHost);

    /** {@code HEAD /v2/<name>/manifests/<tag|digest>}: exists, digest, media type, Docker Hub's budget headers. */
    RegistryResult<ManifestHead> head(ImageReference image, Credential credential);

    /**
     * {@code GET} the manifest and, for a single-platform manifest, its config blob: digest and platforms.
     * On Docker Hub a manifest GET counts as a pull against the rate limit.
     */
    RegistryResult<Manifest> manifest(ImageReference image, Credential credential);

    /** {@code GET /v2/<name>/tags/list}, every page up to the client's limit. */
    RegistryResult<TagList> tags(ImageReference image, Credential credential);
}
