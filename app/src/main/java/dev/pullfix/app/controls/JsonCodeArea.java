package dev.pullfix.app.controls;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A RichTextFX code area for JSON: line numbers, syntax colours, and line marks (changed lines of a diff,
 * the line of a parse error, the deciding statement) as paragraph style classes.
 */
public final class JsonCodeArea extends CodeArea {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))"
                    + "|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<BRACE>[{}\\[\\]])");

    public JsonCodeArea(boolean editable) {
        getStyleClass().add("json-area");
        setEditable(editable);
        setParagraphGraphicFactory(LineNumberFactory.get(this));
        textProperty().addListener((obs, o, n) -> setStyleSpans(0, highlight(n)));
    }

    /** Replaces the text and re-colours it (keeps the caret near where it was when editable). */
    public void setJson(String text) {
        String t = text == null ? "" : text;
        if (!t.equals(getText())) {
            int caret = Math.min(getCaretPosition(), t.length());
            replaceText(t);
            moveTo(caret);
        }
    }

    /** Marks whole lines (0-based) with a style class, e.g. {@code changed-line}, clearing the others. */
    public void markLines(Set<Integer> lines, String styleClass) {
        for (int i = 0; i < getParagraphs().size(); i++) {
            Collection<String> now = getParagraph(i).getParagraphStyle();
            boolean has = now.contains(styleClass);
            boolean want = lines.contains(i);
            if (has != want) {
                java.util.List<String> next = new java.util.ArrayList<>(now);
                if (want) {
                    next.add(styleClass);
                } else {
                    next.remove(styleClass);
                }
                setParagraphStyle(i, next);
            }
        }
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String cls = m.group("KEY") != null ? "json-key" : m.group("STRING") != null ? "json-string"
                    : m.group("NUMBER") != null ? "json-number" : m.group("LITERAL") != null ? "json-literal" : "json-brace";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(List.of(cls), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
