package dev.pullfix.model.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.Arrays;
import java.util.List;

/** Line and word diffs of two texts, with java-diff-utils (no hand-written diff). */
public final class TextDiff {
    private TextDiff() {}

    /** A unified diff ({@code --- before / +++ after}), empty when the texts are equal. */
    public static String unified(String before, String after, String beforeName, String afterName) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, 3)) + "\n";
    }

    /** Number of changed lines (inserted + deleted + changed, counted on the larger side of each delta). */
    public static int changedLines(String before, String after) {
        int n = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(lines(before), lines(after)).getDeltas()) {
            n += Math.max(d.getSource().size(), d.getTarget().size());
        }
        return n;
    }

    /** Which lines (0-based) changed on each side, for marking them in a side-by-side view. */
    public record ChangedLines(java.util.Set<Integer> before, java.util.Set<Integer> after) {}

    public static ChangedLines changedLineSets(String before, String after) {
        java.util.Set<Integer> left = new java.util.TreeSet<>();
        java.util.Set<Integer> right = new java.util.TreeSet<>();
        for (AbstractDelta<String> d : DiffUtils.diff(lines(before), lines(after)).getDeltas()) {
            for (int i = 0; i < d.getSource().size(); i++) {
                left.add(d.getSource().getPosition() + i);
            }
            for (int i = 0; i < d.getTarget().size(); i++) {
                right.add(d.getTarget().getPosition() + i);
            }
        }
        return new ChangedLines(left, right);
    }

    /**
     * Side-by-side rows with word-level marks ({@code ~~old~~} / {@code **new**} around changed words), as the
     * policy editor shows them.
     */
    public static List<DiffRow> sideBySide(String before, String after) {
        DiffRowGenerator gen = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .mergeOriginalRevised(false)
                .inlineDiffByWord(true)
                .oldTag(open -> open ? "~~" : "~~")
                .newTag(open -> open ? "**" : "**")
                .build();
        return gen.generateDiffRows(lines(before), lines(after));
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(t.split("\n", -1));
    }
}
