package dev.pullfix.model.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.text.DiffRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    final String before = "{\n  \"Effect\" : \"Deny\",\n  \"Sid\" : \"new policy\"\n}\n";
    final String after = "{\n  \"Effect\" : \"Allow\",\n  \"Sid\" : \"new policy\"\n}\n";

    @Test
    void equalTextsHaveAnEmptyUnifiedDiff() {
        assertThat(TextDiff.unified(before, before, "a", "b")).isEmpty();
        assertThat(TextDiff.changedLines(before, before)).isZero();
    }

    @Test
    void unifiedDiffShowsTheChangedLineOnBothSides() {
        assertThat(TextDiff.unified(before, after, "current", "proposed"))
                .contains("--- current", "+++ proposed", "-  \"Effect\" : \"Deny\",", "+  \"Effect\" : \"Allow\",");
        assertThat(TextDiff.changedLines(before, after)).isEqualTo(1);
    }

    @Test
    void changedLineSetsPointAtTheLineOnEachSide() {
        TextDiff.ChangedLines c = TextDiff.changedLineSets(before, after + "x\n");
        assertThat(c.before()).containsExactly(1);
        assertThat(c.after()).containsExactly(1, 4);
    }

    @Test
    void sideBySideMarksTheChangedWordOnly() {
        List<DiffRow> rows = TextDiff.sideBySide(before, after);
        DiffRow changed = rows.stream().filter(r -> r.getTag() == DiffRow.Tag.CHANGE).findFirst().orElseThrow();
        assertThat(changed.getOldLine()).contains("~~\"Deny\"~~").doesNotContain("~~Effect");
        assertThat(changed.getNewLine()).contains("**\"Allow\"**");
    }
}
