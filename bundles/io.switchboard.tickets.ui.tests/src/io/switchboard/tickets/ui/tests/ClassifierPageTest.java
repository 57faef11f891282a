package io.switchboard.tickets.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.app.AppIds;
import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Progress;
import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.tickets.ui.internal.parts.ClassifierPart;
import io.switchboard.tickets.ui.internal.parts.ConfusionMatrixCanvas;

/**
 * The classifier page on the real classifier service (liblinear inside OSGi): a model trained here on a fixed
 * Banking77 sample of all 77 categories, its metrics on the page, the confusion matrix measured on a held-out
 * sample and painted, and switching between stored versions.
 */
class ClassifierPageTest {

    private static TicketClassifier classifier;
    private static ModelInfo older;
    private static ModelInfo newer;
    private static Path heldout;
    private static Path trainFile;

    private ClassifierPart page;

    @BeforeAll
    static void trainTwoModels() throws Exception {
        Path folder = FreshDataFolder.use();
        classifier = Fixtures.service(TicketClassifier.class);
        List<LabeledText> train = Fixtures.read(Fixtures.TRAIN_SAMPLE);
        assertEquals(924, train.size(), "the sample has 12 texts of each of 77 categories");
        if (older == null) {
            // Two versions, so activating another one can be tried: the first on half the sample.
            List<LabeledText> half = new ArrayList<>();
            for (int i = 0; i < train.size(); i += 2) {
                half.add(train.get(i));
            }
            older = classifier.train(half, Progress.NONE);
            newer = classifier.train(train, Progress.NONE);
        }
        heldout = Fixtures.file(Fixtures.HELDOUT_SAMPLE, Files.createDirectories(folder.resolve("samples")));
        trainFile = Fixtures.file(Fixtures.TRAIN_SAMPLE, folder.resolve("samples"));
    }

    @Test
    @Tag("english")
    void pageShowsTheActiveModelAndPaintsItsConfusionMatrix() {
        RunningWorkbench.run(List.of(
                ClassifierPageTest::fixWindowSize,
                w -> openPage(w),
                w -> checkModelShown(newer),
                w -> checkVersions(),
                w -> measureOnHeldOutSample(w),
                w -> checkMatrixPainted(w),
                w -> checkTablesPainted(w),
                w -> saveScreenshot(w, "classifier-page"),
                w -> zoomInAndOut(w),
                w -> fitWholeMatrix(w),
                w -> saveScreenshot(w, "classifier-page-fit"),
                w -> activateOlderVersion(w),
                w -> activateNewerVersion(w),
                w -> trainFromFile(w)));
    }

    /** Run by the build in a second runtime started with {@code -nl zh}. */
    @Test
    @Tag("chinese")
    void pageSpeaksChinese() {
        assertEquals("zh", Locale.getDefault().getLanguage(), "this test needs a runtime started with -nl zh");
        RunningWorkbench.run(List.of(
                ClassifierPageTest::fixWindowSize,
                w -> openPage(w),
                w -> assertEquals("\u5206\u7c7b\u5668", w.find(TicketsUi.PART_CLASSIFIER, MPart.class).getLocalizedLabel()),
                w -> assertTrue(menuTexts(w).contains("\u5de5\u5355(&T)"), "menus: " + menuTexts(w)),
                w -> assertEquals(List.of("\u7248\u672c", "\u8bad\u7ec3\u65f6\u95f4", "\u6587\u672c\u6570",
                        "\u4ea4\u53c9\u9a8c\u8bc1\u51c6\u786e\u7387", "\u5f53\u524d"),
                        Stream.of(page.versionsTable().getColumns()).map(c -> c.getText()).collect(Collectors.toList())),
                w -> checkModelShown(page.activeModel()),
                w -> measureOnHeldOutSample(w),
                w -> saveScreenshot(w, "classifier-page-zh")));
    }

    static void fixWindowSize(RunningWorkbench w) {
        w.shell().setBounds(0, 0, 1440, 880);
        w.shell().layout(true, true);
    }

