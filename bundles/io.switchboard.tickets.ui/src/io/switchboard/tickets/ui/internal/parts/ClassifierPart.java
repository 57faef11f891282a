package io.switchboard.tickets.ui.internal.parts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.event.Event;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.tickets.ClassifierRetraining;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.tickets.ui.internal.jobs.TicketJob;
import io.switchboard.ui.forms.DateTexts;

/**
 * The ticket classifier at a glance: the active model (version, date, training size, the settings that
 * cross-validation chose and its metrics), every stored version with activate and roll back, training and
 * retraining, and the confusion matrix as a picture.
 *
 * <p>A stored model keeps its cross-validated metrics but not its confusion matrix or its training texts, so the
 * matrix is measured here, in a job, by scoring the active model on labelled texts: by default the store's tickets
 * that have a category (the texts agents actually get), or a labelled CSV file the agent picks (a held-out set
 * gives the honest picture). Tickets the model routed itself count as right answers, so the tickets' matrix
 * flatters a model on its own routing; the page says which source it shows.
 */
public class ClassifierPart {

    /** The newest tickets scored for the matrix; enough for a picture, bounded for a big store. */
    static final int TICKETS_EVALUATED = 5000;

    @Inject
    @Optional
    TicketClassifier classifier;
    @Inject
    @Optional
    TicketRepository tickets;
    @Inject
    @Optional
    ClassifierRetraining retraining;
    @Inject
    IEventBroker broker;

    private Display display;
    private LocalResourceManager resources;
    private Label title;
    private Label subtitle;
    private Table details;
    private Table versions;
    private Button activate;
    private Button rollback;
    private Button train;
    private Button retrain;
    private Label matrixTitle;
    private Label matrixSource;
    private Button evaluateTickets;
    private Button evaluateFile;
    private ConfusionMatrixCanvas matrix;
    private Label status;

    private ModelInfo active;
    private List<ModelInfo> models = List.of();
    private String matrixVersion;
    /** The one job of this page that runs now; a newer measurement replaces an older one, training is never cut. */
    private Job running;
    private boolean runningMeasures;

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(12, 10).spacing(8, 8).applyTo(body);

        title = new Label(body, SWT.NONE);
        title.setFont(resources.create(FontDescriptor.createFrom(JFaceResources.getHeaderFont()).setHeight(15)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        subtitle = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subtitle);

        SashForm sash = new SashForm(body, SWT.HORIZONTAL | SWT.SMOOTH);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createModelSide(sash);
        createMatrixSide(sash);
        sash.setWeights(36, 64);

        status = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        reload();
        // GTK leaves rows that were added before the tables first got their size unpainted; fill them again once
        // the part is on screen.
        display.asyncExec(() -> {
            if (!details.isDisposed()) {
                showModel();
            }
        });
    }

