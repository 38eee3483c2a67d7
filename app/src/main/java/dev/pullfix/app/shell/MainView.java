package dev.pullfix.app.shell;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.Toasts;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.app.events.EventsTable;
import dev.pullfix.app.podtree.FailingPodsView;
import dev.pullfix.app.podtree.PodTreeView;
import dev.pullfix.app.wizard.WizardView;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: menu, top bar (context, namespace, AWS profile and region, who-am-I, connection, refresh),
 * pod tree (left), wizard (centre), events / YAML / activity tabs (bottom), status bar with progress and cancel.
 * Binds to {@link MainViewModel}; holds no state of its own.
 */
public final class MainView {
    private final MainViewModel vm;
    private final I18n i18n;
    private final Runnable onLanguageChange;
    private final BorderPane root = new BorderPane();
    private final SplitPane centre = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private final PodTreeView treeView;
    private final FailingPodsView failingView;
    private final TabPane left = new TabPane();
    private final WizardView wizardView;

    public MainView(MainViewModel vm, I18n i18n, Runnable onLanguageChange) {
        this.vm = vm;
        this.i18n = i18n;
        this.onLanguageChange = onLanguageChange;
        this.treeView = new PodTreeView(vm.podTree(), i18n);
        this.failingView = new FailingPodsView(vm.failing(), i18n);
        this.wizardView = new WizardView(vm.wizard(), i18n);
        build();
    }

    public Parent root() {
        return root;
    }

    public PodTreeView treeView() {
        return treeView;
    }

    public SplitPane centreSplit() {
        return centre;
    }

    public SplitPane verticalSplit() {
        return vertical;
    }

    private void build() {
        root.setId("main");
        root.setTop(new VBox(new MainMenu(vm, i18n, this, onLanguageChange).build(), topBar()));
        Label problem = Texts.wrapping("");
        problem.setId("connectionProblem");
        problem.textProperty().bind(vm.connection().detailProperty());
        problem.visibleProperty().bind(vm.connection().stateProperty().isEqualTo(ConnectionViewModel.State.ERROR)
                .or(vm.connection().stateProperty().isEqualTo(ConnectionViewModel.State.RECONNECTING)));
        problem.managedProperty().bind(problem.visibleProperty());
        treeView.root().getChildren().add(1, problem);
        Tab treeTab = new Tab(i18n.t("failing.tree"), treeView.root());
        treeTab.setId("tabTree");
        Tab failingTab = new Tab(null, failingView.root());
        failingTab.setId("tabFailing");
        failingTab.textProperty().bind(vm.failing().countProperty().map(n -> i18n.t("failing.tab", n)));
        left.getTabs().setAll(treeTab, failingTab);
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        StackPane treeArea = new StackPane(left, emptyState());
        treeArea.setMinWidth(240);
        treeArea.setPrefWidth(360);
        wizardView.root().setMinWidth(420);
        centre.getItems().setAll(treeArea, wizardView.root());
        Double tree = vm.settings().current().treeDivider();
        centre.setDividerPositions(tree != null ? tree : 0.3);
        SplitPane.setResizableWithParent(treeArea, false);
        TabPane bottom = bottomTabs();
        bottom.setMinHeight(110);
        centre.setMinHeight(240);
        vertical.getItems().setAll(centre, bottom);
        SplitPane.setResizableWithParent(bottom, false);
        vertical.setOrientation(Orientation.VERTICAL);
        Double bottomDivider = vm.settings().current().bottomDivider();
        vertical.setDividerPositions(bottomDivider != null ? bottomDivider : 0.7); // the key Failed event in view at 1280x800
        Toasts toasts = new Toasts(i18n);
        StackPane.setAlignment(toasts.node(), Pos.BOTTOM_RIGHT);
        root.setCenter(new StackPane(vertical, toasts.node())); // notifications over the content, never the status bar
        root.setBottom(statusBar());
    }

    /** Selects the next (or previous) failing pod, in the list or the tree, whichever is showing (F8). */
    void jumpToFailing(boolean forward) {
        if (left.getSelectionModel().getSelectedIndex() == 1) {
            var table = failingView.root();
            int n = table.getItems().size();
            if (n > 0) {
                int i = table.getSelectionModel().getSelectedIndex();
                int next = i < 0 ? (forward ? 0 : n - 1) : ((forward ? i + 1 : i - 1) % n + n) % n;
                table.getSelectionModel().clearAndSelect(next);
                table.scrollTo(Math.max(0, next - 3));
            }
        } else {
            treeView.jumpToFailing(forward);
        }
    }