    private static List<String> menuTexts(RunningWorkbench w) {
        return Stream.of(w.shell().getMenuBar().getItems()).map(MenuItem::getText).collect(Collectors.toList());
    }

    /** Ctrl+Shift+K shows the page, in the Tickets perspective. */
    private void openPage(RunningWorkbench w) {
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand show = context.get(ECommandService.class).createCommand(TicketsUi.COMMAND_CLASSIFIER, null);
        assertEquals("M1+M2+K", String.valueOf(context.get(EBindingService.class).getBestSequenceFor(show))
                .replace("CTRL", "M1").replace("SHIFT", "M2"));
        EHandlerService handlers = context.get(EHandlerService.class);
        assertTrue(handlers.canExecute(show));
        handlers.executeHandler(show);
        MPerspective tickets = w.find(AppIds.PERSPECTIVE_TICKETS, MPerspective.class);
        assertEquals(tickets, tickets.getParent().getSelectedElement(), "the Tickets perspective is shown");
        assertTrue(w.find("io.switchboard.app.toolitem.perspective.tickets",
                MHandledToolItem.class).isSelected(),
                "the perspective bar shows Tickets");
        MPart part = w.find(TicketsUi.PART_CLASSIFIER, MPart.class);
        assertEquals(part, context.get(EPartService.class).getActivePart());
        page = assertInstanceOf(ClassifierPart.class, part.getObject());
    }

    private void checkModelShown(ModelInfo model) {
        assertNotNull(page.activeModel(), "the page shows no model");
        assertEquals(model.version(), page.activeModel().version());
        Map<String, String> details = new LinkedHashMap<>();
        for (TableItem item : page.detailsTable().getItems()) {
            details.put(item.getText(0), item.getText(1));
        }
        if (!Locale.getDefault().getLanguage().equals("zh")) {
            assertEquals(model.version(), details.get("Version"), "details: " + details);
            assertEquals(Integer.toString(model.texts()), details.get("Texts"));
            assertEquals("77", details.get("Categories"));
            assertTrue(details.containsKey("Accuracy (CV)"), "details: " + details);
            assertEquals(model.settings().get("features"), details.get("Features"), "details: " + details);
            assertEquals(model.settings().get("search"), details.get("Settings tried"), "details: " + details);
        } else {
            // Setting names are labels in the agent's language, not the model file's keys.
            assertEquals(model.settings().get("features"), details.get("\u7279\u5f81"), "details: " + details);
            assertEquals(model.settings().get("probability"), details.get("\u6982\u7387"), "details: " + details);
            assertEquals(model.settings().get("search"), details.get("\u5c1d\u8bd5\u8fc7\u7684\u8bbe\u7f6e"),
                    "details: " + details);
            assertTrue(details.containsKey("\u51c6\u786e\u7387\uff08\u4ea4\u53c9\u9a8c\u8bc1\uff09"),
                    "details: " + details);
        }
        // Every model setting and measurement has a name of its own, none shows a raw key.
        for (String key : details.keySet()) {
            assertTrue(!model.settings().containsKey(key) && !key.contains(":") && !key.contains("\uff1a")
                    && !key.contains("_"),
                    "a raw key among the details: " + key);
        }
        assertTrue(model.metrics().containsKey("cv_accuracy"), "metrics: " + model.metrics());
    }

    private void checkVersions() {
        Table versions = page.versionsTable();
        assertTrue(versions.getItemCount() >= 2, "both versions are listed");
        // Newest first, the active one ticked.
        assertEquals(newer.version(), versions.getItem(0).getText(0));
        assertEquals("\u2713", versions.getItem(0).getText(4));
        assertEquals(older.version(), versions.getItem(1).getText(0));
        assertEquals("", versions.getItem(1).getText(4));
    }

