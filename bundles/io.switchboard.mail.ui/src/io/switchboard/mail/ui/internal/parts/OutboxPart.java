package io.switchboard.mail.ui.internal.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.ui.internal.Composers;
import io.switchboard.mail.ui.internal.Messages;
import io.switchboard.mail.ui.internal.dialogs.MailboxesDialog;
import io.switchboard.mail.ui.internal.jobs.MailJob;

/**
 * The outbox: queued, sending, sent and failed mail (with the server's reason), newest first, filtered by state.
 * It follows the outbox's events, so a message that goes out shows SENT without a refresh. Failed mail can be
 * retried; "New Mail" opens a composer, "Mailboxes…" the mailbox settings.
 */
public class OutboxPart {

    /** How many entries the list shows (the newest). */
    static final int SHOWN = 500;

    @Inject
    Outbox outbox;
    @Inject
    Mailboxes mailboxes;
    @Inject
    EPartService partService;
    @Inject
    EModelService modelService;
    @Inject
    MApplication application;
    @Inject
    @Optional
    IEventBroker broker;

    private Composite body;
    private Combo filter;
    private Table table;
    private Label count;
    /** The selected message's whole reason, which the column may cut. */
    private Label detail;
    private Button newMail;
    private Button retry;
    private Button mailboxesButton;
    private List<OutboxEntry> entries = List.of();
    private boolean loading;
    private boolean again;
    private final DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    @PostConstruct
    void create(Composite parent) {
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(body);

        Composite bar = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        newMail = new Button(bar, SWT.PUSH);
        newMail.setText(Messages.Outbox_newMail);
        newMail.setToolTipText(Messages.Outbox_newMailTooltip);
        newMail.addListener(SWT.Selection, e -> Composers.open(null, null, partService, modelService, application));
        mailboxesButton = new Button(bar, SWT.PUSH);
        mailboxesButton.setText(Messages.Outbox_mailboxes);
        mailboxesButton.setToolTipText(Messages.Outbox_mailboxesTooltip);
        mailboxesButton.addListener(SWT.Selection, e -> new MailboxesDialog(body.getShell(), mailboxes).open());
        Label filterLabel = new Label(bar, SWT.NONE);
        filterLabel.setText(Messages.Outbox_filter);
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(filterLabel);
        filter = new Combo(bar, SWT.READ_ONLY);
        filter.add(Messages.Outbox_all);
        for (OutboxState state : OutboxState.values()) {
            filter.add(Labels.state(state));
        }
        filter.select(0);
        filter.addListener(SWT.Selection, e -> reload());
        retry = new Button(bar, SWT.PUSH);
        retry.setText(Messages.Outbox_retry);
        retry.setToolTipText(Messages.Outbox_retryTooltip);
        retry.setEnabled(false);
        retry.addListener(SWT.Selection, e -> retrySelected());
        count = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(count);

        table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        column(Messages.Column_state, 90);
        column(Messages.Column_to, 280);
        column(Messages.Column_subject, 240);
        column(Messages.Column_mailbox, 90);
        column(Messages.Column_queued, 140);
        column(Messages.Column_sent, 140);
        column(Messages.Column_reason, 320);
        table.addListener(SWT.Selection, e -> updateButtons());
        detail = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(detail);
        reload();
    }

    private void column(String text, int width) {
        TableColumn column = new TableColumn(table, SWT.NONE);
        column.setText(text);
        column.setWidth(width);
    }

    /** Any change in the outbox (queued, sending, sent, failed, retried): the list reads it again. */
    @Inject
    @Optional
    void mailChanged(@UIEventTopic(SwitchboardTopics.MAIL_ALL) Object event) {
        if (table != null && !table.isDisposed()) {
            reload();
        }
    }

    /** The state the filter shows, or {@code null} for all. */
    OutboxState filterState() {
        int index = filter.getSelectionIndex();
        return index <= 0 ? null : OutboxState.values()[index - 1];
    }

    void reload() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        OutboxState state = filterState();
        MailJob.schedule(Messages.Job_loadOutbox, body.getDisplay(), () -> {
            List<OutboxEntry> list = outbox.list(state, 0, SHOWN);
            long total = outbox.count(state);
            return Map.entry(list, total);
        }, result -> {
            loading = false;
            if (!table.isDisposed()) {
                show(result.getKey(), result.getValue());
            }
            if (again) {
                again = false;
                reload();
            }
        }, error -> {
            loading = false;
            again = false;
            if (!count.isDisposed()) {
                count.setText(NLS.bind(Messages.Outbox_loadFailed, error.getMessage()));
                count.getParent().layout();
            }
        });
    }

    private void show(List<OutboxEntry> list, long total) {
        long selected = selectedEntry() == null ? -1 : selectedEntry().id();
        entries = list;
        {
            table.removeAll();
            for (OutboxEntry entry : list) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { Labels.state(entry.state()), String.join(", ", entry.to()),
                        nullToEmpty(entry.subject()), nullToEmpty(entry.mailbox()), format(entry.queuedAt()),
                        format(entry.sentAt()), reason(entry) });
                item.setData(entry);
                if (entry.state() == OutboxState.FAILED) {
                    item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                }
                if (entry.id() == selected) {
                    table.select(table.getItemCount() - 1);
                }
            }
        }
        count.setText(NLS.bind(Messages.Outbox_count, total));
        count.getParent().layout();
        updateButtons();
    }

    private static String reason(OutboxEntry entry) {
        if (entry.lastError() == null || entry.lastError().isBlank()) {
            return "";
        }
        if (entry.state() == OutboxState.QUEUED && entry.nextAttempt() != null) {
            return NLS.bind(Messages.Outbox_willRetry, entry.lastError());
        }
        return entry.lastError();
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private OutboxEntry selectedEntry() {
        int index = table.getSelectionIndex();
        return index < 0 ? null : (OutboxEntry) table.getItem(index).getData();
    }

    private void updateButtons() {
        OutboxEntry selected = selectedEntry();
        String reason = selected == null ? "" : reason(selected);
        detail.setText(reason.isEmpty() ? "" : NLS.bind(Messages.Outbox_reasonDetail, selected.id(), reason));
        body.layout(true, true);
        retry.setEnabled(java.util.Arrays.stream(table.getSelection())
                .anyMatch(i -> ((OutboxEntry) i.getData()).state() == OutboxState.FAILED));
    }

    void retrySelected() {
        List<Long> failed = java.util.Arrays.stream(table.getSelection()).map(i -> (OutboxEntry) i.getData())
                .filter(e -> e.state() == OutboxState.FAILED).map(OutboxEntry::id).toList();
        if (failed.isEmpty()) {
            return;
        }
        retry.setEnabled(false);
        MailJob.schedule(Messages.Job_retry, body.getDisplay(), () -> {
            for (long id : failed) {
                outbox.retry(id);
            }
            outbox.sendNow();
            return failed.size();
        }, n -> status(NLS.bind(Messages.Outbox_retried, n)), error -> status(error.getMessage()));
    }

    private void status(String message) {
        if (broker != null) {
            broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
        }
    }

    /** No load in flight and none waiting: the list shows the outbox as it is. */
    public boolean isSettled() {
        return !loading && !again;
    }

    public List<OutboxEntry> entries() {
        return entries;
    }

    public Table table() {
        return table;
    }

    public Combo filter() {
        return filter;
    }

    public Button newMailButton() {
        return newMail;
    }

    public Button retryButton() {
        return retry;
    }

    /** The selected message's whole reason, or empty. */
    public String detailText() {
        return detail.getText();
    }

    public Button mailboxesButton() {
        return mailboxesButton;
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
