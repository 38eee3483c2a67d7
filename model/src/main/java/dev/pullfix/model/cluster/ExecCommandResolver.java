package dev.pullfix.model.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds an exec credential plugin's command the way a terminal would, even when the app was started from a
 * desktop menu with a bare PATH: the process PATH first, then the login shell's PATH
 * ({@code $SHELL -lc 'command -v aws'}, with a timeout), then common install locations.
 */
public final class ExecCommandResolver {

    /** The result: the executable if found, where we looked, and the PATH to give the plugin. */
    public record Resolution(Optional<Path> executable, List<String> searched, String pluginPath) {
    }

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._+\\-]+");

    private final ClusterEnvironment env;
    private volatile String loginShellPath;
    private volatile boolean loginShellAsked;

    public ExecCommandResolver(ClusterEnvironment env) {
        this.env = env;
    }

    /**
     * Resolves {@code command}; relative paths with a separator are relative to the kubeconfig's directory,
     * as kubectl does.
     */
    public Resolution resolve(String command, Path kubeconfigDir) {
        List<String> searched = new ArrayList<>();
        String processPath = env.get("PATH").orElse("");
        if (command == null || command.isBlank()) {
            return new Resolution(Optional.empty(), searched, processPath);
        }
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            if (!p.isAbsolute() && kubeconfigDir != null) {
                p = kubeconfigDir.resolve(p).normalize();
            }
            searched.add(p.toString());
            return new Resolution(isExecutable(p) ? Optional.of(p) : Optional.empty(), searched, processPath);
        }
        Optional<Path> found = searchDirs(command, split(processPath), searched);
        if (found.isPresent()) {
            return new Resolution(found, searched, processPath);
        }
        if (env.useLoginShell() && SAFE_NAME.matcher(command).matches()) {
            String shellPath = loginShellPath();
            if (shellPath != null) {
                searched.add("$SHELL -lc PATH");
                found = searchDirs(command, split(shellPath), new ArrayList<>());
                if (found.isPresent()) {
                    return new Resolution(found, searched, join(shellPath, processPath));
                }
            }
        }
        List<String> common = env.commonBinDirs().stream().map(Path::toString).toList();
        found = searchDirs(command, common, searched);
        String pluginPath = found.map(p -> join(p.getParent().toString(), processPath)).orElse(processPath);
        return new Resolution(found, searched, pluginPath);
    }

    private static String join(String first, String second) {
        LinkedHashSet<String> dirs = new LinkedHashSet<>(split(first));
        dirs.addAll(split(second));
        return String.join(File.pathSeparator, dirs);
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isBlank()) {
                out.add(d);
            }
        }
        return out;
    }

    private Optional<Path> searchDirs(String command, List<String> dirs, List<String> searched) {
        for (String d : dirs) {
            searched.add(d);
            Path dir = d.startsWith("~/") ? env.home().resolve(d.substring(2)) : Path.of(d);
            Path p = dir.resolve(command);
            if (isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** The login shell's PATH, asked once; null if there is no SHELL or it did not answer in time. */
    private String loginShellPath() {
        if (loginShellAsked) {
            return loginShellPath;
        }
        synchronized (this) {
            if (!loginShellAsked) {
                loginShellPath = askLoginShell();
                loginShellAsked = true;
            }
            return loginShellPath;
        }
    }

    private String askLoginShell() {
        String shell = env.get("SHELL").orElse(null);
        if (shell == null || !Files.isExecutable(Path.of(shell))) {
            return null;
        }
        ProcessBuilder pb = new ProcessBuilder(shell, "-lc", "printf '%s' \"$PATH\"");
        pb.redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env.env());
        pb.environment().put("HOME", env.home().toString());
        try {
            Process p = pb.start();
            InputStream in = p.getInputStream();
            if (!p.waitFor(env.loginShellTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            int nl = out.lastIndexOf('\n');
            return nl >= 0 ? out.substring(nl + 1) : out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
