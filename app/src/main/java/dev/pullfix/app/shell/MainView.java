package dev.pullfix.app.shell;

import dev.pullfix.app.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The main window: top bar, pod tree (left), wizard (centre), events / YAML / activity (bottom). */
public final class MainView {
    private final MainViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.setId("main");
        root.setTop(topBar());
        SplitPane centre = new SplitPane(treePane(), wizardPane());
        centre.setDividerPositions(0.3);
        SplitPane vertical = new SplitPane(centre, bottomTabs());
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.72);
        root.setCenter(vertical);
        root.setBottom(statusBar());
    }

    private ToolBar topBar() {
        ComboBox<String> context = new ComboBox<>(vm.contexts());
        context.setId("contextPicker");
        context.setPromptText(i18n.t("top.context"));
        context.valueProperty().bindBidirectional(vm.selectedContextProperty());
        TextField namespace = new TextField();
        namespace.setId("namespaceFilter");
        namespace.setPromptText(i18n.t("top.namespace"));
        namespace.setPrefColumnCount(10);
        namespace.textProperty().bindBidirectional(vm.namespaceFilterProperty());
        ComboBox<String> profile = new ComboBox<>(vm.profiles());
        profile.setId("profilePicker");
        profile.setPromptText(i18n.t("top.profile"));
        profile.valueProperty().bindBidirectional(vm.selectedProfileProperty());
        TextField region = new TextField();
        region.setId("regionField");
        region.setPromptText(i18n.t("top.region"));
        region.setPrefColumnCount(9);
        region.textProperty().bindBidirectional(vm.regionProperty());
        Label who = new Label();
        who.setId("whoAmI");
        who.textProperty().bind(vm.whoAmIProperty().map(w -> w == null ? i18n.t("top.whoami.unknown") : w)
                .orElse(i18n.t("top.whoami.unknown")));
        Button refresh = new Button(i18n.t("top.refresh"));
        refresh.setId("refresh");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label conn = new Label();
        conn.setId("connectionState");
        conn.textProperty().bind(vm.connectionProperty().map(c -> i18n.t("connection." + c.name())));
        return new ToolBar(new Label(i18n.t("top.context")), context, namespace, new Separator(),
                new Label(i18n.t("top.profile")), profile, region, who, spacer, conn, refresh);
    }

    private VBox treePane() {
        TextField search = new TextField();
        search.setId("treeSearch");
        search.setPromptText(i18n.t("tree.search"));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton failing = new ToggleButton(i18n.t("tree.failingOnly"));
        failing.setId("failingOnly");
        failing.selectedProperty().bindBidirectional(vm.failingOnlyProperty());
        HBox filters = new HBox(6, search, failing);
        filters.setPadding(new Insets(4));
        TreeView<String> tree = new TreeView<>(new TreeItem<>(i18n.t("tree.empty")));
        tree.setId("podTree");
        VBox.setVgrow(tree, Priority.ALWAYS);
        return new VBox(filters, tree);
    }

    private VBox wizardPane() {
        Label title = new Label(i18n.t("wizard.title"));
        title.getStyleClass().add("title");
        Label hint = new Label(i18n.t("wizard.hint"));
        hint.setWrapText(true);
        VBox box = new VBox(12, title, hint);
        box.setId("wizard");
        box.setPadding(new Insets(16));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private TabPane bottomTabs() {
        TextArea events = new TextArea();
        events.setEditable(false);
        events.setId("eventsTable");
        TextArea yaml = new TextArea();
        yaml.setEditable(false);
        yaml.setId("podYaml");
        ListView<String> activity = new ListView<>(vm.activity());
        activity.setId("activityLog");
        TabPane tabs = new TabPane(new Tab(i18n.t("tab.events"), events), new Tab(i18n.t("tab.yaml"), yaml),
                new Tab(i18n.t("tab.activity"), activity));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private HBox statusBar() {
        Label status = new Label(i18n.t("status.ready"));
        status.setId("statusLine");
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(2, 8, 2, 8));
        return bar;
    }
}
