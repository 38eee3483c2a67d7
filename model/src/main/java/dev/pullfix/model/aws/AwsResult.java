package dev.pullfix.model.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer of a gateway call: a value, or the {@link AwsProblem} that kept us from getting it.
 * Normal "absent" states (no repository policy) are values ({@code Optional.empty()}), not problems.
 */
public final class AwsResult<T> {
    private final T value;
    private final AwsProblem problem;

    private AwsResult(T value, AwsProblem problem) {
        this.value = value;
        this.problem = problem;
    }

    public static <T> AwsResult<T> ok(T value) {
        return new AwsResult<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> AwsResult<T> failed(AwsProblem problem) {
        return new AwsResult<>(null, Objects.requireNonNull(problem, "problem"));
    }

    public boolean isOk() {
        return problem == null;
    }

    /** The value; throws {@link AwsProblemException} when the call failed. */
    public T value() {
        if (problem != null) {
            throw new AwsProblemException(problem);
        }
        return value;
    }

    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    public T orElse(T other) {
        return problem == null ? value : other;
    }

    public Optional<AwsProblem> problem() {
        return Optional.ofNullable(problem);
    }

    public <U> AwsResult<U> map(Function<? super T, ? extends U> f) {
        return problem == null ? ok(f.apply(value)) : failed(problem);
    }

    public <U> AwsResult<U> flatMap(Function<? super T, AwsResult<U>> f) {
        return problem == null ? f.apply(value) : failed(problem);
    }

    @Override
    public String toString() {
        return problem == null ? "ok(" + value + ")" : "failed(" + problem.kind() + ")";
    }
}
