package dev.pullfix.app.podtree;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.podtree.TreeRow.ContainerRow;
import dev.pullfix.app.podtree.TreeRow.NamespaceRow;
import dev.pullfix.app.podtree.TreeRow.PodRow;
import dev.pullfix.app.podtree.TreeRow.WorkloadRow;
import dev.pullfix.model.cluster.ContainerInfo;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The pod tree: a virtualised {@link TreeView} mirroring the view-model's rows lazily (tree items exist only for
 * expanded rows; one item per row, reused across filter changes, so expansion and selection survive live
 * updates), a search box, a "failing only" toggle and a count line. F8 / Shift+F8 jump to the next / previous
 * failing pod and Ctrl+F focuses the search box (the main window binds both keys).
 */
public final class PodTreeView {

    /** Pseudo-class of rows with a pull failure (theme colours it in app.css). */
    public static final PseudoClass PULL_FAILING = PseudoClass.getPseudoClass("pull-failing");
    public static final String CELL_CLASS = "pod-tree-cell";

    private final PodTreeViewModel vm;
    private final I18n i18n;
    private final VBox root = new VBox();
    private final TreeView<TreeRow> tree = new TreeView<>();
    private final TextField search = new TextField();
    private final ToggleButton failingOnly = new ToggleButton();
    private final Label counts = new Label();

    public PodTreeView(PodTreeViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        initializeParts();
        layoutParts();
        setupListeners();
        setupBindings();
    }

    public VBox root() {
        return root;
    }

    public TreeView<TreeRow> tree() {
        return tree;
    }

    public TextField searchField() {
        return search;
    }

    private void initializeParts() {
        search.setId("treeSearch");
        search.setPromptText(i18n.t("tree.search"));
        failingOnly.setId("failingOnly");
        failingOnly.setText(i18n.t("tree.failingOnly"));
        failingOnly.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        counts.setId("treeCounts");
        counts.getStyleClass().add("muted");
        tree.setId("podTree");
        tree.setShowRoot(false);
        tree.setRoot(new RootItem(vm.roots()));
        tree.setCellFactory(t -> new RowCell(i18n));
        tree.setFixedCellSize(28);
    }

    private void layoutParts() {
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox filters = new HBox(6, search, failingOnly);
        filters.setPadding(new Insets(4));
        HBox countLine = new HBox(counts);
        countLine.setPadding(new Insets(0, 6, 2, 6));
        VBox.setVgrow(tree, Priority.ALWAYS);
        root.getChildren().setAll(filters, countLine, tree);
        root.setMinWidth(220);
    }

