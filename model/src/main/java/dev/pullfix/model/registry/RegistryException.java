package dev.pullfix.model.registry;

/** Internal control flow: a request ended in a {@link RegistryFailure}. Its message never holds credentials. */
final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RegistryFailure failure;

    RegistryException(RegistryFailure failure) {
        super(failure.kind() + ": " + failure.detail(), null, false, false);
        this.failure = failure;
    }

    RegistryFailure failure() {
        return failure;
    }
}
