package dev.pullfix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import dev.pullfix.model.limits.InputKind;
import dev.pullfix.model.limits.Inputs;
import java.nio.file.Path;
import java.util.List;

/** Reading the policy commands' inputs, and their texts from the {@code policy} bundle. */
final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * A UTF-8 file, or standard input for "-", within the input limits of its kind (size, lines, encoding); refused
     * input is an {@link dev.pullfix.model.limits.InputProblem} the error formatter words for the user.
     */
    static String read(String file, InputStream stdin, InputKind kind) throws IOException {
        if ("-".equals(file)) {
            return Inputs.decode(stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, kind.maxBytes() + 1)), "stdin", kind);
        }
        return Inputs.read(Path.of(file), kind);
    }

    /** Policy text from a file: the document itself or the output of aws ecr get-repository-policy. */
    static String policyText(String text) {
        try {
            JsonNode n = Output.mapper().readTree(text);
            if (n != null && n.isObject() && n.has("policyText") && n.get("policyText").isTextual()) {
                return n.get("policyText").asText();
            }
        } catch (IOException ignored) {
            // not JSON: the parser reports where
        }
        return text;
    }

    /** True when the text is the output of aws ecr get-repository-policy (a resource policy in policyText). */
    static boolean isGetRepositoryPolicyOutput(String text) {
        return !policyText(text).equals(text);
    }

    /** A policy bundle text; an unknown code shows as the code and its arguments. */
    static String text(Output o, String code, List<String> args) {
        return o.i18n().find("policy", code, args.toArray()).orElse(code + (args.isEmpty() ? "" : " " + args));
    }
}
