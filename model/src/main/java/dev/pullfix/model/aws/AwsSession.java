package dev.pullfix.model.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import dev.pullfix.model.secret.Secrets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One AWS profile in one region: the credentials as the AWS CLI would pick them, and one synchronous SDK client
 * per service (URL-connection HTTP client), built on first use and closed with the session. Hands out the
 * gateways (ports) the engine uses. Thread-safe: each service's client is built once, on first use, under a lock of
 * its own (two services' clients are built at the same time), and calls through the clients are thread-safe.
 */
public final class AwsSession implements AutoCloseable {

    private final AwsProfiles profiles;
    private final AwsSessionOptions options;
    private final String profileName;
    private final ProfileKind profileKind;
    private final RegionChoice region;
    private final AwsCredentialsProvider credentials;
    private final CredentialsSource credentialsSource;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    // each client is built on first use under its own lock: checks that start together (the image in ECR, the node
    // role through EKS, its policies in IAM) build their clients at the same time instead of one after another
    private final Lazy<EcrClient> ecr = new Lazy<>(() -> register(configure(EcrClient.builder(), "ECR", "Ecr",
            Region.of(region().region())).build()));
    private final Lazy<IamClient> iam = new Lazy<>(() -> register(configure(IamClient.builder(), "IAM", "Iam",
            iamRegion()).build()));
    private final Lazy<StsClient> sts = new Lazy<>(() -> register(configure(StsClient.builder(), "STS", "Sts",
            Region.of(region().region())).build()));
    private final Lazy<EksClient> eks = new Lazy<>(() -> register(configure(EksClient.builder(), "EKS", "Eks",
            Region.of(region().region())).build()));
    private final Lazy<Ec2Client> ec2 = new Lazy<>(() -> register(configure(Ec2Client.builder(), "EC2", "Ec2",
            Region.of(region().region())).build()));
    private java.util.concurrent.ExecutorService io;

    /** Where the credentials come from, shown as "using ... ". */
    public enum CredentialsSource { PROFILE, ENVIRONMENT, DEFAULT_CHAIN }

    private AwsSession(AwsProfiles profiles, AwsSessionOptions options) {
        this.profiles = profiles;
        this.options = options;
        AwsEnvironment env = profiles.environment();
        boolean explicitProfile = options.profile() != null && !options.profile().isBlank();
        this.profileName = profiles.activeProfileName(options.profile());
        Optional<AwsProfile> profile = profiles.find(profileName);
        this.profileKind = profile.map(AwsProfile::kind).orElse(null);

        String keyId = AwsEnvironment.firstNonNull(env.env("AWS_ACCESS_KEY_ID"), env.property("aws.accessKeyId"));
        String secret = AwsEnvironment.firstNonNull(env.env("AWS_SECRET_ACCESS_KEY"),
                env.property("aws.secretAccessKey"));
        String token = AwsEnvironment.firstNonNull(env.env("AWS_SESSION_TOKEN"), env.property("aws.sessionToken"));
        Secrets.register(keyId);
        Secrets.register(secret);
        Secrets.register(token);
        if (explicitProfile || (env.profile() != null && (keyId == null || secret == null))) {
            if (profile.isEmpty()) {
                throw new AwsProblemException(new AwsProblem(AwsProblem.Kind.PROFILE_NOT_FOUND, null, null, null,
                        null, null, null, profileName));
            }
            this.credentials = profileProvider(profileName);
            this.credentialsSource = CredentialsSource.PROFILE;
        } else if (keyId != null && secret != null) {
            // the AWS CLI uses environment keys before a profile that was not asked for explicitly
            this.credentials = StaticCredentialsProvider.create(token != null
                    ? AwsSessionCredentials.create(keyId, secret, token) : AwsBasicCredentials.create(keyId, secret));
            this.credentialsSource = CredentialsSource.ENVIRONMENT;
        } else if (profile.isPresent() && profile.get().kind() != ProfileKind.NO_CREDENTIALS) {
            this.credentials = profileProvider(profileName);
            this.credentialsSource = CredentialsSource.PROFILE;
        } else {
            DefaultCredentialsProvider d = DefaultCredentialsProvider.builder()
                    .profileFile(profiles::profileFile).profileName(profileName).build();
            closeables.add(d);
            this.credentials = d;
            this.credentialsSource = CredentialsSource.DEFAULT_CHAIN;
        }
        this.region = profiles.region(options.region(), options.resourceRegion(), profileName)
                .orElseThrow(() -> new AwsProblemException(new AwsProblem(AwsProblem.Kind.NO_REGION, null, null,
                        null, null, null, null, profileName)));
    }

    /**
     * Credentials as resolved (assumed roles, SSO, credential_process, the default chain) go into the secret
     * registry before any call uses them.
     */
    private static AwsCredentialsProvider registering(AwsCredentialsProvider provider) {
        return () -> {
            AwsCredentials c = provider.resolveCredentials();
            Secrets.register(c.accessKeyId());
            Secrets.register(c.secretAccessKey());
            if (c instanceof AwsSessionCredentials s) {
                Secrets.register(s.sessionToken());
            }
            return c;
        };
    }

    private AwsCredentialsProvider profileProvider(String name) {
        try {
            ProfileCredentialsProvider p = ProfileCredentialsProvider.builder()
                    .profileFile(profiles::profileFile).profileName(name).build();
            closeables.add(p);
            return p;
        } catch (RuntimeException e) {
            throw new AwsProblemException(SdkErrors.map("sts", "AssumeRole", e, name, profileKind));
        }
    }

    /**
     * Opens a session; throws {@link AwsProblemException} (PROFILE_NOT_FOUND, NO_REGION, SSO_LOGIN_REQUIRED) when
     * it cannot, with a problem the caller shows as one line.
     */
    public static AwsSession open(AwsProfiles profiles, AwsSessionOptions options) {
        return new AwsSession(profiles, options);
    }

    public static AwsSession open(AwsSessionOptions options) {
        return open(AwsProfiles.load(AwsEnvironment.system()), options);
    }

    public String profileName() {
        return profileName;
    }

    /** The profile's credential kind, or null when the profile is not in the files (environment keys). */
    public ProfileKind profileKind() {
        return profileKind;
    }

    public RegionChoice region() {
        return region;
    }

    public CredentialsSource credentialsSource() {
        return credentialsSource;
    }

    public AwsProfiles profiles() {
        return profiles;
    }

    // ---- gateways -------------------------------------------------------------------------------------------

    public StsGateway sts() {
        return () -> call("sts", "GetCallerIdentity", () -> {
            var r = stsClient().getCallerIdentity();
            return new CallerIdentity(r.account(), r.arn(), r.userId());
        });
    }

    public EcrGateway ecr() {
        return new SdkEcrGateway(this, this::ecrClient);
    }

    /** The write side of ECR; only the fix write path may ask for it. */
    public EcrWriter ecrWriter() {
        return new SdkEcrWriter(this, this::ecrClient);
    }

    /** The IAM writes; for the fix write path only. */
    public IamWriter iamWriter() {
        return new SdkIamWriter(this, this::iamClient);
    }

    /** The EC2 write (VPC endpoint policy); for the fix write path only. */
    public Ec2Writer ec2Writer() {
        return new SdkEc2Writer(this, this::ec2Client);
    }

    public IamGateway iam() {
        return new SdkIamGateway(this, this::iamClient);
    }

    public EksGateway eks() {
        return new SdkEksGateway(this, this::eksClient);
    }

    public Ec2Gateway ec2() {
        return new SdkEc2Gateway(this, this::ec2Client, region.region());
    }

    /** The node-role resolver over this session's EKS, EC2 and IAM gateways. */
    public NodeRoleResolver nodeRoleResolver() {
        return new NodeRoleResolver(eks(), ec2(), iam());
    }

    // ---- clients ------------------------------------------------------------------------------------------------

    EcrClient ecrClient() {
        return ecr.get();
    }

    IamClient iamClient() {
        return iam.get();
    }

    StsClient stsClient() {
        return sts.get();
    }

    EksClient eksClient() {
        return eks.get();
    }

    Ec2Client ec2Client() {
        return ec2.get();
    }

    /** IAM is global per partition. */
    private Region iamRegion() {
        String r = region.region();
        return r.startsWith("cn-") ? Region.AWS_CN_GLOBAL : r.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL
                : Region.AWS_GLOBAL;
    }

    private <C extends AutoCloseable> C register(C client) {
        synchronized (closeables) {
            closeables.add(client);
        }
        return client;
    }

    /** A value made on first use, once, under a lock of its own. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String envSuffix,
                                                                                         String propSuffix, Region r) {
        // every call is bounded: the whole call (retries included) and each attempt by the stated timeout,
        // the connect by 5 s at most, the wait for the next byte of an answer by the timeout too
        Duration call = options.effectiveApiCallTimeout();
        Duration connect = call.compareTo(Duration.ofSeconds(5)) < 0 ? call : Duration.ofSeconds(5);
        builder.region(r).credentialsProvider(registering(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connect).socketTimeout(call));
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
                .defaultProfileFileSupplier(profiles::profileFile).defaultProfileName(profileName)
                .apiCallTimeout(call).apiCallAttemptTimeout(call);
        var rs = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(options.maxAttempts() > 0 ? options.maxAttempts() : AwsSessionOptions.DEFAULT_MAX_ATTEMPTS);
        if (options.retryWithoutBackoff()) {
            rs.backoffStrategy(BackoffStrategy.retryImmediately())
                    .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                    .circuitBreakerEnabled(false);
        }
        o.retryStrategy(rs.build());
        builder.overrideConfiguration(o.build());
        endpointFor(envSuffix, propSuffix).ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * The endpoint for a service, as the AWS CLI finds it: the session's override, else
     * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code aws.endpointUrl<Service>}, {@code AWS_ENDPOINT_URL},
     * {@code aws.endpointUrl}, the profile's {@code endpoint_url}; none when
     * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}.
     */
    Optional<URI> endpointFor(String envSuffix, String propSuffix) {
        if (options.endpointOverride() != null) {
            return Optional.of(options.endpointOverride());
        }
        AwsEnvironment env = profiles.environment();
        String ignore = AwsEnvironment.firstNonNull(env.env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
                env.property("aws.ignoreConfiguredEndpointUrls"));
        if ("true".equalsIgnoreCase(ignore)) {
            return Optional.empty();
        }
        String[] candidates = {env.env("AWS_ENDPOINT_URL_" + envSuffix), env.property("aws.endpointUrl" + propSuffix),
            env.env("AWS_ENDPOINT_URL"), env.property("aws.endpointUrl"),
            servicesSectionEndpoint(envSuffix.toLowerCase(java.util.Locale.ROOT)),
            profiles.find(profileName).map(AwsProfile::endpointUrl).orElse(null)};
        for (String c : candidates) {
            if (c != null) {
                try {
                    return Optional.of(URI.create(c));
                } catch (IllegalArgumentException e) {
                    throw new AwsProblemException(AwsProblem.of(AwsProblem.Kind.INVALID_REQUEST, null, null,
                            "endpoint URL is not a URI: " + c));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code services = NAME} in the profile, then {@code [services NAME]} with {@code ecr =\n  endpoint_url = ...}. */
    private String servicesSectionEndpoint(String serviceKey) {
        var file = profiles.profileFile();
        return file.profile(profileName).flatMap(p -> p.property("services"))
                .flatMap(name -> file.getSection("services", name.trim()))
                .flatMap(section -> section.property(serviceKey + ".endpoint_url"))
                .map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    /**
     * Runs {@code body} on the session's I/O threads (created on first use, stopped on {@link #close()}), for reads
     * that do not depend on each other: the SDK's clients are thread-safe, and waiting on answers one after the other
     * costs one round trip each.
     */
    <T> java.util.concurrent.CompletableFuture<T> async(Supplier<T> body) {
        java.util.concurrent.ExecutorService pool;
        synchronized (this) {
            if (io == null) {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                io = java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "pullfix-aws-io-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            pool = io;
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(body, pool);
    }

    /** Runs one SDK call and maps any failure to an {@link AwsProblem}. */
    <T> AwsResult<T> call(String service, String operation, Supplier<T> body) {
        try {
            return AwsResult.ok(body.get());
        } catch (AwsProblemException e) {
            return AwsResult.failed(e.problem());
        } catch (RuntimeException e) {
            return AwsResult.failed(problemOf(service, operation, e));
        }
    }

    AwsProblem problemOf(String service, String operation, Throwable e) {
        AwsProblem p = SdkErrors.map(service, operation, e, profileName, profileKind);
        if (p.kind() == AwsProblem.Kind.ENDPOINT_UNREACHABLE && SdkErrors.TIMEOUT_DETAIL.equals(p.detail())) {
            p = new AwsProblem(p.kind(), p.service(), p.operation(), p.errorCode(), null, null, "no answer within "
                    + options.effectiveApiCallTimeout().toSeconds() + " s", p.profile());
        }
        if (p.kind() == AwsProblem.Kind.SSO_LOGIN_REQUIRED || p.kind() == AwsProblem.Kind.EXPIRED_TOKEN) {
            // a role chain that starts at an SSO profile: log in with that one
            String root = profiles.ssoRoot(profileName).map(AwsProfile::name).orElse(null);
            if (root != null) {
                p = new AwsProblem(AwsProblem.Kind.SSO_LOGIN_REQUIRED, p.service(), p.operation(), p.errorCode(),
                        null, null, p.detail(), root);
            }
        }
        return p;
    }

    @Override
    public void close() {
        List<AutoCloseable> open;
        synchronized (closeables) {
            open = new ArrayList<>(closeables);
            closeables.clear();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        synchronized (this) {
            if (io != null) {
                io.shutdownNow();
                io = null;
            }
        }
    }
}