    private void createModelSide(Composite parent) {
        Composite side = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(6, 6).margins(0, 0).applyTo(side);

        heading(side, Messages.Classifier_activeModel);
        details = new Table(side, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        details.setHeaderVisible(true);
        details.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(300, 200).applyTo(details);
        column(details, Messages.Classifier_property, 170);
        column(details, Messages.Classifier_value, 200);

        heading(side, Messages.Classifier_versions);
        versions = new Table(side, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        versions.setHeaderVisible(true);
        versions.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(300, 120).applyTo(versions);
        column(versions, Messages.Classifier_version, 140);
        column(versions, Messages.Classifier_trained, 130);
        column(versions, Messages.Classifier_texts, 60);
        column(versions, Messages.Classifier_accuracy, 70);
        column(versions, Messages.Classifier_active, 50);
        versions.addListener(SWT.Selection, e -> updateButtons());
        versions.addListener(SWT.DefaultSelection, e -> activateSelected());

        Composite buttons = new Composite(side, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(6, 0).applyTo(buttons);
        activate = button(buttons, Messages.Classifier_activate, Messages.Classifier_activateTooltip,
                this::activateSelected);
        rollback = button(buttons, Messages.Classifier_rollback, Messages.Classifier_rollbackTooltip, this::rollback);
        train = button(buttons, Messages.Classifier_train, Messages.Classifier_trainTooltip, this::trainFromFile);
        retrain = button(buttons, Messages.Classifier_retrain, Messages.Classifier_retrainTooltip, this::retrain);
    }

    private void createMatrixSide(Composite parent) {
        Composite side = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(7).spacing(6, 6).margins(0, 0).applyTo(side);

        matrixTitle = new Label(side, SWT.NONE);
        matrixTitle.setText(Messages.Matrix_title);
        matrixTitle.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(matrixTitle);
        evaluateTickets = button(side, Messages.Matrix_evaluateTickets, Messages.Matrix_evaluateTicketsTooltip,
                this::evaluateOnTickets);
        evaluateFile = button(side, Messages.Matrix_evaluateFile, Messages.Matrix_evaluateFileTooltip,
                this::evaluateOnFile);
        button(side, "\u2212", Messages.Matrix_zoomOut, () -> matrix.zoom(-2));
        button(side, "+", Messages.Matrix_zoomIn, () -> matrix.zoom(2));
        button(side, Messages.Matrix_readable, Messages.Matrix_readableTooltip, () -> matrix.readable());
        button(side, Messages.Matrix_fit, Messages.Matrix_fitTooltip, () -> matrix.fit());

        matrixSource = new Label(side, SWT.WRAP);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, false).applyTo(matrixSource);

        matrix = new ConfusionMatrixCanvas(side);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, true).hint(400, 300).applyTo(matrix.control());
        Label legend = new Label(side, SWT.WRAP);
        legend.setText(Messages.Matrix_legend);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, false).applyTo(legend);
    }

    private void heading(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setFont(JFaceResources.getBannerFont());
    }

    private static void column(Table table, String text, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(text);
        column.setWidth(width);
    }

