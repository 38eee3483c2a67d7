package dev.pullfix.model.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String wire;

    Effect(String wire) {
        this.wire = wire;
    }

    /** The spelling used in policy JSON ("Allow" / "Deny"). */
    public String wire() {
        return wire;
    }
}
