package dev.pullfix.model.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A failure talking to a cluster, as a code plus arguments. Display text lives in the {@code cluster}
 * bundle ({@code cluster.error.<CODE>} and {@code cluster.hint.<CODE>}); the arguments never carry
 * secrets (tokens, keys and passwords are redacted before they get here).
 */
public final class ClusterError extends RuntimeException {

    /** What went wrong; the bundle key is {@code cluster.error.} + the name. */
    public enum Code {
        /** No kubeconfig file anywhere. args: searched locations. */
        NO_KUBECONFIG,
        /** An explicitly named kubeconfig file is missing. args: file. */
        KUBECONFIG_NOT_FOUND,
        /** A kubeconfig file is not valid YAML or not a kubeconfig. args: file, line, detail. */
        KUBECONFIG_MALFORMED,
        /** No context named and no current-context set. args: known contexts. */
        NO_CURRENT_CONTEXT,
        /** The context is not in the kubeconfig. args: name, known contexts. */
        UNKNOWN_CONTEXT,
        /** The context names a cluster or user entry that does not exist. args: context, missing entry. */
        CONTEXT_INCOMPLETE,
        /** The API server cannot be reached. args: server, detail. */
        UNREACHABLE,
        /** TLS handshake or certificate verification failed. args: server, detail. */
        TLS_FAILURE,
        /** 401: the credentials were refused (an expired token, mostly). args: context, user. */
        UNAUTHORIZED,
        /** 403 on something the user needs. args: verb, resource, namespace (or "*"), server message. */
        FORBIDDEN,
        /** The exec credential plugin's command is not installed. args: command, searched places, install hint. */
        EXEC_NOT_FOUND,
        /** The exec credential plugin failed. args: command, exit code, stderr (redacted). */
        EXEC_FAILED,
        /** The exec credential plugin printed something that is not an ExecCredential. args: command, detail. */
        EXEC_BAD_OUTPUT,
        /** The exec credential plugin did not finish in time. args: command, seconds. */
        EXEC_TIMEOUT,
        /** Minting an EKS token with the AWS SDK failed. args: cluster, profile, detail. */
        EKS_TOKEN_FAILED,
        /** The pod does not exist. args: namespace, pod. */
        POD_NOT_FOUND,
        /** The namespace does not exist. args: namespace. */
        NAMESPACE_NOT_FOUND,
        /** The server answered with an error. args: HTTP code, server message. */
        SERVER_ERROR,
        /** The server did not answer in time. args: server, seconds. */
        TIMEOUT,
        /** The server sent headers and part of a body, then nothing. args: server, bytes, seconds without data. */
        STALLED,
        /** The body was still arriving when the call's time ran out. args: server, bytes, seconds allowed. */
        TOO_SLOW
    }

    private final Code code;
    private final List<String> args;

    public ClusterError(Code code, List<String> args) {
        this(code, args, null);
    }

    public ClusterError(Code code, List<String> args, Throwable cause) {
        super(code + " " + args, cause, false, false);
        this.code = Objects.requireNonNull(code);
        this.args = List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
    }

    public static ClusterError of(Code code, String... args) {
        return new ClusterError(code, List.of(args));
    }

    public Code code() {
        return code;
    }

    public List<String> args() {
        return args;
    }

    /** The bundle key of the one-line message. */
    public String messageKey() {
        return "cluster.error." + code.name();
    }

    /** The bundle key of the way forward. */
    public String hintKey() {
        return "cluster.hint." + code.name();
    }
}
