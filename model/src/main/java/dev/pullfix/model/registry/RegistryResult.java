package dev.pullfix.model.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * One registry answer: a value or a failure, with what authentication happened and the Docker Hub budget headers.
 *
 * @param value     the answer, or null on failure
 * @param failure   why there is no answer, or null
 * @param auth      the authentication that took place
 * @param rateLimit the {@code ratelimit-*} headers of the last response, or null
 */
public record RegistryResult<T>(T value, RegistryFailure failure, AuthInfo auth, RateLimit rateLimit) {

    public RegistryResult {
        if ((value == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of value and failure");
        }
        auth = Objects.requireNonNullElse(auth, AuthInfo.NONE);
    }

    public static <T> RegistryResult<T> ok(T value, AuthInfo auth, RateLimit rateLimit) {
        return new RegistryResult<>(value, null, auth, rateLimit);
    }

    public static <T> RegistryResult<T> failed(RegistryFailure failure, AuthInfo auth, RateLimit rateLimit) {
        return new RegistryResult<>(null, failure, auth, rateLimit);
    }

    public boolean isOk() {
        return failure == null;
    }

    public Optional<RateLimit> rateLimitHeaders() {
        return Optional.ofNullable(rateLimit);
    }

    /** The same failure for another value type. */
    <U> RegistryResult<U> asFailure() {
        if (isOk()) {
            throw new IllegalStateException("not a failure");
        }
        return new RegistryResult<>(null, failure, auth, rateLimit);
    }
}
