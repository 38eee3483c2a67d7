/**
 * Image references (Docker reference grammar, kubelet normalisation) and registry recognition (ECR private and
 * public, Docker Hub, GHCR, GCR, Artifact Registry, ACR, Quay). Pure: no fabric8, no AWS SDK.
 *
 * <p>May not: depend on other Pullfix packages, fabric8, the AWS SDK or JavaFX; do I/O.
 */
package dev.pullfix.model.image;
