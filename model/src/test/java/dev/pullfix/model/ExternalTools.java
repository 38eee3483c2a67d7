package dev.pullfix.model;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Outside programs that tests hold Pullfix against (node with npm packages, the AWS CLI, the Python Kubernetes
 * client). A test that needs one calls {@link #require}: on a developer machine without the tool the test is
 * skipped with a clear message; in CI ({@code PULLFIX_CI} set by .ci/run, which installs the tools) it fails.
 */
public final class ExternalTools {
    /** The committed package.json + package-lock.json of the node tools. */
    private static final Path NODE_SOURCES = Path.of("src/test/node");
    /** Where they are installed ({@code npm ci}); .ci/run installs there too. */
    private static final Path NODE_TOOLS = Path.of("target/node-tools");

    private ExternalTools() {
    }

    public static boolean inCi() {
        String ci = System.getenv("PULLFIX_CI");
        return ci != null && !ci.isBlank();
    }

    /** The tool's path on PATH, or the test is skipped (developer machine) / fails (CI). */
    public static Path require(String tool, String installHint) {
        Optional<Path> p = onPath(tool);
        if (p.isEmpty()) {
            unavailable(tool + " is not on PATH (" + installHint + ")");
        }
        return p.get();
    }

    /** Skips the test on a developer machine, fails it in CI. */
    public static void unavailable(String why) {
        if (inCi()) {
            Assertions.fail(why + " — PULLFIX_CI is set, so this test must not skip");
        }
        Assumptions.abort(why + " — skipped on this machine (set up by .ci/run)");
    }

    public static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The node_modules directory holding the pinned npm packages of {@code src/test/node}, installed with
     * {@code npm ci} into {@code target/node-tools} when missing or when the committed lockfile changed.
     */
    public static synchronized Path nodeModules() throws IOException, InterruptedException {
        require("node", "Node.js 18+; Debian: apt-get install nodejs npm");
        Path lock = NODE_SOURCES.resolve("package-lock.json");
        Path installedLock = NODE_TOOLS.resolve("package-lock.json");
        Path modules = NODE_TOOLS.resolve("node_modules");
        boolean fresh = Files.isDirectory(modules) && Files.exists(installedLock)
                && Files.mismatch(lock, installedLock) == -1;
        if (!fresh) {
            require("npm", "Debian: apt-get install npm");
            Files.createDirectories(NODE_TOOLS);
            Files.copy(NODE_SOURCES.resolve("package.json"), NODE_TOOLS.resolve("package.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
            Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), NODE_TOOLS, Map.of(),
                    300);
            if (r.exit() != 0) {
                Files.deleteIfExists(installedLock);
                unavailable("npm ci in " + NODE_TOOLS + " failed: " + r.errors() + r.output());
            }
        }
        return modules.toAbsolutePath();
    }

    /** Runs a committed node script ({@code src/test/node/NAME}) with the pinned packages on NODE_PATH. */
    public static Result node(String script, List<String> args, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path modules = nodeModules();
        List<String> cmd = new java.util.ArrayList<>(List.of("node", NODE_SOURCES.resolve(script).toString()));
        cmd.addAll(args);
        return run(cmd, Path.of("."), Map.of("NODE_PATH", modules.toString()), timeoutSeconds);
    }

    /** Exit code, standard output and standard error of a finished process. */
    public record Result(int exit, String output, String errors) {
    }

    public static Result run(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        return run(cmd, dir, env, timeoutSeconds, false);
    }

    /** Like {@link #run} in the module directory, without the caller's own AWS_* variables (the tool gets only env's). */
    public static Result runClean(List<String> cmd, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        return run(cmd, Path.of("."), env, timeoutSeconds, true);
    }

    private static Result run(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds, boolean noAws)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("pullfix-tool", ".out");
        Path err = Files.createTempFile("pullfix-tool", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (noAws) {
                pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                Assertions.fail(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
