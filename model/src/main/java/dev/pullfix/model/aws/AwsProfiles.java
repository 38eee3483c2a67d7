package dev.pullfix.model.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS profiles as the AWS CLI sees them: {@code ~/.aws/config} (or {@code AWS_CONFIG_FILE}) merged with
 * {@code ~/.aws/credentials} (or {@code AWS_SHARED_CREDENTIALS_FILE}), parsed by the SDK's own profile parser.
 * Missing files are an empty set of profiles, not an error.
 */
public final class AwsProfiles {
    private final ProfileFile file;
    private final AwsEnvironment env;

    private AwsProfiles(ProfileFile file, AwsEnvironment env) {
        this.file = Objects.requireNonNull(file);
        this.env = Objects.requireNonNull(env);
        for (Profile p : file.profiles().values()) {
            dev.pullfix.model.secret.Secrets.register(prop(p, ProfileProperty.AWS_ACCESS_KEY_ID));
            dev.pullfix.model.secret.Secrets.register(prop(p, ProfileProperty.AWS_SECRET_ACCESS_KEY));
            dev.pullfix.model.secret.Secrets.register(prop(p, ProfileProperty.AWS_SESSION_TOKEN));
        }
    }

    /** Reads the config and credentials files named by the environment. */
    public static AwsProfiles load(AwsEnvironment env) {
        ProfileFile.Aggregator agg = ProfileFile.aggregator();
        Path config = env.configFile();
        Path credentials = env.credentialsFile();
        if (Files.isRegularFile(config)) {
            agg.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentials)) {
            agg.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return new AwsProfiles(agg.build(), env);
    }

    /** Wraps an already built profile file (tests: {@code ProfileFile.builder().content(...)}). */
    public static AwsProfiles of(ProfileFile file, AwsEnvironment env) {
        return new AwsProfiles(file, env);
    }

    public ProfileFile profileFile() {
        return file;
    }

    public AwsEnvironment environment() {
        return env;
    }

    /** All profiles, {@code default} first, then by name. */
    public List<AwsProfile> list() {
        List<AwsProfile> all = new ArrayList<>();
        for (Profile p : file.profiles().values()) {
            all.add(describe(p));
        }
        all.sort(Comparator.comparing((AwsProfile p) -> !"default".equals(p.name())).thenComparing(AwsProfile::name));
        return all;
    }

    public Optional<AwsProfile> find(String name) {
        return file.profile(name).map(this::describe);
    }

    /**
     * The profile to use: the explicit one, else {@code AWS_PROFILE}, else {@code default}. The AWS CLI uses
     * environment keys ({@code AWS_ACCESS_KEY_ID}) before a profile chosen only by default; see
     * {@link AwsSession}.
     */
    public String activeProfileName(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        String fromEnv = env.profile();
        return fromEnv != null ? fromEnv : "default";
    }

    /**
     * The region to use, in this order: the explicit one, the resource's own region (the ECR host of an image,
     * the EKS cluster of a kube context), {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, the profile's
     * {@code region}. Empty when none is known.
     */
    public Optional<RegionChoice> region(String explicit, String resourceRegion, String profileName) {
        if (notBlank(explicit)) {
            return Optional.of(new RegionChoice(explicit.trim(), RegionChoice.Source.EXPLICIT));
        }
        if (notBlank(resourceRegion)) {
            return Optional.of(new RegionChoice(resourceRegion.trim(), RegionChoice.Source.RESOURCE));
        }
        String r = AwsEnvironment.firstNonNull(env.env("AWS_REGION"), env.property("aws.region"));
        if (r != null) {
            return Optional.of(new RegionChoice(r, RegionChoice.Source.ENV_AWS_REGION));
        }
        r = env.env("AWS_DEFAULT_REGION");
        if (r != null) {
            return Optional.of(new RegionChoice(r, RegionChoice.Source.ENV_AWS_DEFAULT_REGION));
        }
        return find(activeProfileName(profileName)).map(AwsProfile::region).filter(AwsProfiles::notBlank)
                .map(x -> new RegionChoice(x, RegionChoice.Source.PROFILE));
    }

    private AwsProfile describe(Profile p) {
        String ssoSession = prop(p, "sso_session");
        String startUrl = prop(p, ProfileProperty.SSO_START_URL);
        if (ssoSession != null && startUrl == null) {
            startUrl = file.getSection("sso-session", ssoSession)
                    .flatMap(s -> s.property(ProfileProperty.SSO_START_URL)).orElse(null);
        }
        return new AwsProfile(p.name(), kindOf(p), prop(p, ProfileProperty.REGION), prop(p, ProfileProperty.ROLE_ARN),
                prop(p, ProfileProperty.SOURCE_PROFILE), prop(p, ProfileProperty.CREDENTIAL_SOURCE), ssoSession,
                startUrl, prop(p, ProfileProperty.SSO_ACCOUNT_ID), prop(p, ProfileProperty.SSO_ROLE_NAME),
                prop(p, ProfileProperty.ENDPOINT_URL));
    }

    /** The credential kind, in the order the SDK's profile credentials provider checks them. */
    static ProfileKind kindOf(Profile p) {
        if (prop(p, ProfileProperty.ROLE_ARN) != null) {
            if (prop(p, ProfileProperty.WEB_IDENTITY_TOKEN_FILE) != null) {
                return ProfileKind.WEB_IDENTITY;
            }
            if (prop(p, ProfileProperty.SOURCE_PROFILE) != null || prop(p, ProfileProperty.CREDENTIAL_SOURCE) != null) {
                return ProfileKind.ASSUME_ROLE;
            }
        }
        if (prop(p, "sso_session") != null) {
            return ProfileKind.SSO_SESSION;
        }
        if (prop(p, ProfileProperty.SSO_START_URL) != null || prop(p, ProfileProperty.SSO_ACCOUNT_ID) != null) {
            return ProfileKind.SSO_LEGACY;
        }
        if (prop(p, ProfileProperty.CREDENTIAL_PROCESS) != null) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        if (prop(p, ProfileProperty.AWS_ACCESS_KEY_ID) != null) {
            return ProfileKind.STATIC_KEYS;
        }
        return ProfileKind.NO_CREDENTIALS;
    }

    /**
     * Follows {@code source_profile} links from {@code name}: the profile itself, then each source, until a
     * profile without a source (or a loop, which ends the chain). Used to say "this role chain ends in an SSO
     * profile" when the login has expired.
     */
    public List<AwsProfile> chain(String name) {
        List<AwsProfile> chain = new ArrayList<>();
        String next = name;
        while (next != null && chain.size() < 16) {
            Optional<AwsProfile> p = find(next);
            if (p.isEmpty() || chain.stream().anyMatch(x -> x.name().equals(p.get().name()))) {
                break;
            }
            chain.add(p.get());
            String src = p.get().sourceProfile();
            next = p.get().kind() == ProfileKind.ASSUME_ROLE && src != null ? src : null;
        }
        return chain;
    }

    /** The last profile of the chain that is an SSO profile, if any: the one to log in with. */
    public Optional<AwsProfile> ssoRoot(String name) {
        List<AwsProfile> c = chain(name);
        for (int i = c.size() - 1; i >= 0; i--) {
            if (c.get(i).kind().isSso()) {
                return Optional.of(c.get(i));
            }
        }
        return Optional.empty();
    }

    private static String prop(Profile p, String key) {
        return p.property(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The region from an availability zone: {@code us-west-2a} and {@code us-west-2-lax-1a} both give us-west-2. */
    public static Optional<String> regionOfZone(String zone) {
        if (zone == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\\d+)").matcher(zone.toLowerCase(Locale.ROOT));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
