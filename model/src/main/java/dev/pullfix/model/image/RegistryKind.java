package dev.pullfix.model.image;

/** The registries Pullfix recognises by host name; anything else is {@link #PRIVATE}. */
public enum RegistryKind {
    /** Private Amazon ECR: {@code <account>.dkr.ecr.<region>.amazonaws.com} and its FIPS, China, dual-stack forms. */
    ECR_PRIVATE,
    /** Amazon ECR Public: {@code public.ecr.aws}. */
    ECR_PUBLIC,
    /** Docker Hub: {@code docker.io}, {@code index.docker.io}, {@code registry-1.docker.io}. */
    DOCKER_HUB,
    /** GitHub Container Registry: {@code ghcr.io}. */
    GHCR,
    /** Google Container Registry: {@code gcr.io}, {@code *.gcr.io}. */
    GCR,
    /** Google Artifact Registry: {@code <location>-docker.pkg.dev}. */
    ARTIFACT_REGISTRY,
    /** Azure Container Registry: {@code *.azurecr.io} (and sovereign clouds). */
    ACR,
    /** Red Hat Quay: {@code quay.io}. */
    QUAY,
    /** Any other registry, assumed private. */
    PRIVATE;

    /** True for the two Amazon ECR kinds. */
    public boolean isEcr() {
        return this == ECR_PRIVATE || this == ECR_PUBLIC;
    }
}
