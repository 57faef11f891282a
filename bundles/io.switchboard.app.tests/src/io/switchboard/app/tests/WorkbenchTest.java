package io.switchboard.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledItem;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.switchboard.app.testing.Commands;
import io.switchboard.app.testing.Dialogs;
import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Widgets;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.app.AppIds;
import io.switchboard.app.internal.handlers.PreferencesHandler;
import io.switchboard.app.internal.parts.StatusLine;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;

/** The workbench as a user meets it: the window, its perspectives, menus and status line, in each language. */
class WorkbenchTest {

    private static final List<String> PERSPECTIVES = List.of(AppIds.PERSPECTIVE_CUSTOMERS,
            AppIds.PERSPECTIVE_TICKETS, AppIds.PERSPECTIVE_CHAT, AppIds.PERSPECTIVE_MAIL);

    @Test
    @Tag("english")
    void mainWindowShowsFourPerspectivesMenusAndStatusLine() {
        RunningWorkbench.run(List.of(
                // Before anything resizes the window: the status line must be painted as the window first shows.
                w -> assertTrue(Screenshots.colours(statusLine(w).messageLabel()) > 2, "the status line was not painted"),
                WorkbenchTest::fixWindowSize,
                w -> checkMainWindow(w, List.of("Customers", "Tickets", "Chat", "Mail")),
                w -> checkMenus(w.shell(), List.of("&File", "&Edit", "&Window", "&Help"), "&Preferences...",
                        "&About Switchboard"),
                w -> checkSave(w, "&Save"),
                w -> checkPreferencesDialog(w, "Preferences", List.of("Apply and Close", "Cancel"), "preferences"),
                w -> assertEquals(AppIds.PERSPECTIVE_CUSTOMERS, selectedPerspective(w)),
                w -> saveScreenshot(w, "workbench"),
                w -> switchTo(w, AppIds.PERSPECTIVE_TICKETS),
                w -> checkSwitched(w, AppIds.PERSPECTIVE_TICKETS),
                w -> switchTo(w, AppIds.PERSPECTIVE_CHAT),
                w -> checkSwitched(w, AppIds.PERSPECTIVE_CHAT),
                w -> checkComingSoon(w, AppIds.PARTSTACK_CHAT),
                w -> switchTo(w, AppIds.PERSPECTIVE_MAIL),
                w -> checkSwitched(w, AppIds.PERSPECTIVE_MAIL),
                w -> checkComingSoon(w, AppIds.PARTSTACK_MAIL),
                w -> saveScreenshot(w, "workbench-mail"),
                w -> switchTo(w, AppIds.PERSPECTIVE_CUSTOMERS),
                w -> postStatus(w, "Imported 42 customers"),
                w -> assertEquals("Imported 42 customers", statusLine(w).currentMessage()),
                w -> checkOnScreen(w.shell(), statusLine(w).messageLabel()),
                w -> statusClearsWhenAnotherPartComesToTheFront(w),
                w -> statusClearsAfterAFewSeconds(w),
                w -> stickyStatusStays(w),
                w -> checkEditKeys(w)));
    }

    /**
     * The window takes most of the screen on the first start, centred; the next start restores the size and place
     * it had when it closed (the application model itself is rebuilt on every start).
     */
    @Test
    @Tag("english")
    void windowFillsTheScreenFirstThenKeepsItsSize() throws Exception {
        FreshDataFolder.use();
        BundleContext bundles = FrameworkUtil.getBundle(WorkbenchTest.class)
                .getBundleContext();
        Settings settings = bundles.getService(
                bundles.getServiceReference(Settings.class));
        settings.put("ui.window.bounds", "");
        RunningWorkbench.run(List.of(
                w -> {
                    Rectangle area = w.shell().getMonitor().getClientArea();
                    Rectangle bounds = w.shell().getBounds();
                    assertTrue(Math.abs(bounds.width - area.width * 0.9) <= 24
                            && Math.abs(bounds.height - area.height * 0.9) <= 48, bounds + " is not 90 % of " + area);
                    int left = bounds.x - area.x;
                    int right = area.x + area.width - (bounds.x + bounds.width);
                    assertTrue(Math.abs(left - right) <= 24, "not centred: " + bounds + " in " + area);
                },
                w -> w.shell().setBounds(40, 30, 1000, 700),
                w -> saveScreenshot(w, "workbench-resized")));
        String saved = settings.get("ui.window.bounds", "");
        assertTrue(saved.matches("-?\\d+,-?\\d+,\\d+,\\d+"), "the size at closing is kept: '" + saved + "'");
        RunningWorkbench.run(List.of(
                w -> {
                    Rectangle bounds = w.shell().getBounds();
                    assertTrue(Math.abs(bounds.width - 1000) <= 24 && Math.abs(bounds.height - 700) <= 48,
                            "the window did not keep its size: " + bounds + ", saved " + saved);
                }));
    }

