package dev.pullfix.app.shell;

import dev.pullfix.app.common.I18n;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window's menus. Every command has its shortcut shown next to it, and the shortcuts work wherever the
 * focus is in the window: F8 / Shift+F8 next / previous failing pod, Ctrl+F find a pod, F5 refresh, Ctrl+Enter run
 * all steps, Ctrl+D diagnose again, Ctrl+L practice lab, Ctrl+Q quit.
 */
final class MainMenu {
    private final MainViewModel vm;
    private final I18n i18n;
    private final MainView view;
    private final Runnable onLanguageChange;

    MainMenu(MainViewModel vm, I18n i18n, MainView view, Runnable onLanguageChange) {
        this.vm = vm;
        this.i18n = i18n;
        this.view = view;
        this.onLanguageChange = onLanguageChange;
    }

    MenuBar build() {
        MenuItem lab = item("menuLab", "menu.lab", shortcut(KeyCode.L), () -> vm.openLab());
        lab.setGraphic(new FontIcon(Material2MZ.SCIENCE));
        MenuItem refresh = item("menuRefresh", "top.refresh", new KeyCodeCombination(KeyCode.F5), vm::refresh);
        MenuItem quit = item("menuQuit", "menu.quit", shortcut(KeyCode.Q),
                () -> view.root().getScene().getWindow().hide());
        Menu file = new Menu(i18n.t("menu.file"), null, lab, refresh, new SeparatorMenuItem(), quit);

        Menu go = new Menu(i18n.t("menu.go"), null,
                item("menuNextFailing", "menu.nextFailing", new KeyCodeCombination(KeyCode.F8),
                        () -> view.jumpToFailing(true)),
                item("menuPreviousFailing", "menu.previousFailing",
                        new KeyCodeCombination(KeyCode.F8, KeyCombination.SHIFT_DOWN), () -> view.jumpToFailing(false)),
                item("menuFind", "menu.find", shortcut(KeyCode.F), view::focusSearch),
                new SeparatorMenuItem(),
                item("menuTree", "menu.showTree", shortcut(KeyCode.DIGIT1), () -> view.showLeft(0)),
                item("menuFailing", "menu.showFailing", shortcut(KeyCode.DIGIT2), () -> view.showLeft(1)));
        go.setId("menuGo");

        MenuItem runAll = item("menuRunAll", "wizard.runAll", shortcut(KeyCode.ENTER), () -> vm.wizard().runAll());
        MenuItem again = item("menuDiagnoseAgain", "wizard.diagnoseAgain", shortcut(KeyCode.D),
                () -> vm.wizard().diagnoseAgain());
        MenuItem cancel = item("menuCancel", "wizard.cancel", shortcut(KeyCode.PERIOD), vm::cancel);
        Menu diagnosis = new Menu(i18n.t("menu.diagnosis"), null, runAll, again, cancel);

        CheckMenuItem dark = new CheckMenuItem(i18n.t("menu.dark"));
        dark.setId("menuDark");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
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
        MenuBar bar = new MenuBar(file, go, diagnosis, settings);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem item(String id, String key, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem(i18n.t(key));
        m.setId(id);
        m.setAccelerator(accelerator);
        m.setOnAction(e -> action.run());
        return m;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
