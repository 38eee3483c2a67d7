/**
 * Image references (Docker reference grammar, kubelet normalisation) and registry recognition (ECR private and
 * public, Docker Hub, GHCR, GCR, Artifact Registry, ACR, Quay). Pure: no fabric8, no AWS SDK.
 */
package dev.pullfix.model.image;
