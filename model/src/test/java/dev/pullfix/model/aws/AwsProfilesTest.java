package dev.pullfix.model.aws;

import dev.pullfix.model.ExampleKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.profiles.ProfileFile;

class AwsProfilesTest {

    static final String CONFIG = """
            [default]
            region = us-west-2

            [profile dev]
            sso_session = corp
            sso_account_id = 682844965773
            sso_role_name = Developer
            region = eu-west-1

            [profile legacy]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 682844965773
            sso_role_name = ReadOnly

            [profile ops]
            role_arn = arn:aws:iam::111122223333:role/Ops
            source_profile = dev

            [profile ci]
            role_arn = arn:aws:iam::111122223333:role/CI
            web_identity_token_file = /var/run/secrets/token

            [profile proc]
            credential_process = /usr/local/bin/get-creds --json

            [profile lab]
            region = us-west-2
            endpoint_url = http://127.0.0.1:4566

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """;

    static final String CREDENTIALS = """
            [default]
            aws_access_key_id = %s
            aws_secret_access_key = %s

            [keys]
            aws_access_key_id = %s
            aws_secret_access_key = %s
            """.formatted(ExampleKeys.ACCESS_KEY_ID, ExampleKeys.SECRET_ACCESS_KEY, ExampleKeys.ACCESS_KEY_ID_2,
            ExampleKeys.SECRET_ACCESS_KEY_2);

    static AwsProfiles profiles(Map<String, String> env) {
        ProfileFile file = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(CONFIG).type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(ProfileFile.builder().content(CREDENTIALS).type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        return AwsProfiles.of(file, AwsEnvironment.of(env, Path.of("/nonexistent-home")));
    }

    @ParameterizedTest
    @CsvSource({"default,STATIC_KEYS", "keys,STATIC_KEYS", "dev,SSO_SESSION", "legacy,SSO_LEGACY", "ops,ASSUME_ROLE",
        "ci,WEB_IDENTITY", "proc,CREDENTIAL_PROCESS", "lab,NO_CREDENTIALS"})
    void tellsEachProfilesCredentialKind(String name, ProfileKind kind) {
        assertThat(profiles(Map.of()).find(name).orElseThrow().kind()).isEqualTo(kind);
    }

    @Test
    void listsDefaultFirstThenByName() {
        assertThat(profiles(Map.of()).list()).extracting(AwsProfile::name)
                .containsExactly("default", "ci", "dev", "keys", "lab", "legacy", "ops", "proc");
    }

    @Test
    void ssoSessionProfileTakesTheStartUrlFromItsSection() {
        AwsProfile dev = profiles(Map.of()).find("dev").orElseThrow();
        assertThat(dev.ssoSession()).isEqualTo("corp");
        assertThat(dev.ssoStartUrl()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(dev.ssoLoginCommand()).isEqualTo("aws sso login --profile dev");
    }

    @Test
    void roleChainEndsAtItsSsoSourceProfile() {
        AwsProfiles p = profiles(Map.of());
        assertThat(p.chain("ops")).extracting(AwsProfile::name).containsExactly("ops", "dev");
        assertThat(p.ssoRoot("ops")).map(AwsProfile::name).hasValue("dev");
        assertThat(p.ssoRoot("keys")).isEmpty();
    }

    @Test
    void awsProfileChoosesTheActiveProfile() {
        assertThat(profiles(Map.of("AWS_PROFILE", "ops")).activeProfileName(null)).isEqualTo("ops");
        assertThat(profiles(Map.of("AWS_PROFILE", "ops")).activeProfileName("dev")).isEqualTo("dev");
        assertThat(profiles(Map.of()).activeProfileName(null)).isEqualTo("default");
    }

    @Test
    void regionComesFromExplicitThenResourceThenEnvThenProfile() {
        AwsProfiles p = profiles(Map.of("AWS_DEFAULT_REGION", "ap-northeast-1"));
        assertThat(p.region("eu-central-1", "us-east-2", "dev").orElseThrow())
                .isEqualTo(new RegionChoice("eu-central-1", RegionChoice.Source.EXPLICIT));
        assertThat(p.region(null, "us-east-2", "dev").orElseThrow().source()).isEqualTo(RegionChoice.Source.RESOURCE);
        assertThat(p.region(null, null, "dev").orElseThrow())
                .isEqualTo(new RegionChoice("ap-northeast-1", RegionChoice.Source.ENV_AWS_DEFAULT_REGION));
        assertThat(profiles(Map.of("AWS_REGION", "sa-east-1", "AWS_DEFAULT_REGION", "x")).region(null, null, "dev")
                .orElseThrow().region()).isEqualTo("sa-east-1");
        assertThat(profiles(Map.of()).region(null, null, "dev").orElseThrow())
                .isEqualTo(new RegionChoice("eu-west-1", RegionChoice.Source.PROFILE));
        assertThat(profiles(Map.of()).region(null, null, "proc")).isEmpty();
    }

    @Test
    void readsTheFilesNamedByTheEnvironment(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("cfg");
        Path creds = dir.resolve("creds");
        Files.writeString(config, CONFIG);
        Files.writeString(creds, CREDENTIALS);
        AwsProfiles p = AwsProfiles.load(AwsEnvironment.of(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", creds.toString()), dir));
        assertThat(p.find("keys")).isPresent();
        assertThat(p.find("dev").orElseThrow().region()).isEqualTo("eu-west-1");
    }

    @Test
    void readsTheDefaultFilesUnderHomeAndToleratesMissingOnes(@TempDir Path home) throws IOException {
        assertThat(AwsProfiles.load(AwsEnvironment.of(Map.of(), home)).list()).isEmpty();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile only]\nregion = us-east-1\n");
        assertThat(AwsProfiles.load(AwsEnvironment.of(Map.of(), home)).list()).extracting(AwsProfile::name)
                .containsExactly("only");
    }

    @Test
    void neverExposesSecretValues() {
        assertThat(profiles(Map.of()).list().toString()).doesNotContain("EXAMPLEKEY").doesNotContain("AKIA");
    }

    @ParameterizedTest
    @CsvSource({"us-west-2a,us-west-2", "us-west-2-lax-1a,us-west-2", "ap-northeast-1c,ap-northeast-1",
        "us-gov-west-1b,us-gov-west-1"})
    void regionOfAnAvailabilityZone(String zone, String region) {
        assertThat(AwsProfiles.regionOfZone(zone)).hasValue(region);
    }

    @Test
    void unknownExplicitProfileIsATypedProblem() {
        assertThatThrownBy(() -> AwsSession.open(profiles(Map.of()), AwsSessionOptions.defaults().withProfile("nope")
                .withRegion("us-west-2")))
                .isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(AwsProblem.Kind.PROFILE_NOT_FOUND);
                    assertThat(e.problem().messageArgs().get(1)).isEqualTo("nope");
                });
    }

    @Test
    void noRegionAnywhereIsATypedProblem() {
        assertThatThrownBy(() -> AwsSession.open(profiles(Map.of()), AwsSessionOptions.defaults().withProfile("proc")))
                .isInstanceOfSatisfying(AwsProblemException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(AwsProblem.Kind.NO_REGION));
    }
}
