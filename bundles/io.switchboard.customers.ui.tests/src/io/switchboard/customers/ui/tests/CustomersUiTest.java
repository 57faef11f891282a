package io.switchboard.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.switchboard.app.testing.Commands.canExecute;
import static io.switchboard.app.testing.Commands.execute;
import static io.switchboard.app.testing.Dialogs.withDialog;
import static io.switchboard.app.testing.Screenshots.saveDrawn;
import static io.switchboard.app.testing.Widgets.find;
import static io.switchboard.app.testing.Widgets.labelTexts;
import static io.switchboard.app.testing.Widgets.press;
import static io.switchboard.app.testing.Widgets.settle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.app.AppIds;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.dialogs.DuplicatesDialog;
import io.switchboard.customers.ui.internal.dialogs.MergeDialog;
import io.switchboard.customers.ui.internal.dialogs.RejectedLinesDialog;
import io.switchboard.core.Progress;
import io.switchboard.customers.ui.internal.jobs.CustomerJob;
import io.switchboard.customers.ui.internal.jobs.ExportJob;
import io.switchboard.customers.ui.internal.jobs.ImportJob;
import io.switchboard.customers.ui.internal.parts.CustomerEditorPart;
import io.switchboard.customers.ui.internal.parts.CustomerListPart;

/**
 * The customer screens as an agent uses them, in the real workbench on the real services: the list, search,
 * filter and sort, the editor with its checks and conflict handling, merge, delete, import and export.
 */
class CustomersUiTest {

    private static CustomerRepository repository;
    private static InteractionLog log;
    private static CustomerImporter importer;
    private static CustomerExporter exporter;
    private static List<Customer> people;
    private static Customer duplicate;

    private final List<String> statusMessages = new ArrayList<>();
    private CustomerListPart list;
    private CustomerEditorPart editor;
    private long customersBefore;

    @BeforeAll
    static void storeCustomers() throws Exception {
        FreshDataFolder.use();
        repository = service(CustomerRepository.class);
        log = service(InteractionLog.class);
        importer = service(CustomerImporter.class);
        exporter = service(CustomerExporter.class);
        if (repository.count(CustomerQuery.ALL) == 0) {
            people = TestData.store(repository, log);
            // The same person entered twice: another e-mail address, the same mobile number.
            Customer anna = people.get(0);
            Customer again = new Customer("Anna Schmidt");
            again.setCompany("Schmidt & Partner");
            again.setCountry("Germany");
            again.setCity("Potsdam");
            again.addContact(ContactKind.EMAIL, "a.schmidt@schmidt-partner.example");
            again.addContact(ContactKind.MOBILE, anna.primaryPhone().orElseThrow().getValue());
            again.getTags().add("wholesale");
            duplicate = repository.save(again);
        }
    }

