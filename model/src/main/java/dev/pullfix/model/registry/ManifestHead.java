package dev.pullfix.model.registry;

/**
 * What {@code HEAD /v2/<name>/manifests/<reference>} said.
 *
 * @param digest    {@code Docker-Content-Digest}, or null when the registry sent none
 * @param mediaType the {@code Content-Type}: an index/list or a single manifest
 * @param size      {@code Content-Length}, or -1
 */
public record ManifestHead(String digest, String mediaType, long size) {
    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }
}
