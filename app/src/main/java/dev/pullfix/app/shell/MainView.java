package dev.pullfix.app.shell;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.app.events.EventsTable;
import dev.pullfix.app.podtree.PodTreeView;
import dev.pullfix.app.wizard.WizardView;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
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
    private final WizardView wizardView;

    public MainView(MainViewModel vm, I18n i18n, Runnable onLanguageChange) {
        this.vm = vm;
        this.i18n = i18n;
        this.onLanguageChange = onLanguageChange;
        this.treeView = new PodTreeView(vm.podTree(), i18n);
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
        root.setTop(new VBox(menuBar(), topBar()));
        Label problem = new Label();
        problem.setId("connectionProblem");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(vm.connection().detailProperty());
        problem.visibleProperty().bind(vm.connection().stateProperty().isEqualTo(ConnectionViewModel.State.ERROR)
                .or(vm.connection().stateProperty().isEqualTo(ConnectionViewModel.State.RECONNECTING)));
        problem.managedProperty().bind(problem.visibleProperty());
        treeView.root().getChildren().add(1, problem);
        StackPane treeArea = new StackPane(treeView.root(), emptyState());
        treeArea.setMinWidth(240);
        treeArea.setPrefWidth(360);
        wizardView.root().setMinWidth(420);
        centre.getItems().setAll(treeArea, wizardView.root());
        centre.setDividerPositions(vm.settings().current().treeDivider() != null ? vm.settings().current().treeDivider() : 0.34);
        SplitPane.setResizableWithParent(treeArea, false);
        TabPane bottom = bottomTabs();
        bottom.setMinHeight(110);
        centre.setMinHeight(240);
        vertical.getItems().setAll(centre, bottom);
        SplitPane.setResizableWithParent(bottom, false);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(vm.settings().current().bottomDivider() != null ? vm.settings().current().bottomDivider() : 0.7);
        root.setCenter(vertical);
        root.setBottom(statusBar());
    }

    private MenuBar menuBar() {
        MenuItem lab = new MenuItem(i18n.t("menu.lab"), new FontIcon(Material2MZ.SCIENCE));
        lab.setId("menuLab");
        lab.setOnAction(e -> vm.openLab());
        MenuItem refresh = new MenuItem(i18n.t("top.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        MenuItem quit = new MenuItem(i18n.t("menu.quit"));
        quit.setOnAction(e -> root.getScene().getWindow().hide());
        Menu file = new Menu(i18n.t("menu.file"), null, lab, refresh, new SeparatorMenuItem(), quit);

        CheckMenuItem dark = new CheckMenuItem(i18n.t("menu.dark"));
        dark.setId("menuDark");
        dark.selectedProperty().bindBidirectional(vm.settings().darkProperty());
        ToggleGroup langs = new ToggleGroup();
        Menu language = new Menu(i18n.t("menu.language"), new FontIcon(Material2AL.LANGUAGE));
        for (String l : new String[] {"auto", "en", "ja"}) {
            RadioMenuItem item = new RadioMenuItem(i18n.t("menu.language." + l));
            item.setId("lang-" + l);
            item.setToggleGroup(langs);
            item.setSelected(l.equals(vm.settings().languageProperty().get()));
            item.setOnAction(e -> {
                vm.settings().setLanguage(l);
                onLanguageChange.run();
            });
            language.getItems().add(item);
        }
        Menu settings = new Menu(i18n.t("menu.settings"), null, language, dark);
        settings.setId("menuSettings");
        MenuBar bar = new MenuBar(file, settings);
        bar.setUseSystemMenuBar(true);
        return bar;
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
        profile.setPromptText(i18n.t("top.profile"));
        profile.setEditable(true);
        profile.setPrefWidth(170);
        profile.setMinWidth(100);
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
        Tab ev = new Tab(i18n.t("tab.events"), events);
        ev.setId("tabEvents");
        Tab y = new Tab(i18n.t("tab.yaml"), yaml);
        y.setId("tabYaml");
        Tab a = new Tab(i18n.t("tab.activity"), activity);
        a.setId("tabActivity");
        TabPane tabs = new TabPane(ev, y, a);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
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
