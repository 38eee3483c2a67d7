package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.limits.InputKind;
import dev.pullfix.model.limits.InputProblem;
import dev.pullfix.model.limits.Inputs;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's kubeconfig, loaded and merged as kubectl does: {@code --kubeconfig FILE} if given, else every
 * file in {@code KUBECONFIG} (path-separator list; missing entries skipped; the first file to define a context,
 * cluster or user name wins; the first file that sets current-context wins), else {@code ~/.kube/config}.
 * Files are only read, never written.
 */
public final class Kubeconfig {

    private static final ObjectMapper YAML = Inputs.yamlMapper(InputKind.KUBECONFIG)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** A YAML alias ({@code *name}, also in merge keys); may match inside quoted text, which only costs speed. */
    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("(?<![\\w&*])\\*[A-Za-z0-9_.-]+");

    private final List<Path> files;
    private final List<Config> parsed;
    private final Map<String, NamedContext> contexts = new LinkedHashMap<>();
    private final Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    private final Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
    private final Map<String, Path> contextFile = new LinkedHashMap<>();
    private final Map<String, Path> userFile = new LinkedHashMap<>();
    private final Map<String, Path> clusterFile = new LinkedHashMap<>();
    private final String currentContext;

    private Kubeconfig(List<Path> files, List<Config> parsed) {
        this.files = List.copyOf(files);
        this.parsed = List.copyOf(parsed);
        String current = null;
        for (int i = 0; i < parsed.size(); i++) {
            Config c = parsed.get(i);
            Path f = files.get(i);
            if (current == null && c.getCurrentContext() != null && !c.getCurrentContext().isBlank()) {
                current = c.getCurrentContext();
            }
            if (c.getContexts() != null) {
                for (NamedContext nc : c.getContexts()) {
                    if (nc.getName() != null && nc.getContext() != null && !contexts.containsKey(nc.getName())) {
                        contexts.put(nc.getName(), nc);
                        contextFile.put(nc.getName(), f);
                    }
                }
            }
            if (c.getClusters() != null) {
                for (NamedCluster nc : c.getClusters()) {
                    if (nc.getName() != null && nc.getCluster() != null && !clusters.containsKey(nc.getName())) {
                        clusters.put(nc.getName(), nc);
                        clusterFile.put(nc.getName(), f);
                    }
                }
            }
            if (c.getUsers() != null) {
                for (NamedAuthInfo nu : c.getUsers()) {
                    registerSecrets(nu.getUser());
                    if (nu.getName() != null && nu.getUser() != null && !users.containsKey(nu.getName())) {
                        users.put(nu.getName(), nu);
                        userFile.put(nu.getName(), f);
                    }
                }
            }
        }
        this.currentContext = current;
    }

