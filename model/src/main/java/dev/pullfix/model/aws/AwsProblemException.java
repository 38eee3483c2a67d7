package dev.pullfix.model.aws;

/** Carries an {@link AwsProblem} through code that prefers exceptions (e.g. opening a session). */
public final class AwsProblemException extends RuntimeException {
    private final AwsProblem problem;

    public AwsProblemException(AwsProblem problem) {
        super(problem.messageCode() + " " + problem.messageArgs(), null, false, false);
        this.problem = problem;
    }

    public AwsProblem problem() {
        return problem;
    }
}
