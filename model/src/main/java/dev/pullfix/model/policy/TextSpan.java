package dev.pullfix.model.policy;

/**
 * Where a statement sits in the original JSON text: 1-based line/column of its first character and
 * 0-based character offsets [start, end) into the text, so a GUI can highlight it.
 */
public record TextSpan(int line, int column, int startOffset, int endOffset) {
}
