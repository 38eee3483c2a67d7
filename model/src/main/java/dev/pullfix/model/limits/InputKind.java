package dev.pullfix.model.limits;

/**
 * The kinds of input Pullfix reads from users, each with its size cap (checked before any byte is parsed) and a
 * longest line (a single huge scalar is what makes a YAML parser crawl). Generous for real files: a kubeconfig
 * of a hundred clusters with embedded certificates is a few hundred KB; AWS caps a policy at 10,240 characters.
 */
public enum InputKind {
    KUBECONFIG("kubeconfig", 2 * 1024 * 1024, 512 * 1024),
    POLICY("policy", 256 * 1024, 256 * 1024),
    POLICY_CASE("policy case", 1024 * 1024, 256 * 1024),
    RUNBOOK("runbook", 1024 * 1024, 64 * 1024),
    MANIFEST("manifest", 4 * 1024 * 1024, 512 * 1024),
    SCENARIO("lab scenario", 1024 * 1024, 64 * 1024);

    /** Nesting deeper than this is refused (YAML and JSON). */
    public static final int MAX_NESTING = 64;
    /** YAML aliases to collections ("billion laughs") beyond this are refused. */
    public static final int MAX_ALIASES = 50;

    private final String noun;
    private final long maxBytes;
    private final int maxLineChars;

    InputKind(String noun, long maxBytes, int maxLineChars) {
        this.noun = noun;
        this.maxBytes = maxBytes;
        this.maxLineChars = maxLineChars;
    }

    /** The word used in messages ("kubeconfig", "policy"). */
    public String noun() {
        return noun;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxLineChars() {
        return maxLineChars;
    }
}
