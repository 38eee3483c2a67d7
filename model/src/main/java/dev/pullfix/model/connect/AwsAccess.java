package dev.pullfix.model.connect;

import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * How Pullfix reaches one AWS account: the profile and region the user chose, an optional endpoint override (the
 * practice lab), and how to open a session for a resource's region. Accesses with the same {@link #key()} share
 * their sessions.
 *
 * @param opener opens a session for a resource region ({@code ""} = the profile's own region)
 */
public record AwsAccess(String profile, String region, URI endpoint, Function<String, AwsSession> opener) {

    /** What makes two accesses the same account view (the opener is code, not compared). */
    public record Key(String profile, String region, URI endpoint) {
    }

    public AwsAccess {
        Objects.requireNonNull(opener, "opener");
    }

    /** Sessions opened from profiles with these options (the resource region filled in per session). */
    public static AwsAccess of(AwsProfiles profiles, AwsSessionOptions options) {
        return new AwsAccess(options.profile(), options.region(), options.endpointOverride(),
                r -> AwsSession.open(profiles, options.withResourceRegion(r == null || r.isBlank() ? null : r)));
    }

    public Key key() {
        return new Key(profile, region, endpoint);
    }

    /** Opens a session for a resource region ({@code null} or blank: the profile's region); the caller closes it. */
    public AwsSession open(String resourceRegion) {
        return opener.apply(resourceRegion == null ? "" : resourceRegion);
    }
}
