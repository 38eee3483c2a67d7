package dev.pullfix.model.diagnosis.runbook.port;

import java.util.Objects;

/**
 * A port could not answer: the engine shows the step as "could not check" with the reason and, for
 * {@link Reason#ACCESS_DENIED}, the IAM action or Kubernetes verb that was missing (e.g. {@code ecr:GetRepositoryPolicy},
 * {@code get secrets}). The detail must never carry secrets: it is shown to users and written to reports.
 */
public class CouldNotCheckException extends Exception {
    /** Why a check could not be answered. */
    public enum Reason {
        /** The caller lacks a permission; {@link #permission()} names it. */
        ACCESS_DENIED,
        /** No AWS credentials / no kube context configured. */
        NO_CREDENTIALS,
        /** The API (cluster, AWS endpoint, registry) could not be reached. */
        UNREACHABLE,
        /** The call took longer than the check's timeout. */
        TIMEOUT,
        /** The user cancelled the diagnosis. */
        CANCELLED,
        /** The object the check needs does not exist (pod, node, ...). */
        NOT_FOUND,
        /** The check does not apply or the port cannot answer it here (e.g. no registry probe configured). */
        NOT_SUPPORTED,
        /** Only a shell on the node can answer this (docker login, curl, nc). */
        NEEDS_NODE_SHELL,
        /** The kubelet events have expired (they live about an hour). */
        EVENTS_GONE,
        /** Anything else. */
        ERROR
    }

    private final Reason reason;
    private final String permission;

    public CouldNotCheckException(Reason reason, String permission, String detail) {
        super(detail == null ? reason.name() : detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.permission = permission;
    }

    public static CouldNotCheckException accessDenied(String permission, String detail) {
        return new CouldNotCheckException(Reason.ACCESS_DENIED, permission, detail);
    }

    public static CouldNotCheckException of(Reason reason, String detail) {
        return new CouldNotCheckException(reason, null, detail);
    }

    public Reason reason() {
        return reason;
    }

    /** The missing permission (IAM action or Kubernetes verb + resource), or null. */
    public String permission() {
        return permission;
    }
}