    private void measureOnHeldOutSample(RunningWorkbench w) {
        assertNotNull(page.evaluateOnFile(heldout), "the page refused to measure");
        w.waitUntil("the held-out sample is measured", () -> !page.isBusy() && page.matrix().evaluation() != null,
                () -> "; the page says '" + page.statusLabel().getText() + "'");
        Evaluation evaluation = page.matrix().evaluation();
        assertEquals(77, evaluation.categories().size());
        assertEquals(308, evaluation.n(), "4 held-out texts of each category");
        int total = 0;
        int right = 0;
        for (int i = 0; i < 77; i++) {
            for (int j = 0; j < 77; j++) {
                total += evaluation.confusion()[i][j];
            }
            right += evaluation.confusion()[i][i];
        }
        assertEquals(308, total);
        assertEquals((double) right / total, evaluation.accuracy(), 1e-9);
        // 12 texts per category is little, but far better than chance (1/77).
        assertTrue(evaluation.accuracy() > 0.4, "accuracy " + evaluation.accuracy());
        assertTrue(right < total, "a perfect score on held-out texts would mean the sample leaked");
        assertTrue(page.matrixSourceLabel().getText().contains("308"), page.matrixSourceLabel().getText());
    }

    private void checkMatrixPainted(RunningWorkbench w) {
        ConfusionMatrixCanvas matrix = page.matrix();
        w.waitUntil("the matrix is painted", () -> matrix.paints() > 0);
        // Every one of the 77 categories is named, so the picture is bigger than the page and scrolls.
        assertEquals(1, matrix.labelStep(), "cell " + matrix.cellSize() + " is too small to name every row");
        assertTrue(matrix.canvas().getSize().x > 77 * matrix.cellSize(), "labels and cells: " + matrix.canvas().getSize());
        assertTrue(matrix.control().getVerticalBar().isVisible(), "77 readable rows do not fit the page; they scroll");
        // A heat map: white, shades of blue and red, label text; an unpainted canvas has one colour.
        int colours = Screenshots.colours(matrix.control());
        assertTrue(colours > 30, "the matrix area holds only " + colours + " colours");

        Evaluation evaluation = matrix.evaluation();
        int row = 0;
        while (evaluation.confusion()[row][row] == 0) {
            row++;
        }
        Point centre = matrix.centreOf(row, row);
        assertEquals(List.of(row, row), List.of(matrix.cellAt(centre.x, centre.y)[0], matrix.cellAt(centre.x, centre.y)[1]));
        Event move = new Event();
        move.x = centre.x;
        move.y = centre.y;
        matrix.canvas().notifyListeners(SWT.MouseMove, move);
        String tip = matrix.canvas().getToolTipText();
        assertNotNull(tip, "hovering a cell shows its count");
        String category = evaluation.categories().get(row);
        assertTrue(tip.contains(category), tip);
        assertTrue(tip.contains(Integer.toString(evaluation.confusion()[row][row])), tip);
        matrix.canvas().notifyListeners(SWT.MouseExit, new Event());
        assertEquals(null, matrix.canvas().getToolTipText());
    }

    /** The model's details and versions are on screen, not only in the widgets. */
    private void checkTablesPainted(RunningWorkbench w) {
        for (Table table : List.of(page.detailsTable(), page.versionsTable())) {
            waitUntilPainted(w, table, 0);
        }
    }

    /**
     * Waits until a table row's text is on screen. The first workbench a build starts under Xvfb (no window
     * manager) now and then leaves parts shown by a perspective switch unpainted until the window is exposed
     * again, so every two seconds the window's size is nudged; rows that never paint still fail.
     */
    static void waitUntilPainted(RunningWorkbench w, Table table, int row) {
        assertTrue(table.getItemCount() > row, "no row " + row);
        long[] nudged = { System.currentTimeMillis() };
        w.waitUntil("row " + row + " is painted", () -> {
            if (rowColours(table, row) > 4) {
                return true;
            }
            if (System.currentTimeMillis() - nudged[0] > 2000) {
                nudged[0] = System.currentTimeMillis();
                Point size = w.shell().getSize();
                w.shell().setSize(size.x, size.y - 1);
                w.shell().setSize(size);
            }
            return false;
        }, () -> ": " + rowColours(table, row) + " colours at " + table.getItem(row).getBounds());
    }

    /** How many colours the screen shows where a table row is: 1 or 2 for an empty row, many for text. */
    static int rowColours(Table table, int row) {
        return Screenshots.colours(table, table.getItem(row).getBounds());
    }