    private static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(CustomersUiTest.class).getBundleContext();
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, "no " + type.getSimpleName() + " service");
        return context.getService(reference);
    }

    @Test
    @Tag("english")
    void agentFindsEditsMergesAndDeletesCustomers() {
        assertNotNull(people, "the test needs an empty store to start from");
        long total = people.size() + 1;
        RunningWorkbench.run(List.of(
                CustomersUiTest::fixWindowSize,
                w -> listenToStatus(w),
                w -> checkListIsFirst(w),
                w -> waitForList(w, total),
                w -> checkRowsShown(w, total),
                w -> checkMenusAndKeys(w),
                w -> saveDrawn(w.shell(), "customers-list"),
                w -> search(w, "schmidt", 2),
                w -> checkAllRowsMatch("schmidt"),
                w -> search(w, "", total),
                w -> filterCountry(w, "Germany", 6),
                w -> filterCountry(w, null, total),
                w -> sortByName(w),
                w -> sortByName(w),
                w -> openCustomer(w, "Li Wei"),
                w -> saveDrawn(w.shell(), "customer-editor"),
                w -> showValidationErrors(w),
                w -> saveDrawn(w.shell(), "customer-editor-invalid"),
                w -> fixValidationErrors(),
                w -> editAndSaveWhileSomeoneElseSaved(w),
                w -> saveDrawn(w.shell(), "customer-editor-conflict"),
                w -> overwriteDeliberately(w),
                w -> activateList(w),
                w -> findDuplicates(w),
                w -> search(w, "schmidt", 2),
                w -> mergeSelected(w),
                w -> search(w, "schmidt", 1),
                w -> checkMerged(),
                w -> search(w, "", total - 1),
                w -> createCustomer(w),
                w -> waitForList(w, total),
                w -> deleteCustomer(w, "Mateo L\u00f3pez"),
                w -> waitForList(w, total - 1),
                w -> showProgressAndCancel(w),
                w -> importWithRejectedLines(w),
                w -> exportWhatTheListShows(w),
                w -> undoRedoAndCloseTheEditor(w)));
    }

    /** Run by the build in a second runtime started with {@code -nl zh}. */
    @Test
    @Tag("chinese")
    void listSpeaksChinese() {
        assertEquals("zh", Locale.getDefault().getLanguage(), "this test needs a runtime started with -nl zh");
        RunningWorkbench.run(List.of(
                CustomersUiTest::fixWindowSize,
                w -> waitForList(w, repository.count(CustomerQuery.ALL)),
                w -> assertEquals(List.of("\u59d3\u540d", "\u516c\u53f8", "\u7535\u5b50\u90ae\u4ef6", "\u7535\u8bdd",
                        "\u56fd\u5bb6/\u5730\u533a", "\u57ce\u5e02", "\u66f4\u65b0\u65f6\u95f4"),
                        Stream.of(list.table().getColumns()).map(c -> c.getText()).collect(Collectors.toList())),
                w -> assertEquals("\u6240\u6709\u56fd\u5bb6/\u5730\u533a", list.countryFilter().getItem(0)),
                w -> assertTrue(menuTexts(w.shell()).contains("\u5ba2\u6237(&C)"), "menus: " + menuTexts(w.shell())),
                w -> openCustomer(w, "\u674e\u5a1c"),
                w -> saveDrawn(w.shell(), "customer-editor-zh"),
                w -> activateList(w),
                w -> saveDrawn(w.shell(), "customers-list-zh")));
    }

    // --- the list

    /** Screenshots for the docs have the same size wherever the test runs. */
    private static void fixWindowSize(RunningWorkbench w) {
        w.shell().setBounds(0, 0, 1280, 800);
        // Under Xvfb without a window manager the menu bar can arrive after the first layout, which would leave
        // the status line below the window's edge.
        w.shell().layout(true, true);
    }

    private void listenToStatus(RunningWorkbench w) {
        w.application().getContext().get(IEventBroker.class).subscribe(SwitchboardTopics.STATUS_MESSAGE, event -> {
            Object message = event.getProperty(SwitchboardTopics.PROPERTY_MESSAGE);
            statusMessages.add(String.valueOf(message));
        });
    }

    private void checkListIsFirst(RunningWorkbench w) {
        MPartStack stack = w.find(AppIds.PARTSTACK_CUSTOMERS, MPartStack.class);
        assertEquals(CustomersUi.PART_LIST, stack.getChildren().get(0).getElementId());
        assertEquals(CustomersUi.PART_LIST, stack.getSelectedElement().getElementId());
        assertTrue(stack.getChildren().stream().noneMatch(p -> p.getElementId().endsWith("customers.overview")),
                "the overview placeholder should give way to the list");
    }

    private void waitForList(RunningWorkbench w, long expected) {
        list = assertInstanceOf(CustomerListPart.class, w.find(CustomersUi.PART_LIST, MPart.class).getObject());
        w.waitUntil("the list shows " + expected + " customers", () -> list.isSettled() && list.matchCount() == expected,
                () -> "; it shows " + list.matchCount() + ", the store counts " + repository.count(CustomerQuery.ALL)
                        + (list.isSettled() ? "" : ", still loading") + ", it says '" + list.matchesLabel().getText() + "' "
                        + list.matchesLabel().getToolTipText());
        assertEquals(expected, list.table().getItemCount());
    }

    private void checkRowsShown(RunningWorkbench w, long total) {
        Control status = (Control) ((MUIElement) w.models()
                .find("io.switchboard.app.trim.bottom", w.application())).getWidget();
        Rectangle client = w.shell().getClientArea();
        assertTrue(status.getBounds().y + status.getBounds().height <= client.height,
                "the status line " + status.getBounds() + " lies outside the window " + client);
        Table table = list.table();
        assertEquals(7, table.getColumnCount());
        assertTrue(table.isVisible() && table.getClientArea().height > 300, "table too small: " + table.getClientArea());
        CustomerSummary first = list.row(0);
        assertNotNull(first);
        // The store decides the collation; the first row must be the store's first customer by name.
        assertEquals(repository.list(CustomerQuery.ALL.page(0, 1)).get(0).id(), first.id());
        assertEquals(first.name(), table.getItem(0).getText(0));
        assertEquals(total + " customers", list.matchesLabel().getText());
        assertEquals("", list.progressText(), "no job runs, so no progress shows");
        // Only a few pages are held, however long the list.
        assertTrue(list.cachedPages() <= 12);
    }

    private void checkMenusAndKeys(RunningWorkbench w) {
        List<String> menus = menuTexts(w.shell());
        assertTrue(menus.contains("&Customers"), "menus: " + menus);
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand newCustomer = context.get(ECommandService.class).createCommand(CustomersUi.COMMAND_NEW,
                null);
        assertNotNull(context.get(EBindingService.class).getBestSequenceFor(newCustomer), "no key for New Customer");
        assertEquals("M1+N", context.get(EBindingService.class).getBestSequenceFor(newCustomer).toString()
                .replace("CTRL", "M1"));
    }

    private static List<String> menuTexts(Shell shell) {
        return Stream.of(shell.getMenuBar().getItems()).map(MenuItem::getText).collect(Collectors.toList());
    }

    private void search(RunningWorkbench w, String text, long expected) {
        list.searchBox().setText(text);
        w.waitUntil("search '" + text + "' finds " + expected, () -> list.isSettled()
                && (text.isEmpty() ? list.query().text() == null : text.equals(list.query().text()))
                && list.matchCount() == expected);
        assertEquals(expected, list.table().getItemCount());
    }

    private void checkAllRowsMatch(String text) {
        for (int i = 0; i < list.table().getItemCount(); i++) {
            CustomerSummary row = list.row(i);
            String all = (row.name() + " " + row.company() + " " + row.email()).toLowerCase(Locale.ROOT);
            assertTrue(all.contains(text), row + " does not match " + text);
        }
        assertEquals("2 matches", list.matchesLabel().getText());
    }

    private void filterCountry(RunningWorkbench w, String country, long expected) {
        Combo combo = list.countryFilter();
        w.waitUntil("countries are listed", () -> combo.getItemCount() > 5);
        int index = country == null ? 0 : Arrays.asList(combo.getItems()).indexOf(country);
        assertTrue(index >= 0, country + " not among " + Arrays.toString(combo.getItems()));
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
        w.waitUntil(country + " has " + expected + " customers", () -> list.isSettled() && list.matchCount() == expected);
        for (int i = 0; country != null && i < expected; i++) {
            assertEquals(country, list.row(i).country());
        }
    }

    private void sortByName(RunningWorkbench w) {
        Table table = list.table();
        boolean wasAscending = list.query().ascending();
        table.getColumn(0).notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the list is sorted again", list::isSettled);
        assertEquals(CustomerQuery.Sort.NAME, list.query().sort());
        assertEquals(!wasAscending, list.query().ascending());
        assertEquals(wasAscending ? SWT.DOWN : SWT.UP, table.getSortDirection());
        long expectedFirst = repository.list(CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.NAME, !wasAscending)
                .page(0, 1)).get(0).id();
        assertEquals(expectedFirst, list.row(0).id());
    }

    private void activateList(RunningWorkbench w) {
        EPartService parts = w.window().getContext().get(EPartService.class);
        parts.activate(w.find(CustomersUi.PART_LIST, MPart.class));
    }

    private int rowOf(String name) {
        for (int i = 0; i < list.table().getItemCount(); i++) {
            if (list.row(i) != null && name.equals(list.row(i).name())) {
                return i;
            }
        }
        throw new AssertionError(name + " is not in the list");
    }

    private void select(int... rows) {
        list.table().setFocus();
        list.table().setSelection(rows);
        list.table().notifyListeners(SWT.Selection, new Event());
    }

    // --- the editor

    private void openCustomer(RunningWorkbench w, String name) {
        select(rowOf(name));
        list.table().notifyListeners(SWT.DefaultSelection, new Event());
        EPartService parts = w.window().getContext().get(EPartService.class);
        MPart part = parts.getActivePart();
        assertNotNull(part);
        assertTrue(part.getTags().contains(CustomersUi.TAG_EDITOR), part.getElementId() + " is active, not an editor");
        editor = assertInstanceOf(CustomerEditorPart.class, part.getObject());
        assertEquals(name, editor.customer().getName());
        assertEquals(name, part.getLabel());
        assertFalse(part.isDirty());
        assertTrue(editor.contactsTable().getItemCount() >= 2, "contact points are listed");
        assertTrue(editor.timelineTable().getItemCount() >= 2, "the timeline is listed");
        // Opening the same customer again shows the same editor.
        int editors = editorCount(w);
        activateList(w);
        select(rowOf(name));
        list.table().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(editors, editorCount(w));
    }

    private static int editorCount(RunningWorkbench w) {
        return (int) w.find(AppIds.PARTSTACK_CUSTOMERS, MPartStack.class).getChildren().stream()
                .filter(p -> p.getTags().contains(CustomersUi.TAG_EDITOR)).count();
    }

    private void showValidationErrors(RunningWorkbench w) {
        editor.emailField().setText("li.wei@example");
        editor.phoneField().setText("call me");
        assertEquals("Not an e-mail address", editor.emailError().getText());
        assertEquals("Not a phone number", editor.phoneError().getText());
        assertTrue(editor.emailError().isVisible());
        assertFalse(editor.saveButton().isEnabled(), "Save must be disabled while the form is invalid");
        assertFalse(canExecute(w, CustomersUi.COMMAND_SAVE), "the Save command must be disabled too");
        editor.nameField().setText(" ");
        assertEquals("A name is required", editor.nameError().getText());
    }

    private void fixValidationErrors() {
        editor.nameField().setText("Li Wei");
        editor.emailField().setText("li.wei@example.com");
        editor.phoneField().setText("+86 138 0013 8000");
        assertEquals("", editor.nameError().getText());
        assertEquals("", editor.emailError().getText());
        assertEquals("", editor.phoneError().getText());
        assertTrue(editor.saveButton().isEnabled());
    }

    private void editAndSaveWhileSomeoneElseSaved(RunningWorkbench w) throws Exception {
        long id = editor.customer().getId();
        editor.companyField().setText("Shanghai Bright Trading Group");
        // Another agent changes the same customer and saves first.
        Customer theirs = repository.find(id).orElseThrow();
        theirs.setCompany("Bright Trading (Shanghai) Ltd.");
        theirs.setCity("Suzhou");
        repository.save(theirs);
        assertTrue(canExecute(w, CustomersUi.COMMAND_SAVE), "Save should be enabled for a valid, changed form");
        execute(w, CustomersUi.COMMAND_SAVE);
        assertTrue(editor.hasConflict(), "a stale save must show the conflict");
        assertTrue(editor.conflictPanel().isVisible());
        assertTrue(editor.nameField().getShell().getDisplay().map(editor.conflictPanel().getParent(), null,
                editor.conflictPanel().getBounds()).height > 80, "the conflict panel has no room");
        List<String> fields = Stream.of(editor.conflictTable().getItems()).map(i -> i.getText(0)).toList();
        assertTrue(fields.containsAll(List.of("Company", "City")), "differences shown: " + fields);
        assertTrue(((MPart) w.find(AppIds.PARTSTACK_CUSTOMERS, MPartStack.class).getSelectedElement()).isDirty(),
                "nothing may be lost: the editor keeps the agent's changes");
        Customer stored = repository.find(id).orElseThrow();
        assertEquals("Bright Trading (Shanghai) Ltd.", stored.getCompany(), "the other agent's change was overwritten");
    }

    private void overwriteDeliberately(RunningWorkbench w) {
        long id = editor.customer().getId();
        assertTrue(editor.overwrite());
        Customer stored = repository.find(id).orElseThrow();
        assertEquals("Shanghai Bright Trading Group", stored.getCompany());
        assertEquals("+86 138 0013 8000", stored.primaryPhone().orElseThrow().getValue());
        assertFalse(editor.hasConflict());
        assertFalse(editor.conflictPanel().isVisible());
        assertTrue(statusMessages.stream().anyMatch(m -> m.contains("Li Wei")), "status: " + statusMessages);
    }

    /** Edit > Undo and Redo (Ctrl+Z, Ctrl+Y) take back what was typed in a field; Ctrl+W closes the editor. */
    private void undoRedoAndCloseTheEditor(RunningWorkbench w) {
        EPartService parts = w.window().getContext().get(EPartService.class);
        MPart part = parts.getParts().stream().filter(p -> p.getObject() == editor).findFirst().orElseThrow();
        parts.activate(part);
        Text city = editor.cityField();
        String before = city.getText();
        w.shell().forceActive();
        city.forceFocus();
        w.waitUntil("the city field has the focus", city::isFocusControl);
        city.setText(before + " Nord");
        assertTrue(part.isDirty(), "typing makes the editor dirty");
        assertTrue(canExecute(w, "org.eclipse.ui.edit.undo"), "Undo should be enabled after typing");
        execute(w, "org.eclipse.ui.edit.undo");
        assertEquals(before, city.getText());
        assertTrue(canExecute(w, "org.eclipse.ui.edit.redo"), "Redo should be enabled after an undo");
        execute(w, "org.eclipse.ui.edit.redo");
        assertEquals(before + " Nord", city.getText());
        execute(w, "org.eclipse.ui.edit.undo");
        assertEquals(before, city.getText());
        assertFalse(canExecute(w, "org.eclipse.ui.edit.undo"), "nothing left to undo");
        IEclipseContext context = w.window().getContext();
        EBindingService bindings = context.get(EBindingService.class);
        ECommandService commands = context.get(ECommandService.class);
        for (String[] key : new String[][] { { "org.eclipse.ui.edit.undo", "M1+Z" }, { "org.eclipse.ui.edit.redo", "M1+Y" },
                { "org.eclipse.ui.edit.redo", "M1+M2+Z" }, { "org.eclipse.ui.file.close", "M1+W" } }) {
            assertTrue(bindings.getSequencesFor(commands.createCommand(key[0], Map.of()))
                    .contains(bindings.createSequence(key[1])), key[0] + " is not bound to " + key[1]);
        }
        if (part.isDirty()) {
            execute(w, CustomersUi.COMMAND_SAVE);
        }
        assertFalse(part.isDirty(), "the editor saved what the undo restored");
        execute(w, "org.eclipse.ui.file.close");
        assertFalse(part.isToBeRendered() && part.getWidget() != null, "Ctrl+W should close the editor");
        assertFalse(canExecute(w, "org.eclipse.ui.file.close") && parts.getActivePart() != null
                && CustomersUi.PART_LIST.equals(parts.getActivePart().getElementId()), "the list cannot be closed");
    }

    private void createCustomer(RunningWorkbench w) {
        int before = editorCount(w);
        execute(w, CustomersUi.COMMAND_NEW);
        assertEquals(before + 1, editorCount(w));
        MPart part = w.window().getContext().get(EPartService.class).getActivePart();
        CustomerEditorPart created = assertInstanceOf(CustomerEditorPart.class, part.getObject());
        assertEquals("", created.nameError().getText(), "an untouched new form shows no error yet");
        assertFalse(created.saveButton().isEnabled());
        created.nameField().setText("Mei Chen");
        created.emailField().setText("mei.chen@example.com");
        assertTrue(created.saveButton().isEnabled());
        assertTrue(created.save());
        assertNotNull(created.customer().getId());
        assertEquals("Mei Chen", part.getLabel());
        assertEquals(created.customer().getId().toString(), part.getPersistedState().get(CustomersUi.STATE_CUSTOMER_ID));
    }

    // --- commands with dialogs

    private void mergeSelected(RunningWorkbench w) throws Exception {
        select(0, 1);
        assertTrue(canExecute(w, CustomersUi.COMMAND_MERGE), "Merge needs two selected customers");
        withDialog(w, MergeDialog.class, (shell, window) -> {
            MergeDialog dialog = (MergeDialog) window;
            assertEquals("Merge Customers", shell.getText());
            assertTrue(dialog.keptFromBothText().contains("a.schmidt@schmidt-partner.example"),
                    dialog.keptFromBothText());
            assertTrue(dialog.keptFromBothText().contains("anna.schmidt@example.com"), dialog.keptFromBothText());
            // Keep the older record, take the city of the newer one.
            assertTrue(dialog.keepButton(true).getSelection());
            Button potsdam = dialog.choice(CustomerMerger.Field.CITY, false);
            assertEquals("Potsdam", potsdam.getText());
            potsdam.setSelection(true);
            potsdam.notifyListeners(SWT.Selection, new Event());
            assertFalse(dialog.choice(CustomerMerger.Field.CITY, true).getSelection());
            settle(shell);
            saveDrawn(shell, "customer-merge");
            press(shell, "&Merge");
        }, () -> execute(w, CustomersUi.COMMAND_MERGE));
        w.waitUntil("the merge is announced", () -> statusMessages.stream().anyMatch(m -> m.startsWith("Merged into")));
    }

    private void checkMerged() {
        Customer merged = repository.find(people.get(0).getId()).orElseThrow();
        assertEquals("Potsdam", merged.getCity());
        assertTrue(merged.getTags().contains("wholesale"), "tags of both are kept: " + merged.getTags());
        assertTrue(merged.getContactPoints().stream().anyMatch(p -> "a.schmidt@schmidt-partner.example".equals(p.getValue())));
        assertTrue(repository.find(duplicate.getId()).isEmpty(), "the other record is gone");
    }

    private void deleteCustomer(RunningWorkbench w, String name) throws Exception {
        activateList(w);
        select(rowOf(name));
        IEclipseContext leaf = w.window().getContext().getActiveLeaf();
        ParameterizedCommand delete = leaf.get(ECommandService.class).createCommand(CustomersUi.COMMAND_DELETE, null);
        assertEquals("DEL", String.valueOf(leaf.get(EBindingService.class).getBestSequenceFor(delete)),
                "Delete is bound while the table has the focus");
        list.searchBox().setFocus();
        assertNull(w.window().getContext().getActiveLeaf().get(EBindingService.class).getBestSequenceFor(delete),
                "in the search box Delete must still delete text");
        select(rowOf(name));
        String[] question = new String[1];
        withDialog(w, Window.class, (shell, dialog) -> {
            question[0] = labelTexts(shell).collect(Collectors.joining(" "));
            press(shell, "&Delete");
        }, () -> execute(w, CustomersUi.COMMAND_DELETE));
        assertTrue(question[0] != null && question[0].contains(name), "the confirmation names the customer: " + question[0]);
    }

    private void showProgressAndCancel(RunningWorkbench w) throws Exception {
        activateList(w);
        boolean[] canceled = new boolean[1];
        CustomerJob<Void> job = new CustomerJob<>("Importing big-file.csv", w.shell().getDisplay()) {
            @Override
            protected Void work(Progress progress) throws Exception {
                progress.begin("Importing big-file.csv", 2_000);
                for (int i = 0; i < 2_000 && !progress.isCanceled(); i++) {
                    progress.worked(i);
                    Thread.sleep(10);
                }
                return null;
            }

            @Override
            protected void done(Void result) {
            }

            @Override
            protected void canceled() {
                canceled[0] = true;
            }

            @Override
            protected void failed(Exception error) {
            }
        };
        job.schedule();
        w.waitUntil("the progress shows above the list", () -> list.progressText().startsWith("Importing big-file.csv")
                && job.progress() != null && job.progress().done() > 300);
        saveDrawn(w.shell(), "customers-list-progress");
        list.progressControl().cancelLink().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the job stops when canceled", () -> canceled[0]
                && Job.getJobManager().find(CustomersUi.JOB_FAMILY).length == 0);
        w.waitUntil("the progress goes away", () -> list.progressText().isEmpty());
        assertTrue(job.progress().done() < 1_999, "the job ran to its end despite the cancel");
    }

    private void importWithRejectedLines(RunningWorkbench w) throws Exception {
        Path file = Files.createTempDirectory("customers-import").resolve("new-customers.csv");
        Files.writeString(file, String.join("\n",
                "name,email,phone,country,city,company,segment",
                "Tom Becker,tom.becker@example.net,+49 30 1234567,Germany,Berlin,Becker Bau,retail",
                ",nobody@example.net,,Germany,Berlin,,retail",
                "Ines Wolf,ines.wolf@example.net,,Austria,Graz,,wholesale",
                "Rui Costa,not-an-address,,Portugal,Porto,,retail",
                "Mara Horn,mara.horn@example.net,,Germany,Leipzig,,retail") + "\n", StandardCharsets.UTF_8);
        customersBefore = list.matchCount();
        IEventBroker broker = w.application().getContext().get(IEventBroker.class);
        withDialog(w, RejectedLinesDialog.class, (shell, dialog) -> {
            Table lines = find(shell, Table.class);
            assertEquals(2, lines.getItemCount());
            assertEquals("3", lines.getItem(0).getText(0));
            assertEquals("5", lines.getItem(1).getText(0));
            settle(shell);
            saveDrawn(shell, "customers-import-rejected");
        }, () -> new ImportJob(file, importer, broker, w.shell()).schedule());
        // The words and sums of "switchboard customers import": rejected rows count as skipped.
        assertTrue(statusMessages.contains("new-customers.csv: 3 imported, 0 updated, 2 skipped"), "status: "
                + statusMessages);
        w.waitUntil("the list shows the imported customers", () -> list.isSettled()
                && list.matchCount() == customersBefore + 3);
    }

    private void exportWhatTheListShows(RunningWorkbench w) throws Exception {
        list.searchBox().setText("example.net");
        w.waitUntil("the list is filtered", () -> list.isSettled() && "example.net".equals(list.query().text()));
        long shown = list.matchCount();
        assertTrue(shown >= 3, "imported customers found: " + shown);
        Path file = Files.createTempDirectory("customers-export").resolve("export.csv");
        new ExportJob(file, list.query().page(0, Integer.MAX_VALUE), exporter,
                w.application().getContext().get(IEventBroker.class), w.shell()).schedule();
        w.waitUntil("the export finishes", () -> Job.getJobManager().find(CustomersUi.JOB_FAMILY).length == 0
                && statusMessages.stream().anyMatch(m -> m.startsWith("Exported")));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("name,email,phone,country,city,company"), lines.get(0));
        assertEquals(shown, lines.stream().skip(1).filter(l -> !l.isBlank()).count());
        assertTrue(statusMessages.contains("Exported " + shown + " customers to export.csv"), "status: " + statusMessages);
        list.searchBox().setText("");
    }

    private void findDuplicates(RunningWorkbench w) throws Exception {
        withDialog(w, DuplicatesDialog.class, (shell, dialog) -> {
            assertEquals("Possible Duplicates", shell.getText());
            Tree tree = ((DuplicatesDialog) dialog).viewer().getTree();
            List<Long> ids = new ArrayList<>();
            for (TreeItem group : tree.getItems()) {
                for (TreeItem member : group.getItems()) {
                    ids.add(((CustomerSummary) member.getData()).id());
                }
            }
            assertTrue(ids.contains(people.get(0).getId()) && ids.contains(duplicate.getId()),
                    "Anna Schmidt's two records should be found as duplicates: " + ids);
            // One row per set of customers: its reasons by name first, the shared number in the phone column.
            TreeItem anna = Stream.of(tree.getItems()).filter(group -> Stream.of(group.getItems())
                    .anyMatch(member -> ((CustomerSummary) member.getData()).id() == duplicate.getId()))
                    .findFirst().orElseThrow();
            assertEquals("Same phone, Similar name", anna.getText(0));
            assertEquals(duplicate.primaryPhone().map(ContactPoint::getValue).orElseThrow(), anna.getText(2));
            settle(shell);
            saveDrawn(shell, "customers-duplicates");
        }, () -> execute(w, CustomersUi.COMMAND_FIND_DUPLICATES));
    }
}
