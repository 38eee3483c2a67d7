package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker config parsing and host matching as the kubelet's credentialprovider keyring does them. */
class KeyringTest {

    static List<DockerConfig.Entry> cfg(String key, String user) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
        return DockerConfig.parseConfigJson(("{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth + "\"}}}")
                .getBytes(StandardCharsets.UTF_8), "secret ns/" + user);
    }

    static List<String> users(Keyring k, String image) {
        return k.lookup(ImageReference.parse(image).name()).stream().map(Credential::username).toList();
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource({
        "https://index.docker.io/v1/, nginx, true",
        "https://index.docker.io/v1/, docker.io/library/nginx:1.27, true",
        "https://index.docker.io/v1/, someuser/app, true",
        "index.docker.io, nginx, true",
        "docker.io, nginx, true",
        "registry-1.docker.io, nginx, false",
        "https://index.docker.io/v1/, quay.io/coreos/etcd, false",
        "registry.example.com, registry.example.com/shop/billing:3.2.1, true",
        "https://registry.example.com, registry.example.com/shop/billing, true",
        "http://registry.example.com/v2/, registry.example.com/shop/billing, true",
        "registry.example.com, registry.example.com:5000/shop/billing, false",
        "registry.example.com:5000, registry.example.com:5000/shop/billing, true",
        "registry.example.com:5000, registry.example.com/shop/billing, false",
        "registry.example.com/shop, registry.example.com/shop/billing, true",
        "registry.example.com/shop, registry.example.com/other/billing, false",
        "*.example.com, registry.example.com/shop/billing, true",
        "*.example.com, example.com/shop/billing, false",
        "*.example.com, a.registry.example.com/shop/billing, false",
        "*.dkr.ecr.*.amazonaws.com, 682844965773.dkr.ecr.us-west-2.amazonaws.com/app, true",
        "ghcr.io, ghcr.io/owner/app, true",
        "ghcr.io, ghcr.io.evil.example/owner/app, false"})
    void matchesHostsAsTheKubeletDoes(String key, String image, boolean matches) throws Exception {
        Keyring k = new Keyring().add(cfg(key, "u"));
        assertThat(users(k, image)).isEqualTo(matches ? List.of("u") : List.of());
        assertThat(Keyring.covers(List.of(key), ImageReference.parse(image).name()))
                .as("the keys alone answer as the lookup does (the diagnosis knows a secret's hosts, not its credentials)")
                .isEqualTo(matches);
    }

    @Test
    void theMostSpecificKeyComesFirstAndEveryMatchIsTried() throws Exception {
        Keyring k = new Keyring().add(cfg("quay.io", "org")).add(cfg("quay.io/coreos", "team"))
                .add(cfg("quay.io", "second"));
        assertThat(users(k, "quay.io/coreos/etcd:v3")).containsExactly("team", "org", "second");
        assertThat(k.keys()).containsExactly("quay.io/coreos", "quay.io");
    }

    @Test
    void authOverridesUsernameAndPasswordAndDockercfgIsTheBareMap() throws Exception {
        String auth = Base64.getEncoder().encodeToString("real:pass:with:colons".getBytes(StandardCharsets.UTF_8));
        List<DockerConfig.Entry> e = DockerConfig.parseDockercfg(("{\"r.example\":{\"username\":\"ignored\","
                + "\"password\":\"ignored\",\"auth\":\"" + auth + "\",\"email\":\"a@b\"}}").getBytes(StandardCharsets.UTF_8),
                "secret ns/old");
        assertThat(e).hasSize(1);
        assertThat(e.get(0).credential().username()).isEqualTo("real");
        assertThat(e.get(0).credential().secret()).isEqualTo("pass:with:colons");
        assertThat(e.get(0).credential().source()).isEqualTo("secret ns/old (r.example)");
    }

    @Test
    void malformedDataNeverEchoesTheContent() {
        assertThatThrownBy(() -> DockerConfig.parseConfigJson("{\"auths\": {\"x\": {\"auth\": \"hunter2-not-b64!\"}}}"
                .getBytes(StandardCharsets.UTF_8), "s")).hasMessage("the auth field for x is not base64");
        assertThatThrownBy(() -> DockerConfig.parseConfigJson("hunter2 {".getBytes(StandardCharsets.UTF_8), "s"))
                .hasMessage("not valid JSON");
    }

    @Test
    void kubeletCredentialsSkipMissingSecretsIgnoreOtherTypesAndFlagBrokenOnes() throws CouldNotCheckException {
        Map<String, PullSecret> store = new HashMap<>();
        store.put("good", new PullSecret("ns", "good", PullSecret.TYPE_CONFIG_JSON,
                "{\"auths\":{\"registry.example.com\":{\"username\":\"ci\",\"password\":\"pw\"}}}".getBytes(StandardCharsets.UTF_8), null));
        store.put("opaque", new PullSecret("ns", "opaque", "Opaque", null, null));
        store.put("broken", new PullSecret("ns", "broken", PullSecret.TYPE_CONFIG_JSON, "{".getBytes(StandardCharsets.UTF_8), null));
        PullSecretReader reader = (ns, name) -> Optional.ofNullable(store.get(name));
        KubeletCredentials kc = KubeletCredentials.resolve(reader, "ns", List.of("missing", "opaque", "good", "good"));
        assertThat(kc.secretNames()).containsExactly("missing", "opaque", "good");
        assertThat(kc.problems()).extracting(KubeletCredentials.SecretProblem::problem)
                .containsExactly(KubeletCredentials.Problem.MISSING, KubeletCredentials.Problem.NOT_DOCKER_CONFIG);
        assertThat(kc.credentialsFor(ImageReference.parse("registry.example.com/shop/billing:1")))
                .extracting(Credential::username).containsExactly("ci");
        assertThat(kc.credentialsFor(ImageReference.parse("nginx"))).isEmpty();
        assertThat(kc.keyringBroken()).isFalse();
        assertThat(KubeletCredentials.resolve(reader, "ns", List.of("broken")).keyringBroken()).isTrue();
        assertThat(kc.toString()).doesNotContain("pw");
    }
}