    /** Run by the build in a second runtime started with {@code -nl zh}, as {@code switchboard -nl zh} does. */
    @Test
    @Tag("chinese")
    void workbenchSpeaksChineseWhenStartedWithNlZh() {
        assertEquals("zh", Locale.getDefault().getLanguage(), "this test needs a runtime started with -nl zh");
        RunningWorkbench.run(List.of(
                WorkbenchTest::fixWindowSize,
                w -> checkMainWindow(w, List.of("\u5ba2\u6237", "\u5de5\u5355", "\u804a\u5929", "\u90ae\u4ef6")),
                w -> checkMenus(w.shell(), List.of("\u6587\u4ef6(&F)", "\u7f16\u8f91(&E)", "\u7a97\u53e3(&W)",
                        "\u5e2e\u52a9(&H)"), "\u9996\u9009\u9879(&P)...", "\u5173\u4e8e Switchboard(&A)"),
                w -> checkSave(w, "\u4fdd\u5b58(&S)"),
                w -> assertEquals("\u5c31\u7eea", statusLine(w).currentMessage()),
                w -> checkPreferencesDialog(w, "\u9996\u9009\u9879", List.of("\u5e94\u7528\u5e76\u5173\u95ed",
                        "\u53d6\u6d88"), "preferences-zh"),
                w -> checkJFaceButtons(w, List.of("\u786e\u5b9a", "\u53d6\u6d88")),
                w -> saveScreenshot(w, "workbench-zh")));
    }

    /** Screenshots for the README have the same size wherever the test runs. */
    private static void fixWindowSize(RunningWorkbench workbench) {
        workbench.shell().setBounds(0, 0, 1200, 760);
    }

    private static void checkMainWindow(RunningWorkbench workbench, List<String> expectedLabels) {
        Shell shell = workbench.shell();
        assertTrue(shell.isVisible(), "main window is not visible");
        assertEquals("Switchboard", shell.getText());

        MPerspectiveStack stack = workbench.find(AppIds.PERSPECTIVE_STACK, MPerspectiveStack.class);
        assertEquals(PERSPECTIVES, stack.getChildren().stream().map(MPerspective::getElementId).collect(Collectors.toList()));
        assertEquals(expectedLabels,
                stack.getChildren().stream().map(MPerspective::getLocalizedLabel).collect(Collectors.toList()));
        for (String partStack : List.of(AppIds.PARTSTACK_CUSTOMERS, AppIds.PARTSTACK_TICKETS, AppIds.PARTSTACK_CHAT,
                AppIds.PARTSTACK_MAIL)) {
            assertNotNull(workbench.models().find(partStack, workbench.application()), "part stack " + partStack + " missing");
        }
    }

    private static void checkMenus(Shell shell, List<String> expectedMenus, String preferences, String about) {
        assertNotNull(shell.getMenuBar(), "no menu bar");
        List<String> menus = Stream.of(shell.getMenuBar().getItems()).map(MenuItem::getText).collect(Collectors.toList());
        assertEquals(expectedMenus, menus);
        List<String> window = itemTexts(shell.getMenuBar().getItems()[2]);
        assertTrue(window.contains(preferences), "Window menu: " + window);
        List<String> help = itemTexts(shell.getMenuBar().getItems()[3]);
        assertTrue(help.contains(about), "Help menu: " + help);
    }

    /**
     * Save belongs to the shell, not to a capability: this runtime has no customers or tickets bundle, and still
     * File > Save is there and Ctrl+S is bound to the platform's save command, once.
     */
    private static void checkSave(RunningWorkbench workbench, String label) {
        List<String> file = itemTexts(workbench.shell().getMenuBar().getItems()[0]);
        assertTrue(file.contains(label), "File menu: " + file);
        assertEquals(List.of(AppIds.BINDING_SAVE + " M1+S"), workbench.application().getBindingTables().stream()
                .flatMap(table -> table.getBindings().stream())
                .filter(binding -> AppIds.COMMAND_SAVE.equals(binding.getCommand().getElementId()))
                .map(binding -> binding.getElementId() + " " + binding.getKeySequence()).toList());
        IEclipseContext context = workbench.window().getContext();
        EBindingService bindings = context.get(EBindingService.class);
        ParameterizedCommand save = context.get(ECommandService.class).createCommand(AppIds.COMMAND_SAVE, Map.of());
        assertEquals(bindings.createSequence("M1+S"), bindings.getBestSequenceFor(save));
    }

