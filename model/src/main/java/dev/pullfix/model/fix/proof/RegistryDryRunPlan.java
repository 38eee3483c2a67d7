package dev.pullfix.model.fix.proof;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.RegistryFailure.Kind;
import java.util.List;
import java.util.Set;

/**
 * An image change whose dry-run asks the registry first: when the new image's tag, digest or repository does not
 * exist, or the pod's credentials cannot pull it, or it has no platform the node runs, the dry-run fails and the
 * {@link dev.pullfix.model.fix.WritePath} refuses before the confirmation; otherwise the inner plan's own dry-run
 * (the API server's {@code dryRun=All}) decides. A registry that cannot be asked from here does not block the change
 * (the node may reach it); the preview says so.
 */
public final class RegistryDryRunPlan implements FixPlan {
    private static final Set<Kind> REFUSE = Set.of(Kind.MANIFEST_UNKNOWN, Kind.NAME_UNKNOWN,
            Kind.NOT_FOUND_OR_UNAUTHORIZED, Kind.AUTH_REQUIRED, Kind.CREDENTIALS_REJECTED, Kind.DENIED,
            Kind.NO_MATCHING_PLATFORM);

    /** The registry check of the new image, run once per dry-run. */
    @FunctionalInterface
    public interface Check {
        ImageCheckResult run() throws CouldNotCheckException;
    }

    private final FixPlan inner;
    private final String newImage;
    private final Check check;
    private volatile ImageCheckResult last;

    public RegistryDryRunPlan(FixPlan inner, String newImage, Check check) {
        this.inner = inner;
        this.newImage = newImage;
        this.check = check;
    }

    /** The registry's answer from the last dry-run (nearest tags for the picker), or null before it ran or when it could not. */
    public ImageCheckResult lastCheck() {
        return last;
    }

    /** True when this registry answer refuses the change. */
    public static boolean refuses(ImageCheckResult r) {
        return r != null && r.failure() != null && REFUSE.contains(r.failure().kind());
    }

    @Override
    public DryRun dryRun(StateText current, StateText proposed) throws FixException {
        ImageCheckResult r;
        try {
            r = check.run();
        } catch (CouldNotCheckException e) {
            DryRun d = inner.dryRun(current, proposed);
            return new DryRun(d.status(), d.detail() + " " + text("dryRun.registryNotAsked", newImage, e.getMessage()));
        }
        last = r;
        if (refuses(r)) {
            String nearest = r.nearestTags().isEmpty() ? ""
                    : " " + text("dryRun.nearestTags", String.join(", ", r.nearestTags()));
            return DryRun.failed(text("dryRun.registryRefuses", newImage, r.failure().kind().name(),
                    firstLine(r.failure().detail())) + nearest);
        }
        DryRun d = inner.dryRun(current, proposed);
        String note = r.couldNotAsk() ? " " + text("dryRun.registryUnreachableHere", firstLine(r.failure().detail()))
                : r.pullable() ? " " + text("dryRun.registryHas", newImage, r.digest() == null ? "-" : r.digest()) : "";
        return new DryRun(d.status(), d.detail() + note);
    }

    /** The dry-run's words for the audit log and the preview (the write path's texts are English). */
    private static String text(String key, Object... args) {
        return dev.pullfix.model.text.Texts.english().render(dev.pullfix.model.text.Message.of("registry", key, args));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public Target target() {
        return inner.target();
    }

    @Override
    public String summary() {
        return inner.summary();
    }

    @Override
    public List<String> apiCalls() {
        return inner.apiCalls();
    }

    @Override
    public List<String> equivalentCommands() {
        return inner.equivalentCommands();
    }

    @Override
    public StateText readCurrent() throws FixException {
        return inner.readCurrent();
    }

    @Override
    public StateText proposed(StateText current) throws FixException {
        return inner.proposed(current);
    }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        inner.apply(current, proposed);
    }

    @Override
    public FixPlan restore(StateText before) {
        return inner.restore(before);
    }

    @Override
    public List<String> secrets() {
        return inner.secrets();
    }
}
