package dev.pullfix.model.policy;

/** Where a policy document sits in the evaluation. */
public enum PolicyKind {
    IDENTITY("identity"),
    RESOURCE("resource"),
    PERMISSIONS_BOUNDARY("boundary"),
    SCP("scp"),
    VPC_ENDPOINT("endpoint");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    /** Short lower-case label used in CLI output and JSON ("identity", "resource", "boundary", "scp", "endpoint"). */
    public String label() {
        return label;
    }

    /** Resource-style policies carry a Principal element. */
    public boolean hasPrincipals() {
        return this == RESOURCE || this == VPC_ENDPOINT;
    }
}
