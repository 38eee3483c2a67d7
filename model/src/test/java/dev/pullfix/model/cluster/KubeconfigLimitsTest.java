package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.limits.InputProblem;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile kubeconfigs are refused before (or instead of) a long parse, in Pullfix's words. Before: a 50 MB value
 * kept {@code contexts} at 100 % CPU past 200 s, 4 MB took 13.8 s to reach the YAML limit, and messages named
 * Jackson, fabric8 types and MalformedInputException.
 */
class KubeconfigLimitsTest {

    @TempDir
    Path dir;

    private ClusterError load(Path kc) {
        ClusterEnvironment env = ClusterEnvironment.of(Map.of(), dir);
        Throwable[] t = new Throwable[1];
        assertThatThrownBy(() -> Kubeconfig.load(env, kc)).isInstanceOfSatisfying(ClusterError.class, e -> t[0] = e);
        ClusterError e = (ClusterError) t[0];
        assertThat(e.code()).isEqualTo(ClusterError.Code.KUBECONFIG_MALFORMED);
        assertThat(String.join(" ", e.args())).doesNotContain("io.fabric8", "com.fasterxml", "jackson", "Jackson",
                "snakeyaml", "Exception", "`", "StreamReadConstraints");
        return e;
    }

    private static String kubeconfig(String caData) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: \"https://x\", "
                + "certificate-authority-data: " + caData + "}\nusers: []\ncontexts:\n- name: ctx\n"
                + "  context: {cluster: c, user: u}\ncurrent-context: ctx\n";
    }

    @Test
    void aFiftyMegabyteKubeconfigIsRefusedBySizeWithoutParsing() throws Exception {
        Path kc = dir.resolve("config");
        Files.writeString(kc, kubeconfig("AAAA"));
        try (RandomAccessFile f = new RandomAccessFile(kc.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        long t0 = System.nanoTime();
        ClusterError e = load(kc);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e.args().get(2)).isEqualTo("the file is 52428800 bytes; a kubeconfig may be at most 2097152 bytes");
        assertThat(e.getCause()).isInstanceOf(InputProblem.class);
        // refused by its size: no parse (before: minutes at 100 % CPU); generous for a loaded machine
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void aSingleHugeLineIsRefusedBeforeTheYamlParserCrawlsOverIt() throws Exception {
        Path kc = dir.resolve("config");
        Files.writeString(kc, kubeconfig("A".repeat(600 * 1024)));
        ClusterError e = load(kc);
        assertThat(e.args().get(2)).startsWith("line 5 is ").contains("lines of at most 524288 characters");
    }

    @Test
    void aBillionLaughsAliasBombIsRefused() throws Exception {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Config\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            String p = "*a" + (i - 1);
            sb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, p))).append("]\n");
        }
        Path kc = dir.resolve("config");
        Files.writeString(kc, sb.toString());
        ClusterError e = load(kc);
        assertThat(e.args().get(2)).contains("more than 50 YAML aliases");
        assertThat(e.args().get(1)).isNotEqualTo("?");
    }

    @Test
    void deepNestingIsRefusedWithLineAndColumn() throws Exception {
        Path kc = dir.resolve("config");
        Files.writeString(kc, "apiVersion: v1\nx: " + "[".repeat(200) + "]".repeat(200) + "\n");
        ClusterError e = load(kc);
        assertThat(e.args().get(2)).contains("nested deeper than 64 levels");
        assertThat(e.args().get(1)).isEqualTo("2");
    }

    @Test
    void aFileThatIsNotUtf8SaysSoInsteadOfMalformedInputException() throws Exception {
        Path kc = dir.resolve("config");
        byte[] text = kubeconfig("AAAA").getBytes(StandardCharsets.UTF_8);
        text[20] = (byte) 0xE9; // a Latin-1 é
        Files.write(kc, text);
        ClusterError e = load(kc);
        assertThat(e.args().get(2)).isEqualTo("the file is not UTF-8 text (byte 21)");
    }

    @Test
    void aWrongShapeIsToldWithoutFabric8TypeNames() throws Exception {
        Path kc = dir.resolve("config");
        Files.writeString(kc, "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: [1, 2]\n");
        ClusterError e = load(kc);
        assertThat(e.args().get(2)).contains("wrong shape");
    }
}
