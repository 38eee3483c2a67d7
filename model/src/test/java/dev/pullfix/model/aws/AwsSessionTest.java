package dev.pullfix.model.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;

class AwsSessionTest {
    static AwsStub stub;

    @BeforeAll
    static void start() {
        stub = new AwsStub();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.reset();
        stub.sts("GetCallerIdentity", "<Arn>arn:aws:iam::682844965773:user/alice</Arn>"
                + "<UserId>AIDAZ6EXAMPLEUSERID01</UserId><Account>682844965773</Account>");
    }

    static AwsProfiles profiles(String config, Map<String, String> env) {
        return AwsProfiles.of(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build(),
                AwsEnvironment.of(env, Path.of("/nonexistent-home")));
    }

    @Test
    void honoursAwsEndpointUrlFromTheEnvironmentWithTheUrlConnectionClient() {
        AwsProfiles p = AwsStub.profiles(Map.of("AWS_ENDPOINT_URL", stub.endpoint().toString(), "AWS_REGION", "us-west-2"));
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withRetries(1, true))) {
            assertThat(s.sts().callerIdentity().value().arn()).endsWith(":user/alice");
            assertThat(s.region().source()).isEqualTo(RegionChoice.Source.ENV_AWS_REGION);
            assertThat(s.credentialsSource()).isEqualTo(AwsSession.CredentialsSource.ENVIRONMENT);
        }
    }

    @Test
    void serviceSpecificEndpointWinsOverTheGlobalOne() {
        AwsProfiles p = AwsStub.profiles(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_STS", stub.endpoint().toString(), "AWS_REGION", "us-west-2"));
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withRetries(1, true))) {
            assertThat(s.sts().callerIdentity().isOk()).isTrue();
        }
    }

    @Test
    void honoursTheSdkSystemPropertyEndpointSeam() {
        AwsProfiles p = AwsProfiles.of(ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build(),
                new AwsEnvironment(Map.of(), Map.of("aws.endpointUrl", stub.endpoint().toString(),
                        "aws.accessKeyId", "AKIDLAB", "aws.secretAccessKey", "secret", "aws.region", "us-west-2"),
                        Path.of("/nonexistent-home")));
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withRetries(1, true))) {
            assertThat(s.sts().callerIdentity().isOk()).isTrue();
        }
    }

    @Test
    void ignoreConfiguredEndpointUrlsTurnsThemOff() {
        AwsProfiles p = AwsStub.profiles(Map.of("AWS_ENDPOINT_URL", stub.endpoint().toString(),
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", "AWS_REGION", "us-west-2"));
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults())) {
            assertThat(s.endpointFor("STS", "Sts")).isEmpty();
        }
    }

    @Test
    void profileEndpointUrlAndStaticKeysFromTheProfile() {
        AwsProfiles p = profiles("[profile lab]\nregion = us-west-2\nendpoint_url = " + stub.endpoint()
                + "\naws_access_key_id = AKIDLAB\naws_secret_access_key = secret\n", Map.of());
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withProfile("lab").withRetries(1, true))) {
            assertThat(s.profileKind()).isEqualTo(ProfileKind.STATIC_KEYS);
            assertThat(s.sts().callerIdentity().value().account()).isEqualTo("682844965773");
        }
    }

    @Test
    void credentialProcessKeysSignTheRequests() {
        AwsProfiles p = profiles("[profile proc]\nregion = us-west-2\ncredential_process = /bin/echo "
                + "'{\"Version\":1,\"AccessKeyId\":\"AKIDPROCESS\",\"SecretAccessKey\":\"s3cr3t\"}'\n", Map.of());
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withProfile("proc")
                .withEndpoint(stub.endpoint()).withRetries(1, true))) {
            assertThat(s.profileKind()).isEqualTo(ProfileKind.CREDENTIAL_PROCESS);
            AwsResult<CallerIdentity> me = s.sts().callerIdentity();
            assertThat(me.isOk()).as(String.valueOf(me.problem())).isTrue();
        }
        stub.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "Credential=AKIDPROCESS/")));
    }

    @Test
    void servicesSectionEndpointAppliesPerService() {
        AwsProfiles p = profiles("[profile lab]\nregion = us-west-2\nservices = lab-endpoints\n"
                + "aws_access_key_id = AKIDLAB\naws_secret_access_key = secret\n"
                + "[services lab-endpoints]\nsts =\n  endpoint_url = " + stub.endpoint() + "\n"
                + "ecr =\n  endpoint_url = http://127.0.0.1:9\n", Map.of());
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withProfile("lab").withRetries(1, true))) {
            assertThat(s.endpointFor("STS", "Sts")).hasValue(stub.endpoint());
            assertThat(s.endpointFor("ECR", "Ecr")).hasValue(java.net.URI.create("http://127.0.0.1:9"));
            assertThat(s.endpointFor("EKS", "Eks")).isEmpty();
            assertThat(s.sts().callerIdentity().isOk()).isTrue();
        }
    }

    @Test
    void expiredOrMissingSsoLoginSaysRunAwsSsoLogin() {
        AwsProfiles p = profiles("""
                [profile dev]
                sso_session = corp
                sso_account_id = 682844965773
                sso_role_name = Developer
                region = us-west-2
                [sso-session corp]
                sso_start_url = https://pullfix-test-never-logged-in.awsapps.com/start
                sso_region = us-east-1
                """, Map.of());
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withProfile("dev")
                .withEndpoint(stub.endpoint()).withRetries(1, true))) {
            AwsProblem problem = s.sts().callerIdentity().problem().orElseThrow();
            assertThat(problem.kind()).isEqualTo(AwsProblem.Kind.SSO_LOGIN_REQUIRED);
            assertThat(problem.profile()).isEqualTo("dev");
            assertThat(problem.messageCode()).isEqualTo("aws.problem.ssoLoginRequired");
        } catch (AwsProblemException e) {
            assertThat(e.problem().kind()).isEqualTo(AwsProblem.Kind.SSO_LOGIN_REQUIRED);
        }
    }

    @Test
    void legacySsoProfileWithoutTokenSaysRunAwsSsoLogin() {
        AwsProfiles p = profiles("""
                [profile legacy]
                sso_start_url = https://pullfix-test-never-logged-in.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 682844965773
                sso_role_name = ReadOnly
                region = us-west-2
                """, Map.of());
        AwsProblem problem;
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withProfile("legacy")
                .withEndpoint(stub.endpoint()).withRetries(1, true))) {
            problem = s.sts().callerIdentity().problem().orElseThrow();
        } catch (AwsProblemException e) {
            problem = e.problem();
        }
        assertThat(problem.kind()).isEqualTo(AwsProblem.Kind.SSO_LOGIN_REQUIRED);
        assertThat(problem.profile()).isEqualTo("legacy");
    }

    @Test
    void roleChainFromAnExpiredSsoProfileNamesTheSsoProfileToLogInWith() {
        AwsProfiles p = profiles("""
                [profile dev]
                sso_session = corp
                sso_account_id = 682844965773
                sso_role_name = Developer
                [profile ops]
                role_arn = arn:aws:iam::111122223333:role/Ops
                source_profile = dev
                region = us-west-2
                [sso-session corp]
                sso_start_url = https://pullfix-test-never-logged-in.awsapps.com/start
                sso_region = us-east-1
                """, Map.of());
        AwsProblem problem;
        try (AwsSession s = AwsSession.open(p, AwsSessionOptions.defaults().withProfile("ops")
                .withEndpoint(stub.endpoint()).withRetries(1, true))) {
            problem = s.sts().callerIdentity().problem().orElseThrow();
        } catch (AwsProblemException e) {
            problem = e.problem();
        }
        assertThat(problem.kind()).isEqualTo(AwsProblem.Kind.SSO_LOGIN_REQUIRED);
        assertThat(problem.profile()).isEqualTo("dev");
    }

    @Test
    void checksStartingTogetherGetOneClientPerServiceBuiltOnce() throws Exception {
        try (AwsSession s = stub.session()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Object>> got = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                got.add(pool.submit(() -> {
                    go.await();
                    return n % 2 == 0 ? s.ecrClient() : s.iamClient();
                }));
            }
            go.countDown();
            java.util.Set<Object> clients = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (var f : got) {
                clients.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(clients).hasSize(2);
            assertThat(clients).contains(s.ecrClient(), s.iamClient());
        }
    }

    @Test
    void closingTheSessionClosesItsClients() {
        AwsSession s = stub.session();
        s.sts().callerIdentity();
        s.close();
        assertThat(s.sts().callerIdentity().problem()).isPresent();
    }
}