    /** Chat and mail are not in this version: their perspectives say so plainly. */
    private static void checkComingSoon(RunningWorkbench workbench, String partStack) {
        MPartStack stack = workbench.find(partStack,
                MPartStack.class);
        Control widget = (Control) ((MPart) stack.getSelectedElement())
                .getWidget();
        List<String> texts = Widgets.labelTexts(widget).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Coming soon")), "no 'coming soon' in " + texts);
    }

    private static void statusClearsWhenAnotherPartComesToTheFront(RunningWorkbench workbench) throws Exception {
        Thread.sleep(1600);
        switchTo(workbench, AppIds.PERSPECTIVE_TICKETS);
        workbench.waitUntil("the status line clears", () -> "Ready".equals(statusLine(workbench).currentMessage()),
                () -> ": it shows " + statusLine(workbench).currentMessage());
        switchTo(workbench, AppIds.PERSPECTIVE_CUSTOMERS);
    }

    private static void statusClearsAfterAFewSeconds(RunningWorkbench workbench) {
        postStatus(workbench, "Saved Anna Schmidt");
        workbench.waitUntil("the message shows", () -> "Saved Anna Schmidt".equals(statusLine(workbench).currentMessage()));
        long shown = System.currentTimeMillis();
        workbench.waitUntil("the message clears by itself", () -> "Ready".equals(statusLine(workbench).currentMessage()));
        long after = System.currentTimeMillis() - shown;
        assertTrue(after >= StatusLine.CLEAR_AFTER_MS - 500, "cleared too soon: " + after + " ms");
    }

    /** A lasting state (the store is unavailable) stays until the next message. */
    private static void stickyStatusStays(RunningWorkbench workbench) throws Exception {
        workbench.application().getContext().get(IEventBroker.class).post(SwitchboardTopics.STATUS_MESSAGE, Map.of(
                SwitchboardTopics.PROPERTY_MESSAGE, "Store unavailable", SwitchboardTopics.PROPERTY_STICKY, true));
        workbench.waitUntil("the message shows", () -> "Store unavailable".equals(statusLine(workbench).currentMessage()));
        Thread.sleep(1600);
        switchTo(workbench, AppIds.PERSPECTIVE_TICKETS);
        switchTo(workbench, AppIds.PERSPECTIVE_CUSTOMERS);
        long end = System.currentTimeMillis() + StatusLine.CLEAR_AFTER_MS + 500;
        workbench.waitUntil("time passes", () -> System.currentTimeMillis() > end);
        assertEquals("Store unavailable", statusLine(workbench).currentMessage());
        postStatus(workbench, "Ready");
    }

    /** Edit > Undo / Redo and File > Close are in the menus, with the keys agents expect. */
    private static void checkEditKeys(RunningWorkbench workbench) {
        List<String> edit = itemTexts(workbench.shell().getMenuBar().getItems()[1]);
        assertTrue(edit.containsAll(List.of("&Undo", "&Redo")), "Edit menu: " + edit);
        List<String> file = itemTexts(workbench.shell().getMenuBar().getItems()[0]);
        assertTrue(file.contains("&Close"), "File menu: " + file);
        IEclipseContext context = workbench.window().getContext();
        EBindingService bindings = context.get(EBindingService.class);
        ECommandService commands = context.get(ECommandService.class);
        assertEquals(bindings.createSequence("M1+Z"), bindings.getBestSequenceFor(
                commands.createCommand("org.eclipse.ui.edit.undo", Map.of())));
        assertEquals(bindings.createSequence("M1+W"), bindings.getBestSequenceFor(
                commands.createCommand("org.eclipse.ui.file.close", Map.of())));
    }

