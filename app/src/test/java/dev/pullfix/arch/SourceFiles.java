package dev.pullfix.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The sources the guard tests read (paths relative to the app module, where Maven runs its tests). */
final class SourceFiles {
    static final Path APP = Path.of("src/main/java/dev/pullfix/app");
    static final Path MODEL = Path.of("../model/src/main/java/dev/pullfix/model");
    static final Path I18N = Path.of("../resources/src/main/resources/dev/pullfix/i18n");

    private SourceFiles() {
    }

    /** Every .java file under a folder, by path, with its text. */
    static Map<Path, String> java(Path root) {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The folders under {@code root} that hold .java files: the packages. */
    static List<Path> packages(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> f = Files.list(d)) {
                    return f.anyMatch(x -> x.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Source text without comments (block, Javadoc and line comments), string literals kept. */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' ) {
                int end = i + 1;
                if (src.startsWith("\"\"\"", i)) {
                    end = src.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? src.length() : end + 3;
                } else {
                    while (end < src.length() && src.charAt(end) != '"' && src.charAt(end) != '\n') {
                        end += src.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(src.length(), end + 1);
                }
                out.append(src, i, end);
                i = end;
            } else if (c == '\'' && i + 2 < src.length()) {
                int end = src.indexOf('\'', i + (src.charAt(i + 1) == '\\' ? 3 : 2));
                end = end < 0 ? src.length() : end + 1;
                out.append(src, i, end);
                i = end;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                String comment = src.substring(i, end < 0 ? src.length() : end + 2);
                out.append("\n".repeat((int) comment.chars().filter(ch -> ch == '\n').count()));
                i = end < 0 ? src.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
