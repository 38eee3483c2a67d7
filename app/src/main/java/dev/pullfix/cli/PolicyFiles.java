package dev.pullfix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the policy commands' inputs, and their texts from the {@code policy} bundle. */
final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * A UTF-8 file, or standard input for "-"; failures are the JDK's own exceptions (no such file, permission
     * denied, is a directory, not UTF-8), which the error formatter words for the user.
     */
    static String read(String file, InputStream stdin) throws IOException {
        byte[] bytes = "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new dev.pullfix.app.common.NotUtf8Exception(file);
        }
    }

    /** Policy text from a file: the document itself or the output of aws ecr get-repository-policy. */
    static String policyText(String text) {
        try {
            JsonNode n = Output.JSON.readTree(text);
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
