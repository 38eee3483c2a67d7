package dev.pullfix.model.limits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads user input within its {@link InputKind}'s limits before any parser sees it, and gives parsers that keep
 * the YAML/JSON limits (aliases, nesting, size). Parser failures are turned into {@link InputProblem}s in
 * Pullfix's words with file, line and column.
 */
public final class Inputs {

    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern CHAR_CODE = Pattern.compile("\\s*\\(code \\d+\\)");
    private static final Pattern PLACE = Pattern.compile("line: (\\d{1,9}), column: (\\d{1,9})");
    private static final Pattern ALIAS = Pattern.compile("(?<![\\w&*])\\*[A-Za-z0-9_.-]+");
    private static final Pattern SOURCE_SUFFIX = Pattern.compile("\\s*at \\[Source:.*", Pattern.DOTALL);

    private Inputs() {
    }

    /** Reads a file as UTF-8 text, refusing it by size first (without reading it), then by encoding and lines. */
    public static String read(Path file, InputKind kind) {
        String source = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputProblem(InputProblem.Code.NOT_READABLE, source, 0, 0, List.of("no such file"));
        } catch (IOException e) {
            throw new InputProblem(InputProblem.Code.NOT_READABLE, source, 0, 0, List.of(reason(e)));
        }
        if (Files.isDirectory(file)) {
            throw new InputProblem(InputProblem.Code.NOT_READABLE, source, 0, 0, List.of("a directory"));
        }
        if (size > kind.maxBytes()) {
            throw tooLarge(source, size, kind);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputProblem(InputProblem.Code.NOT_READABLE, source, 0, 0, List.of(reason(e)));
        }
        return decode(bytes, source, kind);
    }

    /** As {@link #read}, for bytes that did not come from a file (stdin, a download). */
    public static String decode(byte[] bytes, String source, InputKind kind) {
        if (bytes.length > kind.maxBytes()) {
            throw tooLarge(source, bytes.length, kind);
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = d.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new InputProblem(InputProblem.Code.NOT_UTF8, source, 0, 0, List.of(Integer.toString(in.position() + 1)));
        } catch (CharacterCodingException e) {
            throw new InputProblem(InputProblem.Code.NOT_UTF8, source, 0, 0, List.of(Integer.toString(in.position() + 1)));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return checkText(text, source, kind);
    }

    /** Checks text already in memory against the kind's size and line limits; returns it. */
    public static String checkText(String text, String source, InputKind kind) {
        if (text.length() > kind.maxBytes()) {
            throw tooLarge(source, text.length(), kind);
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int len = i - start;
                if (len > kind.maxLineChars()) {
                    throw new InputProblem(InputProblem.Code.LINE_TOO_LONG, source, line, 0, List.of(
                            Integer.toString(line), Integer.toString(len), kind.noun(),
                            Integer.toString(kind.maxLineChars())));
                }
                line++;
                start = i + 1;
            }
        }
        return text;
    }

    /** A YAML mapper that refuses more than {@value InputKind#MAX_ALIASES} aliases, deep nesting and oversize text. */
    public static ObjectMapper yamlMapper(InputKind kind) {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(InputKind.MAX_ALIASES);
        lo.setNestingDepthLimit(InputKind.MAX_NESTING);
        lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, kind.maxBytes() + 1));
        YAMLFactory f = YAMLFactory.builder().loaderOptions(lo).streamReadConstraints(constraints(kind)).build();
        return new ObjectMapper(f);
    }

    /** A JSON mapper with the kind's nesting and string limits. */
    public static ObjectMapper jsonMapper(InputKind kind) {
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(constraints(kind)).build());
    }

    private static StreamReadConstraints constraints(InputKind kind) {
        return StreamReadConstraints.builder().maxNestingDepth(InputKind.MAX_NESTING)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, kind.maxBytes())).build();
    }

    /** A parser's failure in Pullfix's words, with the line and column it gave. */
    public static InputProblem describe(JsonProcessingException e, String source) {
        return describe(e, source, null);
    }

    /**
     * As {@link #describe(JsonProcessingException, String)}; with the text, a nesting error the parser gave no
     * place for is placed where the brackets first nest too deep.
     */
    public static InputProblem describe(JsonProcessingException e, String source, String text) {
        JsonLocation loc = e.getLocation();
        int line = loc == null || loc.getLineNr() < 1 ? 0 : loc.getLineNr();
        int col = loc == null || loc.getColumnNr() < 1 ? 0 : loc.getColumnNr();
        String raw = String.valueOf(e.getOriginalMessage());
        if (e instanceof MismatchedInputException || (e instanceof JsonMappingException
                && !(e instanceof StreamConstraintsException))) {
            String path = e instanceof JsonMappingException m ? path(m) : "";
            return new InputProblem(InputProblem.Code.SYNTAX, source, line, col,
                    List.of((path.isEmpty() ? "a value" : path) + " has the wrong shape ("
                            + shape(raw.toLowerCase(Locale.ROOT)) + ")"));
        }
        return describeMessage(raw, source, line, col, text);
    }

    /**
     * A parser's message (another library's exception, e.g. the Kubernetes client's own YAML reading) in
     * Pullfix's words.
     */
    public static InputProblem describeMessage(String message, String source, int line, int col, String text) {
        String raw = String.valueOf(message);
        String lower = raw.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher at = PLACE.matcher(raw);
        if (line == 0 && at.find()) {
            line = Integer.parseInt(at.group(1));
            col = Integer.parseInt(at.group(2));
        }
        if (lower.contains("nesting depth")) {
            if (line == 0 && text != null) {
                int[] place = deepestPlace(text);
                line = place[0];
                col = place[1];
            }
            return new InputProblem(InputProblem.Code.TOO_DEEP, source, line, col,
                    List.of(Integer.toString(InputKind.MAX_NESTING)));
        }
        if (lower.contains("string value length") || lower.contains("number value length")) {
            return new InputProblem(InputProblem.Code.SYNTAX, source, line, col, List.of("a value is too long"));
        }
        if (lower.contains("number of aliases") && line == 0 && text != null) {
            java.util.regex.Matcher m = ALIAS.matcher(text);
            for (int n = 0; m.find(); n++) {
                if (n == InputKind.MAX_ALIASES) {
                    String before = text.substring(0, m.start());
                    line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
                    col = m.start() - before.lastIndexOf('\n');
                    break;
                }
            }
        }
        if (lower.contains("number of aliases")) {
            return new InputProblem(InputProblem.Code.TOO_MANY_ALIASES, source, line, col,
                    List.of(Integer.toString(InputKind.MAX_ALIASES)));
        }
        if (lower.contains("exceeds the limit") && lower.contains("code points")) {
            return new InputProblem(InputProblem.Code.SYNTAX, source, line, col, List.of("the document is too large"));
        }
        if (lower.contains("cannot deserialize") || lower.contains("unrecognized field")
                || lower.contains("cannot construct instance")) {
            return new InputProblem(InputProblem.Code.SYNTAX, source, line, col,
                    List.of("a value has the wrong shape (" + shape(lower) + ")"));
        }
        return new InputProblem(InputProblem.Code.SYNTAX, source, line, col, List.of(clean(raw)));
    }

    /** Line and column (1-based) where flow brackets first nest deeper than the limit; {0, 0} when they do not. */
    static int[] deepestPlace(String text) {
        int depth = 0;
        int line = 1;
        int col = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                if (++depth > InputKind.MAX_NESTING) {
                    return new int[] {line, col};
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return new int[] {0, 0};
    }

    /** A parser message without type names, character codes or source dumps. */
    public static String clean(String message) {
        String first = message == null ? "" : message.strip();
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl);
        }
        first = SOURCE_SUFFIX.matcher(first).replaceAll("");
        first = BACKTICKED.matcher(first).replaceAll("a value");
        first = CHAR_CODE.matcher(first).replaceAll("");
        first = first.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z0-9_$.]+", "a value");
        return first.isBlank() ? "not valid" : first;
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String shape(String lower) {
        if (lower.contains("from array") || lower.contains("start_array")) {
            return "a list where a single value or mapping belongs";
        }
        if (lower.contains("from object") || lower.contains("start_object")) {
            return "a mapping where a single value or list belongs";
        }
        if (lower.contains("unrecognized field")) {
            return "unknown field";
        }
        return "expected another kind of value";
    }

    private static InputProblem tooLarge(String source, long size, InputKind kind) {
        return new InputProblem(InputProblem.Code.TOO_LARGE, source, 0, 0,
                List.of(Long.toString(size), kind.noun(), Long.toString(kind.maxBytes())));
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? "I/O error" : clean(e.getMessage());
    }
}
