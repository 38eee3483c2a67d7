package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: a policy command given a file that is not JSON says so in one line in Pullfix's words, with the file,
 * line and column: no parser name, no exception class, no stack trace; bad input is exit 2.
 */
class PolicyInvalidJsonTest {
    static final String BROKEN = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ {\"Effect\": \"Allow\",, } ]\n}\n";
    static final String GOOD = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "policy {0} with a broken file")
    @ValueSource(strings = {"eval", "diff", "propose"})
    void aFileThatIsNotJsonIsOneClearLineAndExitTwo(String command) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, BROKEN, StandardCharsets.UTF_8);
        Path good = dir.resolve("good.json");
        Files.writeString(good, GOOD, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("policy", command));
        switch (command) {
            case "eval" -> args.add(broken.toString());
            case "diff" -> args.addAll(List.of(good.toString(), broken.toString()));
            default -> args.addAll(List.of(broken.toString(), "--role",
                    "arn:aws:iam::682844965773:role/node", "--repository",
                    "arn:aws:ecr:us-west-2:682844965773:repository/shop/web"));
        }

        CliRun r = CliRun.main(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).containsIgnoringCase("invalid").contains("broken.json").contains("line 3, column 37").doesNotContain("Exception").doesNotContain("Jackson")
                .doesNotContain("com.fasterxml").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