    /** Window > Preferences: the dialog's title and buttons speak the workbench's language, not JFace's English. */
    private static void checkPreferencesDialog(RunningWorkbench workbench, String title, List<String> buttons,
            String screenshot) {
        Dialogs.withDialog(workbench, PreferencesHandler.LocalizedPreferenceDialog.class, (shell, dialog) -> {
            assertEquals(title, shell.getText());
            List<String> shown = Widgets.all(shell, Button.class)
                    .filter(b -> (b.getStyle() & SWT.PUSH) != 0 && b.isVisible()).map(Button::getText).toList();
            assertTrue(shown.containsAll(buttons), "buttons: " + shown);
            Widgets.settle(shell);
            Screenshots.save(shell, screenshot);
        }, () -> Commands.execute(workbench, "org.eclipse.ui.window.preferences"));
    }

    /**
     * JFace labels the buttons of its own dialogs (a confirmation's OK and Cancel, the save prompt's Yes and No):
     * the language fragment io.switchboard.jface.nl gives them in Chinese.
     */
    private static void checkJFaceButtons(RunningWorkbench workbench, List<String> buttons) {
        Dialogs.withDialog(workbench, MessageDialog.class, (shell, dialog) -> {
            // GTK puts Cancel first, other platforms OK: the order is the platform's.
            List<String> shown = Widgets.all(shell, Button.class).filter(b -> (b.getStyle() & SWT.PUSH) != 0)
                    .map(Button::getText).sorted().toList();
            assertEquals(buttons.stream().sorted().toList(), shown);
        }, () -> MessageDialog.openConfirm(workbench.shell(), "Switchboard", "?"));
    }

    private static List<String> itemTexts(MenuItem menu) {
        // The renderer fills a menu when it is about to show, as when the user opens it.
        menu.getMenu().notifyListeners(SWT.Show, new Event());
        List<String> texts = Stream.of(menu.getMenu().getItems()).map(i -> i.getText().split("\t")[0])
                .collect(Collectors.toList());
        menu.getMenu().notifyListeners(SWT.Hide, new Event());
        return texts;
    }

    private static void checkOnScreen(Shell shell, Control control) {
        assertTrue(control.isVisible(), "status line is hidden");
        Rectangle inShell = shell.getDisplay().map(control.getParent(), shell, control.getBounds());
        Rectangle client = shell.getClientArea();
        assertTrue(inShell.height > 0 && inShell.width > 0, "status line has no size: " + inShell);
        assertTrue(client.contains(inShell.x, inShell.y + inShell.height - 1),
                "status line " + inShell + " lies outside " + client);
    }

    private static void switchTo(RunningWorkbench workbench, String perspectiveId) {
        IEclipseContext context = workbench.window().getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(
                AppIds.COMMAND_SWITCH_PERSPECTIVE, Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, perspectiveId));
        EHandlerService handlers = context.get(EHandlerService.class);
        assertTrue(handlers.canExecute(command), "cannot switch to " + perspectiveId);
        handlers.executeHandler(command);
    }

    private static void checkSwitched(RunningWorkbench workbench, String perspectiveId) {
        assertEquals(perspectiveId, selectedPerspective(workbench));
        List<MHandledItem> selected = workbench.models().findElements(workbench.application(), null,
                MHandledItem.class, null, EModelService.ANYWHERE | EModelService.IN_MAIN_MENU | EModelService.IN_TRIM)
                .stream().filter(MHandledItem::isSelected).collect(Collectors.toList());
        assertEquals(2, selected.size(), "one tool item and one menu item should show the open perspective");
        String suffix = perspectiveId.substring(perspectiveId.lastIndexOf('.'));
        for (MHandledItem item : selected) {
            assertTrue(item.getElementId().endsWith(suffix), item.getElementId() + " is selected instead of " + perspectiveId);
        }
    }

    private static String selectedPerspective(RunningWorkbench workbench) {
        return workbench.find(AppIds.PERSPECTIVE_STACK, MPerspectiveStack.class).getSelectedElement().getElementId();
    }

    private static void postStatus(RunningWorkbench workbench, String message) {
        workbench.application().getContext().get(IEventBroker.class).post(SwitchboardTopics.STATUS_MESSAGE,
                Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
    }

    private static StatusLine statusLine(RunningWorkbench workbench) {
        MToolControl control = workbench.find("io.switchboard.app.statusline", MToolControl.class);
        return assertInstanceOf(StatusLine.class, control.getObject());
    }

    private static void saveScreenshot(RunningWorkbench workbench, String name) throws Exception {
        int colours = Screenshots.save(workbench.shell(), name);
        assertTrue(colours > 4, name + ".png holds only " + colours + " colours: the window was not drawn");
    }
}