    private static Button button(Composite parent, String text, String tooltip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    /** Reads the models again and, when the active one changed, measures its confusion matrix. */
    public void reload() {
        if (title == null || title.isDisposed()) {
            return;
        }
        if (classifier == null) {
            active = null;
            models = List.of();
            title.setText(Messages.Classifier_noService);
            subtitle.setText("");
            showModel();
            return;
        }
        try {
            models = classifier.models();
            active = classifier.activeModel().orElse(null);
            showProblem(null);
        } catch (ClassifierException e) {
            models = List.of();
            active = null;
            showProblem(NLS.bind(Messages.Classifier_failed, e.getMessage()));
        }
        showModel();
        if (active != null && !active.version().equals(matrixVersion) && tickets != null
                && (running == null || runningMeasures)) {
            evaluateOnTickets();
        }
    }

    private void showModel() {
        if (active == null) {
            if (classifier != null) {
                title.setText(Messages.Classifier_noModel);
                subtitle.setText(Messages.Classifier_noModelHint);
            }
        } else {
            title.setText(NLS.bind(Messages.Classifier_title, active.version()));
            subtitle.setText(NLS.bind(Messages.Classifier_subtitle, new Object[] { DateTexts.dateTime(active.created()),
                    active.texts(), active.categories().size(), percent(active.metrics().get("cv_accuracy")) }));
        }
        details.removeAll();
        if (active != null) {
            row(details, Messages.Classifier_version, active.version());
            row(details, Messages.Classifier_trained, DateTexts.dateTime(active.created()));
            row(details, Messages.Classifier_texts, Integer.toString(active.texts()));
            row(details, Messages.Classifier_categories, Integer.toString(active.categories().size()));
            row(details, Messages.Classifier_fileSize, Labels.bytes(active.fileSize()));
            // In the order of their names as the agent reads them.
            for (Map.Entry<String, String> setting : active.settings().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(Labels::modelSetting))).toList()) {
                row(details, Labels.modelSetting(setting.getKey()), setting.getValue());
            }
            for (Map.Entry<String, Double> metric : new TreeMap<>(active.metrics()).entrySet()) {
                row(details, Labels.modelMetric(metric.getKey()), number(metric.getValue()));
            }
        }
        versions.removeAll();
        for (int i = models.size() - 1; i >= 0; i--) {
            ModelInfo model = models.get(i);
            TableItem item = new TableItem(versions, SWT.NONE);
            item.setData(model);
            item.setText(new String[] { model.version(), DateTexts.dateTime(model.created()),
                    Integer.toString(model.texts()), percent(model.metrics().get("cv_accuracy")),
                    model.active() ? "\u2713" : "" });
        }
        title.getParent().layout(true, true);
        updateButtons();
    }

    private static void row(Table table, String key, String value) {
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(new String[] { key, value == null ? "" : value });
    }

    static String percent(Double value) {
        return value == null ? "\u2013" : String.format("%.1f %%", value * 100);
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Long.toString(value.longValue())
                : String.format("%.4f", value);
    }

    private void updateButtons() {
        boolean idle = running == null;
        boolean service = classifier != null;
        ModelInfo selected = selectedModel();
        activate.setEnabled(idle && service && selected != null && !selected.active());
        rollback.setEnabled(idle && service && active != null && models.indexOf(activeInList()) > 0);
        train.setEnabled(idle && service);
        retrain.setEnabled(idle && retraining != null);
        retrain.setToolTipText(retraining == null ? Messages.Classifier_retrainUnavailable
                : Messages.Classifier_retrainTooltip);
        evaluateTickets.setEnabled(idle && service && active != null && tickets != null);
        evaluateFile.setEnabled(idle && service && active != null);
    }

    private ModelInfo activeInList() {
        for (ModelInfo model : models) {
            if (model.active()) {
                return model;
            }
        }
        return null;
    }

    private ModelInfo selectedModel() {
        TableItem[] selection = versions.getSelection();
        return selection.length == 1 ? (ModelInfo) selection[0].getData() : null;
    }

    private void activateSelected() {
        ModelInfo selected = selectedModel();
        if (selected == null || selected.active() || classifier == null) {
            return;
        }
        try {
            ModelInfo now = classifier.activate(selected.version());
            announce(now, NLS.bind(Messages.Classifier_activated, now.version()));
        } catch (ClassifierException e) {
            showProblem(NLS.bind(Messages.Classifier_activateFailed, e.getMessage()));
        }
    }

    private void rollback() {
        if (classifier == null || active == null) {
            return;
        }
        if (!MessageDialog.openQuestion(title.getShell(), Messages.Classifier_rollback,
                NLS.bind(Messages.Classifier_rollbackQuestion, active.version()))) {
            return;
        }
        try {
            ModelInfo now = classifier.rollback();
            announce(now, NLS.bind(Messages.Classifier_rolledBack, now.version()));
        } catch (ClassifierException e) {
            showProblem(NLS.bind(Messages.Classifier_activateFailed, e.getMessage()));
        }
    }

    /** Tells every part that another model answers now; this page reloads through the same event. */
    private void announce(ModelInfo now, String message) {
        broker.post(SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED, Map.of(SwitchboardTopics.PROPERTY_VERSION,
                now.version()));
        status(message);
        reload();
    }

    private void trainFromFile() {
        FileDialog dialog = new FileDialog(title.getShell(), SWT.OPEN);
        dialog.setText(Messages.Classifier_trainTitle);
        dialog.setFilterExtensions(new String[] { "*.csv", "*" });
        dialog.setFilterNames(new String[] { Messages.File_csv, Messages.File_all });
        String chosen = dialog.open();
        if (chosen != null) {
            train(Path.of(chosen));
        }
    }

    /** Trains and activates a model on a labelled CSV file ({@code text} and {@code category} columns). */
    public Job train(Path file) {
        return startTraining(Messages.Classifier_trainJob, progress -> classifier.train(readLabelled(file), progress));
    }

    /** Trains on the store's tickets and corrections, through the tickets' retraining service. */
    public Job retrain() {
        if (retraining == null) {
            return null;
        }
        ClassifierRetraining service = retraining;
        return startTraining(Messages.Classifier_retrainJob, service::retrain);
    }

    /** Training of either kind: a new active model when it ends, the reason when it fails. */
    private interface Training {
        ModelInfo run(Progress progress) throws Exception;
    }

    private Job startTraining(String name, Training training) {
        return start(new TicketJob<ModelInfo>(name, display) {
            @Override
            protected ModelInfo work(Progress progress) throws Exception {
                return training.run(progress);
            }

            @Override
            protected void done(ModelInfo model) {
                finished(this);
                announce(model, NLS.bind(Messages.Classifier_trained_done, model.version(), model.texts()));
            }

            @Override
            protected void failed(Exception error) {
                finished(this);
                showProblem(NLS.bind(Messages.Classifier_trainFailed, message(error)));
            }

            @Override
            protected void canceled() {
                finished(this);
                status(Messages.Classifier_canceled);
            }
        });
    }

    /** Measures the active model's confusion matrix on the store's categorised tickets. */
    public Job evaluateOnTickets() {
        if (classifier == null || tickets == null || active == null) {
            return null;
        }
        ModelInfo model = active;
        TicketRepository repository = tickets;
        return evaluate(Messages.Matrix_sourceTicketsJob, model, progress -> {
            TicketQuery query = TicketQuery.ALL.page(0, TICKETS_EVALUATED);
            List<TicketSummary> rows = repository.list(query);
            Set<String> known = new HashSet<>(model.categories());
            List<LabeledText> data = new ArrayList<>();
            progress.begin(Messages.Matrix_sourceTicketsJob, rows.size());
            int done = 0;
            for (TicketSummary row : rows) {
                if (progress.isCanceled()) {
                    break;
                }
                progress.worked(++done);
                if (row.category() == null || !known.contains(row.category())) {
                    continue;
                }
                var ticket = repository.find(row.id());
                if (ticket.isPresent() && !ticket.get().classifierText().isBlank()) {
                    data.add(new LabeledText(ticket.get().classifierText(), row.category(), "ticket " + row.id()));
                }
            }
            return data;
        }, count -> NLS.bind(Messages.Matrix_sourceTickets, count));
    }

    private void evaluateOnFile() {
        FileDialog dialog = new FileDialog(title.getShell(), SWT.OPEN);
        dialog.setText(Messages.Matrix_evaluateFile);
        dialog.setFilterExtensions(new String[] { "*.csv", "*" });
        dialog.setFilterNames(new String[] { Messages.File_csv, Messages.File_all });
        String chosen = dialog.open();
        if (chosen != null) {
            evaluateOnFile(Path.of(chosen));
        }
    }

    /** Measures the active model's confusion matrix on a labelled CSV file; unknown categories are left out. */
    public Job evaluateOnFile(Path file) {
        if (classifier == null || active == null) {
            return null;
        }
        ModelInfo model = active;
        return evaluate(Messages.Matrix_sourceFileJob, model, progress -> {
            Set<String> known = new HashSet<>(model.categories());
            List<LabeledText> data = new ArrayList<>();
            for (LabeledText text : readLabelled(file)) {
                if (known.contains(text.category())) {
                    data.add(text);
                }
            }
            return data;
        }, count -> NLS.bind(Messages.Matrix_sourceFile, file.getFileName(), count));
    }

    @FunctionalInterface
    private interface Source {
        List<LabeledText> read(Progress progress) throws Exception;
    }

    private Job evaluate(String jobName, ModelInfo model, Source source, IntFunction<String> describe) {
        TicketClassifier service = classifier;
        return start(new TicketJob<Object[]>(jobName, display) {
            @Override
            protected Object[] work(Progress progress) throws Exception {
                List<LabeledText> data = source.read(progress);
                if (data.isEmpty()) {
                    return new Object[] { null, 0 };
                }
                return new Object[] { service.evaluate(data), data.size() };
            }

            @Override
            protected void done(Object[] result) {
                if (!finished(this)) {
                    return;
                }
                Evaluation evaluation = (Evaluation) result[0];
                matrixVersion = model.version();
                if (evaluation == null) {
                    matrix.setEvaluation(null);
                    matrixSource.setText(Messages.Matrix_noData);
                } else {
                    matrix.setEvaluation(evaluation);
                    matrixSource.setText(describe.apply((Integer) result[1]) + "   "
                            + NLS.bind(Messages.Matrix_scores, new Object[] { model.version(),
                                    percent(evaluation.accuracy()), String.format("%.3f", evaluation.macroF1()),
                                    evaluation.n() }));
                }
                matrixSource.getParent().layout(true, true);
            }

            @Override
            protected void failed(Exception error) {
                if (!finished(this)) {
                    return;
                }
                matrixVersion = model.version();
                showProblem(NLS.bind(Messages.Matrix_failed, message(error)));
            }

            @Override
            protected void canceled() {
                finished(this);
            }
        }, true);
    }

    private Job start(TicketJob<?> job) {
        return start(job, false);
    }

    private Job start(TicketJob<?> job, boolean measures) {
        if (running != null) {
            if (!runningMeasures) {
                return null;
            }
            running.cancel();
        }
        running = job;
        runningMeasures = measures;
        updateButtons();
        status(job.getName() + "\u2026");
        job.schedule();
        return job;
    }

    /** Whether the job is the page's current one (an older, replaced measurement's result is dropped). */
    private boolean finished(Job job) {
        if (running != job) {
            return false;
        }
        running = null;
        runningMeasures = false;
        if (!status.isDisposed()) {
            status.setText("");
            updateButtons();
        }
        return !status.isDisposed();
    }

    /** Labelled texts from a CSV file with a header naming {@code text} and {@code category} columns. */
    static List<LabeledText> readLabelled(Path file) throws IOException, ClassifierException {
        List<LabeledText> data = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in)) {
            CsvRecord header = csv.next();
            if (header == null) {
                throw new ClassifierException(NLS.bind(Messages.File_empty, file.getFileName()));
            }
            int text = header.fields().indexOf("text");
            int category = header.fields().indexOf("category");
            if (text < 0 || category < 0) {
                throw new ClassifierException(NLS.bind(Messages.File_columns, file.getFileName()));
            }
            for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                List<String> fields = record.fields();
                if (record.error() != null || fields.size() <= Math.max(text, category)) {
                    continue;
                }
                data.add(new LabeledText(fields.get(text), fields.get(category),
                        file.getFileName() + ":" + record.line()));
            }
        }
        return data;
    }

    private static String message(Exception error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    private void status(String message) {
        if (!status.isDisposed()) {
            status.setForeground(null);
            status.setText(message == null ? "" : message);
            status.getParent().layout(true, true);
        }
    }

    private void showProblem(String message) {
        if (status.isDisposed()) {
            return;
        }
        if (message != null) {
            ILog.of(ClassifierPart.class).warn(message);
        }
        status.setText(message == null ? "" : message);
        status.setForeground(message == null ? null : display.getSystemColor(SWT.COLOR_DARK_RED));
        status.getParent().layout(true, true);
    }

    @Inject
    @Optional
    void modelActivated(@UIEventTopic(SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED) Event event) {
        if (title != null && !title.isDisposed()) {
            reload();
        }
    }

    /** The classifier service may start after the page; show it once it is there. */
    @Inject
    @Optional
    void classifierAppeared(@Optional TicketClassifier service) {
        classifier = service;
        if (title != null && !title.isDisposed()) {
            reload();
        }
    }

    @Focus
    void focus() {
        versions.setFocus();
    }

    @PreDestroy
    void dispose() {
        if (running != null) {
            running.cancel();
        }
    }

    // For tests.

    public ModelInfo activeModel() {
        return active;
    }

    public Table detailsTable() {
        return details;
    }

    public Table versionsTable() {
        return versions;
    }

    public ConfusionMatrixCanvas matrix() {
        return matrix;
    }

    public Label matrixSourceLabel() {
        return matrixSource;
    }

    public Label statusLabel() {
        return status;
    }

    public Button retrainButton() {
        return retrain;
    }

    public boolean isBusy() {
        return running != null;
    }
}
