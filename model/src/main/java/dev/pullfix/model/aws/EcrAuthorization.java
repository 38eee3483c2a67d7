package dev.pullfix.model.aws;

import java.time.Instant;

/**
 * What {@code ecr:GetAuthorizationToken} gave the user's AWS identity: the registry login ({@code AWS} and a
 * 12-hour password), held in memory only and registered with the secret registry. It is the user's identity, not
 * the node role's: a pull that works with it says nothing about the node role's permissions.
 *
 * @param proxyEndpoint the registry URL the token is for, e.g. {@code https://123456789012.dkr.ecr.us-west-2.amazonaws.com}
 */
public record EcrAuthorization(String username, String password, String proxyEndpoint, Instant expiresAt) {
    @Override
    public String toString() {
        return "EcrAuthorization[" + proxyEndpoint + ", user=" + username + ", expires " + expiresAt + "]";
    }
}