    /** Loads the kubeconfig kubectl would use; {@code explicitFile} is {@code --kubeconfig}, or null. */
    public static Kubeconfig load(ClusterEnvironment env, Path explicitFile) {
        List<Path> candidates = new ArrayList<>();
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw ClusterError.of(ClusterError.Code.KUBECONFIG_NOT_FOUND, explicitFile.toString());
            }
            candidates.add(explicitFile);
        } else {
            List<String> searched = new ArrayList<>();
            String kc = env.get("KUBECONFIG").orElse(null);
            if (kc != null) {
                Set<String> seen = new LinkedHashSet<>();
                for (String entry : kc.split(File.pathSeparator)) {
                    if (entry.isBlank() || !seen.add(entry)) {
                        continue;
                    }
                    Path p = expandHome(entry.trim(), env.home());
                    searched.add(p.toString());
                    if (Files.isRegularFile(p)) {
                        candidates.add(p);
                    }
                }
            } else {
                Path p = env.home().resolve(".kube").resolve("config");
                searched.add(p.toString());
                if (Files.isRegularFile(p)) {
                    candidates.add(p);
                }
            }
            if (candidates.isEmpty()) {
                throw ClusterError.of(ClusterError.Code.NO_KUBECONFIG, String.join(File.pathSeparator, searched));
            }
        }
        List<Config> parsed = new ArrayList<>();
        for (Path p : candidates) {
            parsed.add(parse(p));
        }
        return new Kubeconfig(candidates, parsed);
    }

    private static Path expandHome(String entry, Path home) {
        if (entry.equals("~")) {
            return home;
        }
        if (entry.startsWith("~/")) {
            return home.resolve(entry.substring(2));
        }
        return Path.of(entry);
    }

    /**
     * Builds the reader a kubeconfig is bound with (Jackson makes the binding for fabric8's kubeconfig model and all
     * it holds on first use) from a kubeconfig of no contexts, so that a command line can have it made beside its own
     * start-up; reads no file. The first real {@link #load} then only parses.
     */
    public static void warmUp() {
        try {
            YAML.treeToValue(YAML.readTree("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n"),
                    Config.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Config parse(Path file) {
        String text;
        try {
            // size, encoding and line length first: a 50 MB value kept the YAML parser busy for minutes
            text = Inputs.read(file, InputKind.KUBECONFIG);
        } catch (InputProblem e) {
            throw refused(file, e);
        }
        if (text.isBlank()) {
            return new Config();
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = YAML.readTree(text);
            if (tree != null && !tree.isNull() && !tree.isObject()) {
                throw ClusterError.of(ClusterError.Code.KUBECONFIG_MALFORMED, file.toString(), "1",
                        "not a YAML mapping");
            }
            if (tree == null || tree.isNull() || tree.isEmpty()) {
                return new Config();
            }
        } catch (JsonProcessingException e) {
            throw refused(file, Inputs.describe(e, file.toString(), text));
        }
        try {
            // fabric8's model classes carry the standard Jackson annotations: binding the tree already parsed
            // avoids a second YAML parse through fabric8's own (Jackson 3, SnakeYAML Engine) stack at start-up.
            // Jackson's YAML reader does not resolve aliases (it reads *name as the text "name"): a file with any
            // alias is read by fabric8 as before, which resolves them and refuses alias bombs.
            Config c = ALIAS.matcher(text).find() ? KubeConfigUtils.parseConfig(file.toFile())
                    : YAML.treeToValue(tree, Config.class);
            return c == null ? new Config() : c;
        } catch (JsonProcessingException e) {
            throw refused(file, Inputs.describe(e, file.toString(), text));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw refused(file, Inputs.describeMessage(firstLine(root.getMessage()), file.toString(), 0, 0, text));
        }
    }

    /** KUBECONFIG_MALFORMED (file, line, what is wrong in our words), with the input problem as its cause. */
    private static ClusterError refused(Path file, InputProblem p) {
        String detail = p.getMessage();
        String prefix = p.source();
        int cut = detail.indexOf(": ", prefix.length());
        String rest = detail.startsWith(prefix) && cut >= 0 ? detail.substring(cut + 2) : detail;
        return new ClusterError(ClusterError.Code.KUBECONFIG_MALFORMED, List.of(file.toString(),
                p.line() > 0 ? Integer.toString(p.line()) : "?",
                p.column() > 0 ? "column " + p.column() + ", " + rest : rest), p);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public List<Path> files() {
        return files;
    }

    /** The parsed files in precedence order (first wins), for handing to fabric8. */
    List<Config> parsedFiles() {
        return parsed;
    }

    /** The merged current-context, or null. */
    public String currentContext() {
        return currentContext;
    }

    public List<String> contextNames() {
        return List.copyOf(contexts.keySet());
    }

    public List<ContextInfo> contexts() {
        return contexts.keySet().stream().map(this::info).toList();
    }

    /** The named context, or the current one when {@code name} is null; throws the matching ClusterError. */
    public ContextInfo context(String name) {
        String n = name;
        if (n == null || n.isBlank()) {
            n = currentContext;
            if (n == null) {
                throw ClusterError.of(ClusterError.Code.NO_CURRENT_CONTEXT, String.join(", ", contextNames()));
            }
        }
        if (!contexts.containsKey(n)) {
            throw ClusterError.of(ClusterError.Code.UNKNOWN_CONTEXT, n,
                    contexts.isEmpty() ? "-" : String.join(", ", contextNames()));
        }
        return info(n);
    }

    NamedContext namedContext(String name) {
        return contexts.get(name);
    }

    Cluster cluster(String name) {
        NamedCluster nc = name == null ? null : clusters.get(name);
        return nc == null ? null : nc.getCluster();
    }

    AuthInfo user(String name) {
        NamedAuthInfo nu = name == null ? null : users.get(name);
        return nu == null ? null : nu.getUser();
    }

    /** The file that defines the user entry (relative paths in it are relative to this file's directory). */
    Path userFile(String name) {
        return userFile.get(name);
    }

    private ContextInfo info(String name) {
        NamedContext nc = contexts.get(name);
        var ctx = nc.getContext();
        Cluster cluster = cluster(ctx.getCluster());
        AuthInfo user = user(ctx.getUser());
        String server = cluster == null ? null : cluster.getServer();
        String command = user != null && user.getExec() != null ? user.getExec().getCommand() : null;
        EksContextMapping eks = null;
        if (cluster != null) {
            Map<String, String> execEnv = new LinkedHashMap<>();
            List<String> args = List.of();
            if (user != null && user.getExec() != null) {
                if (user.getExec().getEnv() != null) {
                    for (ExecEnvVar v : user.getExec().getEnv()) {
                        if (v.getName() != null) {
                            execEnv.put(v.getName(), v.getValue());
                        }
                    }
                }
                args = user.getExec().getArgs() == null ? List.of() : user.getExec().getArgs();
            }
            eks = EksContextMapping.of(name, ctx.getCluster(), server, command, args, execEnv).orElse(null);
        }
        return new ContextInfo(name, name.equals(currentContext), ctx.getCluster(), ctx.getUser(), ctx.getNamespace(),
                server, authKind(user), command, eks, contextFile.get(name));
    }

    /** Every credential in a user entry goes into the secret registry as soon as it is read. */
    private static void registerSecrets(AuthInfo u) {
        if (u == null) {
            return;
        }
        dev.pullfix.model.secret.Secrets.register(u.getToken());
        dev.pullfix.model.secret.Secrets.register(u.getPassword());
        dev.pullfix.model.secret.Secrets.register(u.getClientKeyData());
        if (u.getAuthProvider() != null && u.getAuthProvider().getConfig() != null) {
            u.getAuthProvider().getConfig().forEach((k, v) -> {
                String key = k.toLowerCase(java.util.Locale.ROOT);
                if (key.contains("token") || key.contains("secret")) {
                    dev.pullfix.model.secret.Secrets.register(v);
                }
            });
        }
        if (u.getExec() != null && u.getExec().getEnv() != null) {
            u.getExec().getEnv().forEach(e -> {
                String key = e.getName() == null ? "" : e.getName().toUpperCase(java.util.Locale.ROOT);
                if (key.contains("TOKEN") || key.contains("SECRET") || key.contains("PASSWORD")) {
                    dev.pullfix.model.secret.Secrets.register(e.getValue());
                }
            });
        }
    }

    static ContextInfo.AuthKind authKind(AuthInfo u) {
        if (u == null) {
            return ContextInfo.AuthKind.NONE;
        }
        if (notBlank(u.getToken())) {
            return ContextInfo.AuthKind.TOKEN;
        }
        if (notBlank(u.getClientCertificate()) || notBlank(u.getClientCertificateData())) {
            return ContextInfo.AuthKind.CLIENT_CERTIFICATE;
        }
        if (u.getExec() != null) {
            return ContextInfo.AuthKind.EXEC;
        }
        if (notBlank(u.getTokenFile())) {
            return ContextInfo.AuthKind.TOKEN_FILE;
        }
        if (u.getAuthProvider() != null) {
            return ContextInfo.AuthKind.AUTH_PROVIDER;
        }
        if (notBlank(u.getUsername())) {
            return ContextInfo.AuthKind.BASIC;
        }
        return ContextInfo.AuthKind.NONE;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
