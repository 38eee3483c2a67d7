package dev.pullfix.app.podtree;

import java.util.Collections;
import java.util.List;
import javafx.collections.ObservableList;

/** The visible child lists of the tree, kept in display order with binary search (one change per delta). */
final class SortedRows {
    private SortedRows() {
    }

    static void setIfDifferent(ObservableList<TreeRow> list, List<TreeRow> wanted) {
        if (!list.equals(wanted)) {
            list.setAll(wanted);
        }
    }

    static void insert(ObservableList<TreeRow> list, TreeRow row) {
        int i = Collections.binarySearch(list, row, TreeRow.ORDER);
        if (i < 0) {
            list.add(-i - 1, row);
        }
    }

    static void remove(ObservableList<TreeRow> list, TreeRow row) {
        int i = Collections.binarySearch(list, row, TreeRow.ORDER);
        if (i >= 0 && list.get(i) == row) {
            list.remove(i);
        }
    }

    static boolean contains(List<TreeRow> list, TreeRow row) {
        int i = Collections.binarySearch(list, row, TreeRow.ORDER);
        return i >= 0 && list.get(i) == row;
    }
}
