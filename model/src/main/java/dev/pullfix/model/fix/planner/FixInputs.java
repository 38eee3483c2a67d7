package dev.pullfix.model.fix.planner;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values a user gave for a fix's {@link FixInput}s. Secrets are char arrays, copied in and wiped by
 * {@link #wipe()}; they never appear in {@link #toString()}.
 */
public final class FixInputs {
    public static final String TAG = "tag";
    public static final String IMAGE = "image";
    public static final String SECRET_NAME = "name";
    public static final String SERVER = "server";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String POLICY = "policy";
    public static final String POLICY_ARN = "policyArn";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, char[]> secrets = new LinkedHashMap<>();

    public static FixInputs none() {
        return new FixInputs();
    }

    /** A text value; blank values count as not given. */
    public FixInputs with(String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value.strip());
        }
        return this;
    }

    /** A secret value (copied: the caller wipes its own array). */
    public FixInputs withSecret(String key, char[] value) {
        if (value != null && value.length > 0) {
            secrets.put(key, value.clone());
        }
        return this;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A copy of a secret value, or empty. */
    public Optional<char[]> secret(String key) {
        return Optional.ofNullable(secrets.get(key)).map(char[]::clone);
    }

    /** Overwrites every secret held. */
    public void wipe() {
        secrets.values().forEach(c -> Arrays.fill(c, '\0'));
        secrets.clear();
    }

    @Override
    public String toString() {
        return "FixInputs" + values + " secrets=" + secrets.keySet();
    }
}