    private void zoomInAndOut(RunningWorkbench w) {
        ConfusionMatrixCanvas matrix = page.matrix();
        int before = matrix.cellSize();
        int width = matrix.canvas().getSize().x;
        matrix.zoom(10);
        assertEquals(Math.min(ConfusionMatrixCanvas.MAX_CELL, before + 10), matrix.cellSize());
        assertTrue(matrix.canvas().getSize().x > width, "zooming in makes the picture bigger");
        assertTrue(matrix.control().getHorizontalBar().isVisible(), "a big matrix scrolls");
        matrix.readable();
        assertEquals(before, matrix.cellSize(), "Readable returns to one line of text per row");
    }

    private void fitWholeMatrix(RunningWorkbench w) {
        ConfusionMatrixCanvas matrix = page.matrix();
        int paints = matrix.paints();
        matrix.fit();
        Rectangle area = matrix.control().getClientArea();
        Point size = matrix.canvas().getSize();
        assertTrue(size.x <= area.width && size.y <= area.height, size + " does not fit " + area);
        assertTrue(matrix.labelStep() > 1, "at this size not every row is named");
        assertTrue(matrix.cellSize() >= ConfusionMatrixCanvas.MIN_CELL, "cell " + matrix.cellSize());
        // White, the grid, shades of blue on the diagonal and of red off it.
        w.waitUntil("the fitted matrix is painted", () -> matrix.paints() > paints
                && Screenshots.colours(matrix.control()) > 6, () -> ", " + Screenshots.colours(matrix.control())
                        + " colours");
    }

    private void activateOlderVersion(RunningWorkbench w) {
        Table versions = page.versionsTable();
        versions.setSelection(1);
        versions.notifyListeners(SWT.DefaultSelection, new Event());
        w.waitUntil("the older model is active", () -> page.activeModel() != null
                && page.activeModel().version().equals(older.version()));
        assertEquals(older.version(), classifierActive());
        checkModelShown(older);
    }

    private void activateNewerVersion(RunningWorkbench w) {
        Table versions = page.versionsTable();
        versions.setSelection(0);
        versions.notifyListeners(SWT.DefaultSelection, new Event());
        w.waitUntil("the newer model is active again", () -> page.activeModel() != null
                && page.activeModel().version().equals(newer.version()));
        assertEquals(newer.version(), classifierActive());
    }

    /** Lets GTK paint what the last steps changed before a screenshot. */
    static void settle(RunningWorkbench w) {
        Display display = w.shell().getDisplay();
        // Under Xvfb the first runtime's window sometimes keeps stale pixels of parts shown by a perspective
        // switch; a size change makes GTK expose and paint the whole window again.
        Shell shell = w.shell();
        Point size = shell.getSize();
        shell.setSize(size.x, size.y - 1);
        shell.setSize(size);
        shell.layout(true, true);
        shell.redraw();
        shell.update();
        long end = System.currentTimeMillis() + 700;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Train from File... runs as a job and makes the new model the active one; the page follows. */
    private void trainFromFile(RunningWorkbench w) throws Exception {
        int versions = classifier.models().size();
        assertNotNull(page.train(trainFile));
        assertTrue(page.isBusy(), "training runs as a job");
        w.waitUntil("the trained model is shown", () -> !page.isBusy() && page.activeModel() != null
                && !page.activeModel().version().equals(newer.version()),
                () -> ": '" + page.statusLabel().getText() + "'");
        assertEquals(versions + 1, classifier.models().size());
        assertEquals(classifierActive(), page.activeModel().version());
        assertEquals(924, page.activeModel().texts());
        assertEquals(versions + 1, page.versionsTable().getItemCount());
        assertEquals("\u2713", page.versionsTable().getItem(0).getText(4));
    }

    private static String classifierActive() {
        try {
            return classifier.activeModel().orElseThrow().version();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void saveScreenshot(RunningWorkbench w, String name) throws Exception {
        settle(w);
        int colours = Screenshots.save(w.shell(), name);
        assertTrue(colours > 4, name + ".png holds only " + colours + " colours: the window was not drawn");
    }
}
