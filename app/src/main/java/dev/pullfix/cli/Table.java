package dev.pullfix.cli;

import java.io.PrintWriter;
import java.util.List;

/** kubectl-style tables: each column as wide as its widest cell plus a gap; the last column is not padded. */
final class Table {
    private Table() {
    }

    /** {@code kubectl get} style: three spaces between columns. */
    static void print(PrintWriter out, List<String[]> rows) {
        print(out, "", 3, rows);
    }

    static void print(PrintWriter out, String indent, int gap, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.setLength(0);
            sb.append(indent);
            for (int i = 0; i < cols; i++) {
                String cell = r[i] == null ? "" : r[i];
                sb.append(cell);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - cell.length() + gap));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }
}
