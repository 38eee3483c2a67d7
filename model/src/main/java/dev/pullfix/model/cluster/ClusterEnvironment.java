package dev.pullfix.model.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster code reads from the outside world: environment variables and the home directory,
 * plus where to look for credential plugins. Tests build one over a temp dir; the app uses {@link #system()}.
 *
 * @param env              environment variables ({@code KUBECONFIG}, {@code PATH}, {@code SHELL}, proxies, AWS_*)
 * @param home             the user's home directory ({@code ~/.kube/config} lives below it)
 * @param commonBinDirs    places GUI-started apps miss on PATH (checked after PATH and the login shell)
 * @param useLoginShell    whether to ask {@code $SHELL -lc 'command -v X'} for commands not on PATH
 * @param loginShellTimeout how long the login shell may take
 */
public record ClusterEnvironment(Map<String, String> env, Path home, List<Path> commonBinDirs,
                                 boolean useLoginShell, Duration loginShellTimeout) {

    public ClusterEnvironment {
        env = Map.copyOf(env);
        commonBinDirs = List.copyOf(commonBinDirs);
    }

    public static ClusterEnvironment system() {
        Path home = Path.of(System.getProperty("user.home"));
        return new ClusterEnvironment(System.getenv(), home, defaultBinDirs(home), true, Duration.ofSeconds(3));
    }

    /** An environment for tests: only the given variables, no login shell, no common dirs but those given. */
    public static ClusterEnvironment of(Map<String, String> env, Path home, Path... binDirs) {
        return new ClusterEnvironment(env, home, List.of(binDirs), false, Duration.ofSeconds(3));
    }

    public static List<Path> defaultBinDirs(Path home) {
        return List.of(Path.of("/usr/local/bin"), Path.of("/opt/homebrew/bin"), home.resolve(".local/bin"),
                Path.of("/usr/bin"), Path.of("/snap/bin"), Path.of("/opt/local/bin"), home.resolve("bin"));
    }

    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public ClusterEnvironment withEnv(Map<String, String> replacement) {
        return new ClusterEnvironment(replacement, home, commonBinDirs, useLoginShell, loginShellTimeout);
    }
}
