package dev.pullfix.model.policy;

/** The outcome of evaluating one request. */
public enum Decision {
    /** Some policy allows and nothing denies or limits. */
    ALLOW,
    /** A Deny statement applies. */
    EXPLICIT_DENY,
    /** Nothing denies, but no (sufficient) Allow was found. */
    IMPLICIT_DENY,
    /** A condition or principal could not be decided from the inputs; see the reason. */
    UNKNOWN
}
