package dev.pullfix.model.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.cluster.ExecCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** Every secret Pullfix reads is in the registry once it has been read, so every output path masks it. */
class RegisteredWhenReadTest {

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void kubeconfigTokensPasswordsAndClientKeys(@TempDir Path dir) throws Exception {
        String token = fresh("tok");
        String password = fresh("pw");
        String key = fresh("key");
        String idToken = fresh("oidc");
        Path kc = dir.resolve("config");
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: https://127.0.0.1:6443}}]
                contexts: [{name: x, context: {cluster: c, user: u1}}]
                current-context: x
                users:
                - {name: u1, user: {token: %s}}
                - {name: u2, user: {username: bob, password: %s}}
                - {name: u3, user: {client-certificate-data: Y2VydA==, client-key-data: %s}}
                - {name: u4, user: {auth-provider: {name: oidc, config: {id-token: %s, client-id: pullfix}}}}
                """.formatted(token, password, key, idToken), StandardCharsets.UTF_8);

        Kubeconfig.load(ClusterEnvironment.of(Map.of(), dir), kc);

        for (String s : new String[] {token, password, key, idToken}) {
            assertThat(Redactor.redact("server said " + s)).isEqualTo("server said " + Redactor.MASK);
        }
        assertThat(Redactor.redact("client-id pullfix")).isEqualTo("client-id pullfix");
    }

    @Test
    void awsKeysAndSessionTokensOfEveryProfile() {
        String keyId = fresh("ASIA");
        String secret = fresh("sk/");
        String session = fresh("st+");
        ProfileFile file = ProfileFile.builder().type(ProfileFile.Type.CREDENTIALS).content(
                "[dev]\naws_access_key_id = " + keyId + "\naws_secret_access_key = " + secret
                        + "\naws_session_token = " + session + "\n").build();

        AwsProfiles.of(file, AwsEnvironment.of(Map.of(), Path.of("/nonexistent")));

        assertThat(Secrets.process().leaksInto(keyId)).isTrue();
        assertThat(Secrets.process().leaksInto(secret)).isTrue();
        assertThat(Secrets.process().leaksInto("x" + session + "x")).isTrue();
    }

    @Test
    void execPluginCredentials() {
        String token = fresh("k8s-exec-");
        String key = fresh("pem");

        new ExecCredentials.Credential(token, "cert", key, null, false);

        assertThat(Redactor.redact("echo " + token + " " + key)).isEqualTo("echo [REDACTED] [REDACTED]");
    }

    @Test
    void registryPasswordsAndIdentityTokens() {
        String password = fresh("regpw-");
        String identity = fresh("idtok-");

        dev.pullfix.model.registry.Credential.basic("bob", password, "secret default/regcred");
        dev.pullfix.model.registry.Credential.identityToken(identity, "docker config");

        assertThat(Redactor.redact("registry said " + password + " and " + identity))
                .isEqualTo("registry said [REDACTED] and [REDACTED]");
    }
}
