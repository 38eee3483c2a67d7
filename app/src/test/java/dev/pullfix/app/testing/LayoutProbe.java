package dev.pullfix.app.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;

/**
 * Looks at a laid-out scene as a user would and lists what is wrong with it: a visible node whose bounds leave the
 * window (or the pane that clips it: a split pane's side, a tab's content, a scroll pane's width), and a label that
 * must be read in full (style class {@value #FULL_TEXT}: causes, fixes, step titles) but shows an ellipsis. Lists,
 * tables, trees and text areas scroll their own content and are checked as a whole. FX thread only.
 */
public final class LayoutProbe {
    /** The style class of labels that must never be cut (the views set it on causes, fixes and step titles). */
    public static final String FULL_TEXT = dev.pullfix.app.controls.Texts.FULL_TEXT;
    private static final double SLACK = 1.5;

    private final List<String> problems = new ArrayList<>();

    private LayoutProbe() {
    }

    /** What is wrong with the scene's layout; empty when nothing is. */
    public static List<String> problems(Scene scene) {
        LayoutProbe p = new LayoutProbe();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        p.visit(scene.getRoot(), window, false);
        return p.problems;
    }

    private void visit(Node n, Bounds allowed, boolean verticalScroll) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getWidth() > 0.5 && b.getHeight() > 0.5 && !(n instanceof Text)) {
            boolean outX = b.getMinX() < allowed.getMinX() - SLACK || b.getMaxX() > allowed.getMaxX() + SLACK;
            boolean outY = !verticalScroll
                    && (b.getMinY() < allowed.getMinY() - SLACK || b.getMaxY() > allowed.getMaxY() + SLACK);
            if (outX || outY) {
                problems.add(String.format("%s leaves its area: [%.0f,%.0f %.0fx%.0f] not in [%.0f,%.0f %.0fx%.0f]",
                        describe(n), b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), allowed.getMinX(),
                        allowed.getMinY(), allowed.getWidth(), allowed.getHeight()));
                return; // its children are out too: one line per overflow
            }
        }
        if (n instanceof Labeled l && l.getStyleClass().contains(FULL_TEXT) && truncated(l)) {
            problems.add(describe(n) + " is cut: \"" + l.getText() + "\"");
        }
        if (n instanceof ListView || n instanceof TableView || n instanceof TreeView || n instanceof TextInputControl
                || n.getClass().getName().startsWith("org.fxmisc.")) {
            return; // they scroll their own content
        }
        if (!(n instanceof Parent p)) {
            return;
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            Bounds viewport = sp.localToScene(sp.getLayoutBounds());
            boolean horizontal = sp.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER && !sp.isFitToWidth();
            Bounds inner = horizontal ? new BoundingBox(-1e6, viewport.getMinY(), 2e6, viewport.getHeight()) : viewport;
            visit(sp.getContent(), intersect(inner, allowed), true);
            return;
        }
        boolean clips = n instanceof SplitPane || n instanceof TabPane;
        for (Node c : p.getChildrenUnmodifiable()) {
            Bounds area = allowed;
            if (clips && c.isVisible()) {
                area = intersect(c.localToScene(c.getLayoutBounds()), allowed);
            }
            visit(c, area, verticalScroll);
        }
    }

    /**
     * What keeps the key event of the Events table ({@code #eventsTable}: the kubelet's "Failed" pull error,
     * {@link dev.pullfix.app.events.EventsTable#keyEvent}) from being read in full: no such event, its row not on screen
     * (below the fold, under the header, outside the window), or its message cut (an ellipsis, or lines clipped by the
     * row). Empty when it is read in full.
     */
    public static List<String> keyEventProblems(Scene scene) {
        List<String> out = new ArrayList<>();
        Node node = scene.lookup("#eventsTable");
        if (!(node instanceof TableView<?> table) || !node.isVisible() || node.getScene() == null) {
            out.add("the Events table is not shown");
            return out;
        }
        @SuppressWarnings("unchecked")
        List<dev.pullfix.model.cluster.PodEvent> events = (List<dev.pullfix.model.cluster.PodEvent>) table.getItems();
        int key = dev.pullfix.app.events.EventsTable.keyEvent(events);
        if (key < 0) {
            out.add("the Events table has no Failed event (" + events.size() + " events)");
            return out;
        }
        String message = events.get(key).message();
        Node header = table.lookup(".column-header-background");
        Bounds tableBounds = table.localToScene(table.getLayoutBounds());
        double top = header == null ? tableBounds.getMinY() : header.localToScene(header.getLayoutBounds()).getMaxY();
        double bottom = Math.min(tableBounds.getMaxY(), scene.getHeight());
        TableRow<?> row = table.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r
                && r.isVisible() && r.getIndex() == key).map(n -> (TableRow<?>) n).findFirst().orElse(null);
        if (row == null) {
            out.add("the Failed event (row " + (key + 1) + " of " + events.size() + ") is not on screen: \""
                    + abbreviate(message) + "\"");
            return out;
        }
        Bounds r = row.localToScene(row.getLayoutBounds());
        if (r.getMinY() < top - SLACK || r.getMaxY() > bottom + SLACK) {
            out.add(String.format("the Failed event's row [y %.0f to %.0f] is not within the table's rows [y %.0f to "
                    + "%.0f] (columns %s): \"%s\"", r.getMinY(), r.getMaxY(), top, bottom, table.getColumns().stream()
                    .map(c -> String.format("%.0f", c.getWidth())).toList(), abbreviate(message)));
        }
        Text shown = row.lookupAll(".text").stream().filter(n -> n instanceof Text t && message.equals(t.getText()))
                .map(n -> (Text) n).findFirst().orElse(null);
        if (shown == null) {
            out.add("the Failed event's message is not shown whole (cut or missing): \"" + abbreviate(message) + "\"");
            return out;
        }
        Bounds t = shown.localToScene(shown.getLayoutBounds());
        if (t.getMaxY() > r.getMaxY() + SLACK || t.getMaxX() > r.getMaxX() + SLACK || t.getMaxX() > scene.getWidth()) {
            out.add(String.format("the Failed event's message [%.0fx%.0f] does not fit its row [%.0fx%.0f] (columns %s)",
                    t.getWidth(), t.getHeight(), r.getWidth(), r.getHeight(), table.getColumns().stream()
                            .map(c -> String.format("%.0f", c.getWidth())).toList()));
        }
        return out;
    }

    /** Whether the label shows less than its text (an ellipsis, or lines cut off). */
    public static boolean truncated(Labeled l) {
        String text = l.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getStyleClass().contains("text")) {
                String shown = t.getText() == null ? "" : t.getText();
                return !shown.replaceAll("\\s+", "").equals(text.replaceAll("\\s+", ""));
            }
        }
        return false;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        String text = n instanceof Labeled l && l.getText() != null ? " \"" + abbreviate(l.getText()) + "\"" : "";
        Node p = n.getParent();
        String where = "";
        while (p != null && where.isEmpty()) {
            where = p.getId() != null ? " in #" + p.getId() : "";
            p = p.getParent();
        }
        return n.getClass().getSimpleName() + id + text + where;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }
}
