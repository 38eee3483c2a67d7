package dev.pullfix.app.shell;

import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.ContextInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The backend of a practice lab that is still starting, so that the window can be built once, already pointed at the
 * lab, while the lab starts beside it (a fresh machine): the calls the view-models make in tasks (contexts, open,
 * profiles, who-am-I) wait until {@link #resolve} names the lab's backend, then go to it; when the lab could not
 * start, {@link #resolve} names the fallback (the machine's own kubeconfig and AWS files). The two calls made on the
 * FX thread ({@link #awsSessions}, {@link #environment}) never wait: they follow a cluster session, which only exists
 * once the backend is known (before that they ask the fallback).
 */
final class PendingBackend implements WorkbenchBackend {
    private final CompletableFuture<WorkbenchBackend> ready = new CompletableFuture<>();
    private final Supplier<WorkbenchBackend> fallback;

    /** @param fallback made when needed (the machine's backend loads the kubeconfig's classes: not on the FX thread) */
    PendingBackend(Supplier<WorkbenchBackend> fallback) {
        this.fallback = fallback;
    }

    /** The backend the calls go to from now on (any thread; the first call wins). */
    void resolve(WorkbenchBackend backend) {
        ready.complete(backend);
    }

    /** In a task: waits for the backend; a cancelled task stops waiting. */
    private WorkbenchBackend await() {
        try {
            return ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while the practice lab was starting");
        } catch (ExecutionException e) {
            return fallback.get();
        }
    }

    /** Without waiting: the backend when known, else the fallback. */
    private WorkbenchBackend now() {
        return ready.isDone() ? await() : fallback.get();
    }

    @Override
    public List<ContextInfo> contexts() {
        return await().contexts();
    }

    @Override
    public ClusterSession open(String context) {
        return await().open(context);
    }

    @Override
    public List<String> awsProfiles() {
        return await().awsProfiles();
    }

    @Override
    public String awsProfileInUse() {
        return await().awsProfileInUse();
    }

    @Override
    public AwsResult<CallerIdentity> whoAmI(String profile, String region) {
        return await().whoAmI(profile, region);
    }

    @Override
    public Function<String, AwsSession> awsSessions(String profile, String region) {
        return now().awsSessions(profile, region);
    }

    @Override
    public Map<String, String> environment() {
        return now().environment();
    }
}
