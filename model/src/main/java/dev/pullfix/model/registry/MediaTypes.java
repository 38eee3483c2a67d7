package dev.pullfix.model.registry;

import java.util.List;

/** Manifest media types, and the Accept header containerd's resolver sends. */
public final class MediaTypes {
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /** containerd {@code remotes/docker/resolver.go}: the types it resolves, then any. */
    public static final String ACCEPT = String.join(", ",
            List.of(DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX, "*/*"));

    private MediaTypes() {
    }

    /** The media type without parameters ({@code ; charset=...}). */
    static String base(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    }

    public static boolean isIndex(String mediaType) {
        String m = base(mediaType);
        return OCI_INDEX.equals(m) || DOCKER_LIST.equals(m);
    }
}