    /** Shows the tree and focuses its search box (Ctrl+F). */
    void focusSearch() {
        showLeft(0);
        treeView.focusSearch();
    }

    /** Shows the pod tree (0) or the failing pods (1) and focuses it. */
    void showLeft(int tab) {
        left.getSelectionModel().select(tab);
        (tab == 0 ? treeView.tree() : failingView.root()).requestFocus();
    }

    private HBox topBar() {
        ComboBox<String> context = new ComboBox<>(vm.connection().contexts());
        context.setId("contextPicker");
        context.setPromptText(i18n.t("top.context"));
        context.setPrefWidth(260);
        context.setMinWidth(120);
        context.valueProperty().bindBidirectional(vm.connection().selectedContextProperty());
        TextField namespace = new TextField();
        namespace.setId("namespaceFilter");
        namespace.setPromptText(i18n.t("top.namespace"));
        namespace.setPrefColumnCount(10);
        namespace.setMinWidth(80);
        namespace.textProperty().bindBidirectional(vm.podTree().namespaceFilterProperty());
        ComboBox<String> profile = new ComboBox<>(vm.aws().profiles());
        profile.setId("profilePicker");
        // empty box: the profile AWS calls use anyway (AWS_PROFILE, default), not a blank
        profile.promptTextProperty().bind(vm.aws().profileInUseProperty().orElse(i18n.t("top.profile")));
        Tooltip profileTip = new Tooltip();
        profileTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String chosen = vm.aws().selectedProfileProperty().get();
            String inUse = vm.aws().profileInUseProperty().get();
            return chosen != null ? chosen : inUse != null ? i18n.t("top.profile.inUse", inUse) : i18n.t("top.profile");
        }, vm.aws().selectedProfileProperty(), vm.aws().profileInUseProperty()));
        profile.setTooltip(profileTip);
        profile.setEditable(true);
        profile.setPrefWidth(170);
        profile.setMinWidth(140); // "pullfix-lab" and the arrow stay whole at 1280 px in Japanese; the identity label gives way first
        profile.valueProperty().bindBidirectional(vm.aws().selectedProfileProperty());
        TextField region = new TextField();
        region.setId("regionField");
        region.setPromptText(i18n.t("top.region"));
        region.setPrefColumnCount(8);
        region.setMinWidth(Region.USE_PREF_SIZE);
        region.textProperty().bindBidirectional(vm.aws().regionProperty());
        Label who = Texts.oneLine(new Label(), i18n);
        who.setId("whoAmI");
        who.setGraphic(new FontIcon(Material2MZ.PERSON));
        who.setPrefWidth(420);
        who.textProperty().bind(vm.aws().whoAmIProperty().map(w -> w).orElse(i18n.t("top.whoami.unknown")));
        vm.aws().whoAmIFailedProperty().addListener((o, a, b) -> toggleClass(who, "danger", b));
        HBox.setHgrow(who, Priority.ALWAYS);
        Label conn = new Label();
        conn.setId("connectionState");
        conn.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon connIcon = new FontIcon(Material2AL.LINK_OFF);
        conn.setGraphic(connIcon);
        conn.textProperty().bind(vm.connection().stateProperty().map(c -> i18n.t("connection." + c.name())));
        Tooltip connTip = new Tooltip();
        connTip.textProperty().bind(vm.connection().detailProperty());
        conn.setTooltip(connTip);
        vm.connection().stateProperty().addListener((o, a, b) -> paintConnection(conn, connIcon, b));
        paintConnection(conn, connIcon, vm.connection().stateProperty().get());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setId("refresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setTooltip(new Tooltip(i18n.t("top.refresh")));
        refresh.setOnAction(e -> vm.refresh());
        Label contextLabel = new Label(i18n.t("top.context"));
        contextLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label profileLabel = new Label(i18n.t("top.profile"));
        profileLabel.setMinWidth(Region.USE_PREF_SIZE);
        Separator sep = new Separator(Orientation.VERTICAL);
        HBox bar = new HBox(8, contextLabel, context, namespace, sep, profileLabel, profile, region, who, conn,
                refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setMinWidth(0);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static void paintConnection(Label conn, FontIcon icon, ConnectionViewModel.State c) {
        icon.setIconCode(switch (c) {
            case LIVE -> Material2AL.CLOUD_DONE;
            case CONNECTING, RECONNECTING -> Material2MZ.SYNC;
            case ERROR -> Material2MZ.SYNC_PROBLEM;
            default -> Material2AL.LINK_OFF;
        });
        toggleClass(conn, "success", c == ConnectionViewModel.State.LIVE);
        toggleClass(conn, "warning", c == ConnectionViewModel.State.RECONNECTING);
        toggleClass(conn, "danger", c == ConnectionViewModel.State.ERROR);
    }

    private static void toggleClass(javafx.scene.Node n, String cls, boolean on) {
        if (on && !n.getStyleClass().contains(cls)) {
            n.getStyleClass().add(cls);
        } else if (!on) {
            n.getStyleClass().remove(cls);
        }
    }

    private VBox emptyState() {
        FontIcon icon = new FontIcon(Material2AL.CLOUD_OFF);
        icon.setIconSize(48);
        Label title = new Label(i18n.t("empty.title"));
        title.getStyleClass().add("title");
        Label text = new Label(i18n.t("empty.text"));
        text.setWrapText(true);
        text.setMaxWidth(320);
        Button openLab = new Button(i18n.t("menu.lab"), new FontIcon(Material2MZ.SCIENCE));
        openLab.setId("openLabEmpty");
        openLab.getStyleClass().add("accent");
        openLab.setOnAction(e -> vm.openLab());
        VBox box = new VBox(12, icon, title, text, openLab);
        box.setId("emptyState");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        box.getStyleClass().add("empty-state");
        box.visibleProperty().bind(vm.connection().stateProperty().isEqualTo(ConnectionViewModel.State.NO_KUBECONFIG));
        return box;
    }

    private TabPane bottomTabs() {
        EventsTable events = new EventsTable(i18n, vm.details().events());
        events.setId("eventsTable");
        TextArea yaml = new TextArea();
        yaml.setEditable(false);
        yaml.setId("podYaml");
        yaml.getStyleClass().add("code");
        yaml.textProperty().bind(vm.details().yamlProperty());
        ListView<String> activity = new ListView<>(vm.activity().lines());
        activity.setId("activityLog");
        vm.activity().lines().addListener((javafx.collections.ListChangeListener<String>) c ->
                activity.scrollTo(vm.activity().lines().size() - 1));
        VBox.setVgrow(activity, Priority.ALWAYS);
        Tab ev = new Tab(i18n.t("tab.events"), events);
        ev.setId("tabEvents");
        Tab y = new Tab(i18n.t("tab.yaml"), yaml);
        y.setId("tabYaml");
        Tab a = new Tab(i18n.t("tab.activity"), new VBox(undoBar(), activity));
        a.setId("tabActivity");
        TabPane tabs = new TabPane(ev, y, a);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /** The last write, offered for undo (from the wizard or a policy window); hidden when there is none. */
    private HBox undoBar() {
        Label what = Texts.oneLine(new Label(), i18n);
        what.setId("activityUndoText");
        what.textProperty().bind(vm.activity().undoOfferProperty().map(o -> i18n.t("activity.lastWrite", o.summary())));
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button undo = new Button(i18n.t("activity.undo"), new FontIcon(Material2MZ.UNDO));
        undo.setId("activityUndo");
        undo.setMinWidth(Region.USE_PREF_SIZE);
        undo.setOnAction(e -> vm.activity().undo());
        HBox bar = new HBox(8, what, undo);
        bar.setId("activityUndoBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.visibleProperty().bind(vm.activity().undoOfferProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(vm.connection().busyTextProperty().map(t -> t.isEmpty() ? null : t)
                .orElse(i18n.t("status.ready")));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(vm.connection().busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button(i18n.t("status.cancel"), new FontIcon(Material2AL.CANCEL));
        cancel.setId("cancelBusy");
        cancel.getStyleClass().add("small");
        cancel.visibleProperty().bind(vm.connection().busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        HBox bar = new HBox(8, progress, status, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
