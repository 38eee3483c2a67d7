package dev.pullfix.cli;

import picocli.CommandLine.Option;

/** {@code -A}: every namespace. */
public final class AllNamespacesOption {
    @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace.")
    boolean all;

    public boolean all() {
        return all;
    }
}