    private void setupListeners() {
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.selectedRowProperty().set(b == null ? null : b.getValue()));
        vm.selectedRowProperty().addListener((o, a, b) -> {
            TreeItem<TreeRow> shown = tree.getSelectionModel().getSelectedItem();
            if (b == null && shown != null) {
                tree.getSelectionModel().clearSelection();
            } else if (b != null && (shown == null || shown.getValue() != b)) {
                select(b); // chosen elsewhere (the failing list, the first failing pod on open)
            }
        });
        vm.filterGenerationProperty().addListener((o, a, b) -> {
            if (vm.searching()) {
                expandVisible();
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && search.isFocused()) {
                tree.requestFocus();
                if (tree.getSelectionModel().isEmpty()) {
                    tree.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
    }

    private void setupBindings() {
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        failingOnly.selectedProperty().bindBidirectional(vm.failingOnlyProperty());
        Runnable countText = () -> counts.setText(i18n.t("tree.counts", vm.podCountProperty().get(),
                vm.failingCountProperty().get()));
        vm.podCountProperty().addListener((o, a, b) -> countText.run());
        vm.failingCountProperty().addListener((o, a, b) -> countText.run());
        countText.run();
    }

    /** Selects a row, expanding its parents and scrolling it into view. */
    public void select(TreeRow row) {
        TreeItem<TreeRow> item = itemFor(row);
        if (item == null) {
            return;
        }
        for (TreeItem<TreeRow> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int index = tree.getRow(item);
        if (index >= 0) {
            tree.scrollTo(Math.max(0, index - 3));
        }
    }

    /** Focuses the search box (Ctrl+F from anywhere in the window). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Selects the next (or previous) failing pod after the selected row, wrapping (F8 / Shift+F8). */
    public void jumpToFailing(boolean forward) {
        TreeItem<TreeRow> sel = tree.getSelectionModel().getSelectedItem();
        PodRow next = vm.nextFailing(sel == null ? null : sel.getValue(), forward);
        if (next != null) {
            select(next);
        }
    }

    /** The tree item for a row, created along its parent chain if needed; null when the row is not visible. */
    private TreeItem<TreeRow> itemFor(TreeRow row) {
        TreeRow parent = row instanceof WorkloadRow w ? w.namespace : row instanceof PodRow p ? p.workload
                : row instanceof ContainerRow c ? c.pod : null;
        TreeItem<TreeRow> parentItem = parent == null ? tree.getRoot() : itemFor(parent);
        if (parentItem == null) {
            return null;
        }
        for (TreeItem<TreeRow> child : parentItem.getChildren()) {
            if (child.getValue() == row) {
                return child;
            }
        }
        return null;
    }

    private void expandVisible() {
        for (TreeItem<TreeRow> ns : tree.getRoot().getChildren()) {
            ns.setExpanded(true);
            for (TreeItem<TreeRow> w : ns.getChildren()) {
                w.setExpanded(true);
            }
        }
    }

    // ------------------------------------------------------------------ items

    /** The invisible root: mirrors the view-model's namespace rows. */
    private static final class RootItem extends TreeItem<TreeRow> {
        RootItem(ObservableList<TreeRow> rows) {
            setExpanded(true);
            mirror(rows, getChildren());
        }
    }

    /** A row's item; its children are created on first expansion and then kept in step with the row's list. */
    static final class RowItem extends TreeItem<TreeRow> {
        private boolean mirrored;

        RowItem(TreeRow row) {
            super(row);
        }

        static RowItem of(TreeRow row) {
            if (row.viewHandle instanceof RowItem item) {
                return item;
            }
            RowItem item = new RowItem(row);
            row.viewHandle = item;
            return item;
        }

        @Override
        public boolean isLeaf() {
            return getValue().kind() == TreeRow.Kind.CONTAINER;
        }

        @Override
        public ObservableList<TreeItem<TreeRow>> getChildren() {
            if (!mirrored) {
                mirrored = true;
                mirror(getValue().visibleChildren(), super.getChildren());
            }
            return super.getChildren();
        }
    }

    private static void mirror(ObservableList<TreeRow> rows, ObservableList<TreeItem<TreeRow>> items) {
        items.setAll(rows.stream().map(r -> (TreeItem<TreeRow>) RowItem.of(r)).toList());
        rows.addListener((ListChangeListener<TreeRow>) c -> {
            while (c.next()) {
                if (c.wasPermutated() || (c.wasReplaced() && c.getRemovedSize() > 1) || c.getList().isEmpty()
                        || c.getAddedSize() + c.getRemovedSize() > 64) {
                    items.setAll(c.getList().stream().map(r -> (TreeItem<TreeRow>) RowItem.of(r)).toList());
                    return;
                }
                if (c.wasRemoved()) {
                    items.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    items.addAll(c.getFrom(), c.getAddedSubList().stream()
                            .map(r -> (TreeItem<TreeRow>) RowItem.of(r)).toList());
                }
            }
        });
    }

    // ------------------------------------------------------------------ cells

    /**
     * Paints one row from the row's fields only (no scans). A cell watches the revision of the row it shows and
     * repaints itself when that row changes, so a live change costs one cell, not a rebuild of all visible cells.
     */
    static final class RowCell extends TreeCell<TreeRow> {
        private final I18n i18n;
        private final FontIcon icon = new FontIcon();
        private final javafx.beans.InvalidationListener repaint = o -> paint(getItem());
        private TreeRow watched;

        RowCell(I18n i18n) {
            this.i18n = i18n;
            getStyleClass().add(CELL_CLASS);
        }

        @Override
        protected void updateItem(TreeRow row, boolean empty) {
            super.updateItem(row, empty);
            TreeRow next = empty ? null : row;
            if (watched != next) {
                if (watched != null) {
                    watched.revisionProperty().removeListener(repaint);
                }
                watched = next;
                if (next != null) {
                    next.revisionProperty().addListener(repaint);
                }
            }
            paint(next);
        }

        private void paint(TreeRow row) {
            if (row == null) {
                setText(null);
                setGraphic(null);
                pseudoClassStateChanged(PULL_FAILING, false);
                return;
            }
            boolean failing = row.failing();
            pseudoClassStateChanged(PULL_FAILING, failing);
            if (row instanceof NamespaceRow n) {
                    icon.setIconCode(Material2AL.FOLDER);
                    setText(n.failingPods() > 0 ? i18n.t("tree.row.namespaceFailing", n.name(), n.failingPods(), n.pods())
                            : i18n.t("tree.row.namespace", n.name(), n.pods()));
            } else if (row instanceof WorkloadRow w) {
                    icon.setIconCode(Material2AL.LAYERS);
                    setText(w.failingPods() > 0
                            ? i18n.t("tree.row.workloadFailing", w.workloadKind(), w.name(), w.failingPods(), w.pods())
                            : i18n.t("tree.row.workload", w.workloadKind(), w.name(), w.pods()));
            } else if (row instanceof PodRow p) {
                    icon.setIconCode(failing ? Material2AL.ERROR : podIcon(p));
                    setText(p.name() + "   " + p.info().status() + "   " + p.info().ready());
            } else if (row instanceof ContainerRow c) {
                    ContainerInfo ci = c.info();
                    icon.setIconCode(failing ? Material2MZ.WARNING : ci.ready() ? Material2AL.CHECK_CIRCLE
                            : Material2MZ.RADIO_BUTTON_UNCHECKED);
                    String kind = ci.kind() == ContainerInfo.Kind.INIT ? i18n.t("tree.row.init") + " " : "";
                    setText(kind + ci.name() + "   " + ci.image() + (ci.reason() != null ? "   " + ci.reason() : ""));
            }
            icon.getStyleClass().setAll("row-icon", failing ? "failing" : "ok");
            setGraphic(icon);
        }

        private static org.kordamp.ikonli.Ikon podIcon(PodRow p) {
            String phase = p.info().phase();
            if ("Running".equals(phase) || "Succeeded".equals(phase)) {
                return Material2AL.CHECK_CIRCLE;
            }
            return "Pending".equals(phase) ? Material2MZ.SCHEDULE : Material2AL.HELP_OUTLINE;
        }
    }
}
