package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

    @TempDir
    Path home;

    private Path write(String name, String yaml) throws Exception {
        Path p = home.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
        return p;
    }

    private static final String FIRST = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: shared
              cluster: {server: "https://first.example.com"}
            contexts:
            - name: dev
              context: {cluster: shared, user: alice, namespace: shop}
            - name: both
              context: {cluster: shared, user: alice, namespace: from-first}
            users:
            - name: alice
              user: {token: first-token}
            """;

    private static final String SECOND = """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: shared
              cluster: {server: "https://second.example.com"}
            - name: arn:aws:eks:us-west-2:682844965773:cluster/retail
              cluster: {server: "https://ABCDEF0123456789.gr7.us-west-2.eks.amazonaws.com"}
            contexts:
            - name: both
              context: {cluster: shared, user: alice, namespace: from-second}
            - name: arn:aws:eks:us-west-2:682844965773:cluster/retail
              context: {cluster: "arn:aws:eks:us-west-2:682844965773:cluster/retail", user: eks}
            users:
            - name: eks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: aws
                  args: [--region, us-west-2, eks, get-token, --cluster-name, retail, --output, json]
                  env:
                  - {name: AWS_PROFILE, value: shop-admin}
            """;

    private ClusterEnvironment env(String kubeconfig) {
        return ClusterEnvironment.of(kubeconfig == null ? Map.of() : Map.of("KUBECONFIG", kubeconfig), home);
    }

    @Test
    void mergesKubeconfigFilesWithTheFirstFileWinning() throws Exception {
        Path a = write("a.yaml", FIRST);
        Path b = write("b.yaml", SECOND);
        Kubeconfig kc = Kubeconfig.load(env(a + File.pathSeparator + home.resolve("missing.yaml")
                + File.pathSeparator + b), null);
        assertThat(kc.files()).containsExactly(a, b);
        assertThat(kc.currentContext()).isEqualTo("dev");
        assertThat(kc.contextNames()).containsExactly("dev", "both", "arn:aws:eks:us-west-2:682844965773:cluster/retail");
        assertThat(kc.context("both").namespace()).isEqualTo("from-first");
        assertThat(kc.context("both").server()).isEqualTo("https://first.example.com");
        assertThat(kc.context(null).name()).isEqualTo("dev");
        assertThat(kc.context(null).current()).isTrue();
    }

    @Test
    void describesEachContextsAuthAndItsEksCluster() throws Exception {
        Kubeconfig kc = Kubeconfig.load(env(write("b.yaml", SECOND).toString()), null);
        ContextInfo eks = kc.context("arn:aws:eks:us-west-2:682844965773:cluster/retail");
        assertThat(eks.auth()).isEqualTo(ContextInfo.AuthKind.EXEC);
        assertThat(eks.execCommand()).isEqualTo("aws");
        assertThat(eks.eks()).isEqualTo(new EksContextMapping("retail", "us-west-2", "shop-admin", null,
                "682844965773", EksContextMapping.Source.EXEC_ARGS));
        assertThat(eks.effectiveNamespace()).isEqualTo("default");
        assertThat(kc.context("both").eks()).isNull();
        assertThat(kc.context("both").auth()).isEqualTo(ContextInfo.AuthKind.NONE);
    }

    @Test
    void readsHomeKubeConfigWhenKubeconfigIsUnset() throws Exception {
        write(".kube/config", FIRST);
        Kubeconfig kc = Kubeconfig.load(env(null), null);
        assertThat(kc.files()).containsExactly(home.resolve(".kube/config"));
        assertThat(kc.context(null).auth()).isEqualTo(ContextInfo.AuthKind.TOKEN);
    }

    @Test
    void anExplicitKubeconfigFileOverridesTheEnvironment() throws Exception {
        Path a = write("a.yaml", FIRST);
        Path b = write("b.yaml", SECOND);
        assertThat(Kubeconfig.load(env(a.toString()), b).currentContext()).isEqualTo("prod");
    }

    @Test
    void saysWhereItLookedWhenThereIsNoKubeconfig() {
        assertThatThrownBy(() -> Kubeconfig.load(env(null), null)).isInstanceOfSatisfying(ClusterError.class, e -> {
            assertThat(e.code()).isEqualTo(ClusterError.Code.NO_KUBECONFIG);
            assertThat(e.args().get(0)).isEqualTo(home.resolve(".kube/config").toString());
        });
    }

    @Test
    void saysAnExplicitFileIsMissing() {
        assertThatThrownBy(() -> Kubeconfig.load(env(null), home.resolve("nope.yaml")))
                .isInstanceOfSatisfying(ClusterError.class,
                        e -> assertThat(e.code()).isEqualTo(ClusterError.Code.KUBECONFIG_NOT_FOUND));
    }

    @Test
    void reportsBrokenYamlWithTheLineAndLeavesTheFileUntouched() throws Exception {
        String broken = """
                apiVersion: v1
                clusters:
                - name: x
                  cluster: {server: "https://x"
                contexts: []
                """;
        Path p = write("broken.yaml", broken);
        long modified = Files.getLastModifiedTime(p).toMillis();
        assertThatThrownBy(() -> Kubeconfig.load(env(p.toString()), null))
                .isInstanceOfSatisfying(ClusterError.class, e -> {
                    assertThat(e.code()).isEqualTo(ClusterError.Code.KUBECONFIG_MALFORMED);
                    assertThat(e.args().get(0)).isEqualTo(p.toString());
                    assertThat(e.args().get(1)).isIn("4", "5");
                });
        assertThat(Files.readString(p)).isEqualTo(broken);
        assertThat(Files.getLastModifiedTime(p).toMillis()).isEqualTo(modified);
    }

    @Test
    void reportsAYamlScalarAsNotAKubeconfig() throws Exception {
        Path p = write("scalar.yaml", "just a string\n");
        assertThatThrownBy(() -> Kubeconfig.load(env(p.toString()), null))
                .isInstanceOfSatisfying(ClusterError.class,
                        e -> assertThat(e.code()).isEqualTo(ClusterError.Code.KUBECONFIG_MALFORMED));
    }

    @Test
    void listsTheKnownContextsWhenTheContextIsUnknown() throws Exception {
        Kubeconfig kc = Kubeconfig.load(env(write("a.yaml", FIRST).toString()), null);
        assertThatThrownBy(() -> kc.context("staging")).isInstanceOfSatisfying(ClusterError.class, e -> {
            assertThat(e.code()).isEqualTo(ClusterError.Code.UNKNOWN_CONTEXT);
            assertThat(e.args()).containsExactly("staging", "dev, both");
        });
    }

    @Test
    void saysWhenNoCurrentContextIsSet() throws Exception {
        Kubeconfig kc = Kubeconfig.load(env(write("a.yaml", FIRST.replace("current-context: dev\n", "")).toString()),
                null);
        assertThatThrownBy(() -> kc.context(null)).isInstanceOfSatisfying(ClusterError.class,
                e -> assertThat(e.code()).isEqualTo(ClusterError.Code.NO_CURRENT_CONTEXT));
    }

    @Test
    void treatsAnEmptyFileAsAnEmptyKubeconfig() throws Exception {
        Path empty = write("empty.yaml", "");
        Path a = write("a.yaml", FIRST);
        Kubeconfig kc = Kubeconfig.load(env(empty + File.pathSeparator + a), null);
        assertThat(kc.currentContext()).isEqualTo("dev");
    }

    @Test
    void resolvesYamlAnchorsAndAliasesAsKubectlDoes() throws Exception {
        Path kc = write("aliases", """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: c
                  cluster: &cluster {server: "https://aliased.example.com"}
                - name: c2
                  cluster: *cluster
                contexts:
                - name: dev
                  context: &ctx {cluster: c2, user: alice, namespace: shop}
                users:
                - name: alice
                  user: {token: t}
                """);
        Kubeconfig k = Kubeconfig.load(ClusterEnvironment.of(Map.of(), home), kc);
        ContextInfo dev = k.context(null);
        assertThat(dev.server()).isEqualTo("https://aliased.example.com");
        assertThat(dev.clusterName()).isEqualTo("c2");
    }
}
