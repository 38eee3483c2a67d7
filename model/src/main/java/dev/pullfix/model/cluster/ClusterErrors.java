package dev.pullfix.model.cluster;

import dev.pullfix.model.secret.Redactor;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns fabric8/JDK exceptions into {@link ClusterError}s with a code a user can act on. */
final class ClusterErrors {

    private ClusterErrors() {
    }

    static ClusterError map(Throwable t, ContextInfo ctx, String server, String verb, String resource, String ns) {
        return map(t, ctx, server, verb, resource, ns, null);
    }

    /** @param timeout the call's stated limit, shown in TIMEOUT/TOO_SLOW messages; null when not known */
    static ClusterError map(Throwable t, ContextInfo ctx, String server, String verb, String resource, String ns,
                            java.time.Duration timeout) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClusterError e) {
                return e;
            }
        }
        String seconds = timeout == null ? "?" : Long.toString(Math.max(1, Math.round(timeout.toMillis() / 1000.0)));
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StalledTransferException s) {
                String srv = server == null ? "?" : server;
                return s.slow()
                        ? new ClusterError(ClusterError.Code.TOO_SLOW, java.util.List.of(srv, Long.toString(s.bytes()),
                                seconds), t)
                        : new ClusterError(ClusterError.Code.STALLED, java.util.List.of(srv, Long.toString(s.bytes()),
                                Long.toString(Math.max(1, Math.round(s.quiet().toMillis() / 1000.0)))), t);
            }
        }
        Integer code = null;
        String status = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() > 0) {
                code = k.getCode();
                status = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage()
                        : k.getMessage();
                break;
            }
        }
        String srv = server == null ? "?" : server;
        if (code != null) {
            switch (code) {
                case 401:
                    return new ClusterError(ClusterError.Code.UNAUTHORIZED,
                            java.util.List.of(ctx == null ? "?" : ctx.name(), ctx == null || ctx.userName() == null ? "?" : ctx.userName()), t);
                case 403:
                    return new ClusterError(ClusterError.Code.FORBIDDEN, java.util.List.of(verb, resource,
                            ns == null ? "*" : ns, Redactor.redact(firstLine(status))), t);
                default:
                    return new ClusterError(ClusterError.Code.SERVER_ERROR,
                            java.util.List.of(Integer.toString(code), Redactor.redact(firstLine(status))), t);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SSLException || c instanceof CertificateException
                    || c instanceof java.security.cert.CertPathValidatorException) {
                return new ClusterError(ClusterError.Code.TLS_FAILURE, java.util.List.of(srv, detail(c)), t);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof ConnectException
                    || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                    || c instanceof java.nio.channels.ClosedChannelException) {
                return new ClusterError(ClusterError.Code.UNREACHABLE, java.util.List.of(srv, detail(c)), t);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException
                    || c instanceof TimeoutException) {
                return new ClusterError(ClusterError.Code.TIMEOUT, java.util.List.of(srv, seconds), t);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException) {
                return new ClusterError(ClusterError.Code.UNREACHABLE, java.util.List.of(srv, detail(c)), t);
            }
        }
        return new ClusterError(ClusterError.Code.SERVER_ERROR,
                java.util.List.of("-", Redactor.redact(firstLine(t.getMessage()))), t);
    }

    private static String detail(Throwable c) {
        String m = c.getMessage();
        return Redactor.redact(c.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + firstLine(m)));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
