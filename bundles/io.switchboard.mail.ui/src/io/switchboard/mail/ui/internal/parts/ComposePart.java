package io.switchboard.mail.ui.internal.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.ui.MailUi;
import io.switchboard.mail.ui.internal.Agents;
import io.switchboard.mail.ui.internal.Messages;
import io.switchboard.mail.ui.internal.Signatures;
import io.switchboard.mail.ui.internal.handlers.MailCustomerHandler;
import io.switchboard.mail.ui.internal.jobs.MailJob;

/**
 * A new mail: From (one of the configured mailboxes), To, Cc, Bcc, subject, a plain-text body, attachments. Send
 * queues it in the outbox off the UI thread; what the outbox refuses (an invalid address, a header with a line
 * break, an attachment over the limit) is shown above the fields in the outbox's words, and the field holding the
 * address it names is marked. The mailbox's HTML signature goes into the HTML alternative, its text into the plain
 * one. Once queued the composer closes and the outbox shows the message.
 */
public class ComposePart {

    /** How many customers' addresses completion offers from. */
    static final int KNOWN_LIMIT = 5000;

    /** The background of a field the outbox complained about: light enough for dark text in any theme. */
    static final Color MARKED = new Color(255, 226, 222);

    @Inject
    Mailboxes mailboxes;
    @Inject
    Outbox outbox;
    @Inject
    MPart part;
    @Inject
    EPartService partService;
    @Inject
    EModelService modelService;
    @Inject
    MApplication application;
    @Inject
    @Optional
    Settings settings;
    @Inject
    @Optional
    IEventBroker broker;
    @Inject
    @Optional
    CustomerRepository customers;

    private Composite body;
    private Label error;
    private Combo from;
    private Text to;
    private Text cc;
    private Text bcc;
    private Text subject;
    private StyledText text;
    private org.eclipse.swt.widgets.List attachmentList;
    private Button send;
    private final List<Path> attachments = new ArrayList<>();
    private List<Mailbox> boxes = List.of();
    private Long customerId;
    /** Customers' addresses for completion in To, Cc and Bcc, read off the UI thread when the composer opens. */
    private volatile List<String> known = List.of();
    private boolean loadingAddresses;
    private boolean loading = true;
    private boolean sending;
    private OutboxEntry queued;

    @PostConstruct
    void create(Composite parent) {
        String customer = part.getPersistedState().getOrDefault(MailUi.STATE_CUSTOMER_ID, "");
        customerId = customer.isEmpty() ? null : Long.valueOf(customer);

        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(8, 6).applyTo(body);

        error = new Label(body, SWT.WRAP);
        error.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(600, SWT.DEFAULT).exclude(true)
                .applyTo(error);
        error.setVisible(false);

        label(Messages.Compose_from);
        from = new Combo(body, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(from);
        to = field(Messages.Compose_to);
        to.setText(part.getPersistedState().getOrDefault(MailUi.STATE_TO, ""));
        to.setMessage(Messages.Compose_addressesHint);
        cc = field(Messages.Compose_cc);
        bcc = field(Messages.Compose_bcc);
        subject = field(Messages.Compose_subject);

        Label textLabel = label(Messages.Compose_text);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(textLabel);
        text = new StyledText(body, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        text.setMargins(6, 6, 6, 6);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 240).applyTo(text);

        Label attachLabel = label(Messages.Compose_attachments);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(attachLabel);
        Composite attach = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(attach);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(attach);
        attachmentList = new org.eclipse.swt.widgets.List(attach, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).span(1, 2).hint(SWT.DEFAULT, 60).applyTo(attachmentList);
        Button add = new Button(attach, SWT.PUSH);
        add.setText(Messages.Compose_attach);
        add.addListener(SWT.Selection, e -> chooseAttachments());
        GridDataFactory.fillDefaults().applyTo(add);
        Button remove = new Button(attach, SWT.PUSH);
        remove.setText(Messages.Compose_removeAttachment);
        remove.addListener(SWT.Selection, e -> removeAttachments());
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(remove);

        new Label(body, SWT.NONE);
        send = new Button(body, SWT.PUSH);
        send.setText(Messages.Compose_send);
        send.setToolTipText(Messages.Compose_sendTooltip);
        send.setEnabled(false);
        send.addListener(SWT.Selection, e -> send());
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).hint(120, SWT.DEFAULT).applyTo(send);

        loadMailboxes();
        loadAddresses();
        for (Text field : List.of(to, cc, bcc)) {
            ContentProposalAdapter adapter = new ContentProposalAdapter(field, new TextContentAdapter(),
                    (contents, position) -> proposals(lastAddress(contents.substring(0, position))).stream()
                            .map(ContentProposal::new).toArray(IContentProposal[]::new),
                    null, null);
            adapter.setAutoActivationDelay(200);
            adapter.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_IGNORE);
            adapter.addContentProposalListener(proposal -> accept(field, proposal.getContent()));
        }
    }

    /** The first {@value #KNOWN_LIMIT} customers with an e-mail address, by name, as {@code Name <address>}. */
    private void loadAddresses() {
        CustomerRepository repository = customers;
        if (repository == null) {
            return;
        }
        loadingAddresses = true;
        MailJob.schedule(Messages.Job_loadAddresses, body.getDisplay(), () -> {
            List<String> addresses = new ArrayList<>();
            int offset = 0;
            while (addresses.size() < KNOWN_LIMIT) {
                List<CustomerSummary> page = repository.list(CustomerQuery.ALL.page(offset, 500));
                for (CustomerSummary customer : page) {
                    String address = MailCustomerHandler.recipient(customer.name(), customer.email());
                    if (!address.isEmpty()) {
                        addresses.add(address);
                    }
                }
                if (page.size() < 500) {
                    break;
                }
                offset += page.size();
            }
            return addresses;
        }, addresses -> {
            loadingAddresses = false;
            known = List.copyOf(addresses);
        }, failure -> loadingAddresses = false);
    }

    /** Known addresses whose name or address contains the typed text, at most ten. */
    public List<String> proposals(String typed) {
        String wanted = typed.strip().toLowerCase();
        if (wanted.length() < 2) {
            return List.of();
        }
        return known.stream().filter(a -> a.toLowerCase().contains(wanted)).limit(10).toList();
    }

    /** The address being typed: what follows the last comma or semicolon. */
    static String lastAddress(String contents) {
        int cut = Math.max(contents.lastIndexOf(','), contents.lastIndexOf(';'));
        return contents.substring(cut + 1);
    }

    /** Replaces the address being typed with the chosen one, keeping the addresses before it. */
    private static void accept(Text field, String address) {
        String contents = field.getText();
        int cut = Math.max(contents.lastIndexOf(','), contents.lastIndexOf(';'));
        String before = cut < 0 ? "" : contents.substring(0, cut + 1) + " ";
        field.setText(before + address + ", ");
        field.setSelection(field.getText().length());
    }

    private Label label(String textValue) {
        Label label = new Label(body, SWT.NONE);
        label.setText(textValue);
        return label;
    }

    private Text field(String labelText) {
        label(labelText);
        Text field = new Text(body, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
        field.addListener(SWT.Modify, e -> {
            if (MARKED.equals(field.getBackground())) {
                // the agent corrects what the outbox complained about: the complaint goes with the mark
                field.setBackground(null);
                hideError();
            }
        });
        return field;
    }

    private void loadMailboxes() {
        MailJob.schedule(Messages.Job_loadMailboxes, body.getDisplay(),
                () -> Map.entry(mailboxes.list(), mailboxes.defaultMailbox().map(Mailbox::name).orElse("")),
                result -> {
                    loading = false;
                    if (body.isDisposed()) {
                        return;
                    }
                    boxes = result.getKey();
                    from.removeAll();
                    for (Mailbox box : boxes) {
                        from.add(box.name() + " \u2013 " + box.from());
                        if (box.name().equals(result.getValue())) {
                            from.select(from.getItemCount() - 1);
                        }
                    }
                    if (from.getSelectionIndex() < 0 && !boxes.isEmpty()) {
                        from.select(0);
                    }
                    if (boxes.isEmpty()) {
                        showError(Messages.Compose_noMailbox);
                    }
                    send.setEnabled(!boxes.isEmpty());
                }, failure -> {
                    loading = false;
                    if (!body.isDisposed()) {
                        showError(NLS.bind(Messages.Compose_mailboxesFailed, failure.getMessage()));
                    }
                });
    }

    private void chooseAttachments() {
        FileDialog dialog = new FileDialog(body.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText(Messages.Compose_attachTitle);
        if (dialog.open() == null) {
            return;
        }
        for (String name : dialog.getFileNames()) {
            addAttachment(Path.of(dialog.getFilterPath(), name));
        }
    }

    /** Adds a file to the attachments, shown with its size. */
    public void addAttachment(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            showError(NLS.bind(Messages.Compose_attachmentUnreadable, file, e.getMessage()));
            return;
        }
        attachments.add(file);
        attachmentList.add(NLS.bind(Messages.Compose_attachmentItem, file.getFileName(), Labels.size(size)));
    }

    private void removeAttachments() {
        int[] selected = attachmentList.getSelectionIndices();
        Arrays.sort(selected);
        for (int i = selected.length - 1; i >= 0; i--) {
            attachments.remove(selected[i]);
            attachmentList.remove(selected[i]);
        }
    }

    /** Queues the mail in the outbox off the UI thread; closes the composer once it is stored. */
    public void send() {
        if (sending || boxes.isEmpty()) {
            return;
        }
        hideError();
        Mailbox box = boxes.get(Math.max(0, from.getSelectionIndex()));
        List<String> toList = addresses(to.getText());
        List<String> ccList = addresses(cc.getText());
        List<String> bccList = addresses(bcc.getText());
        if (toList.isEmpty() && ccList.isEmpty() && bccList.isEmpty()) {
            showError(Messages.Compose_noRecipient);
            mark(to);
            return;
        }
        String plain = text.getText();
        String signature = box.signature() == null ? "" : box.signature().strip();
        String plainBody = signature.isEmpty() ? plain : plain + "\n\n-- \n" + Signatures.plain(signature);
        String html = signature.isEmpty() ? null : Signatures.html(plain, signature);
        OutgoingMail mail = new OutgoingMail(box.name(), toList, ccList, bccList, subject.getText(), plainBody, html,
                List.copyOf(attachments), customerId, null, null, List.of(), Agents.current(settings));
        sending = true;
        send.setEnabled(false);
        MailJob.schedule(Messages.Job_send, body.getDisplay(), () -> {
            OutboxEntry entry = outbox.queue(mail);
            outbox.sendNow();
            return entry;
        }, entry -> {
            sending = false;
            queued = entry;
            status(NLS.bind(Messages.Compose_queued, entry.id(), String.join(", ", entry.to())));
            if (!body.isDisposed()) {
                close();
            }
        }, failure -> {
            sending = false;
            if (body.isDisposed()) {
                return;
            }
            send.setEnabled(true);
            String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            showError(failure instanceof IllegalArgumentException ? message
                    : NLS.bind(Messages.Compose_sendFailed, message));
            markFieldNamedIn(message, toList, ccList, bccList);
        });
    }

    private void close() {
        MPart outboxPart = partService.findPart(MailUi.PART_OUTBOX);
        partService.hidePart(part, true);
        if (outboxPart != null) {
            partService.showPart(outboxPart, PartState.ACTIVATE);
        }
    }

    /** Marks the field whose address the outbox named, so the agent sees where to correct it. */
    private void markFieldNamedIn(String message, List<String> toList, List<String> ccList, List<String> bccList) {
        if (named(message, toList)) {
            mark(to);
        } else if (named(message, ccList)) {
            mark(cc);
        } else if (named(message, bccList)) {
            mark(bcc);
        } else if (message.toLowerCase().contains("subject")) {
            mark(subject);
        }
    }

    private static boolean named(String message, List<String> addresses) {
        return addresses.stream().anyMatch(a -> !a.isBlank() && message.contains(a));
    }

    private void mark(Text field) {
        field.setBackground(MARKED);
        field.setFocus();
    }

    /** "a@b.c, Name <d@e.f>; g@h.i" as its addresses; commas inside quotes or angle brackets do not split. */
    static List<String> addresses(String field) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : field.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<') {
                angle++;
            } else if (c == '>' && angle > 0) {
                angle--;
            }
            if ((c == ',' || c == ';') && !quoted && angle == 0) {
                add(result, current);
            } else {
                current.append(c);
            }
        }
        add(result, current);
        return result;
    }

    private static void add(List<String> result, StringBuilder current) {
        String address = current.toString().strip();
        if (!address.isEmpty()) {
            result.add(address);
        }
        current.setLength(0);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        ((org.eclipse.swt.layout.GridData) error.getLayoutData()).exclude = false;
        body.layout(true, true);
    }

    private void hideError() {
        error.setText("");
        error.setVisible(false);
        ((org.eclipse.swt.layout.GridData) error.getLayoutData()).exclude = true;
        body.layout(true, true);
    }

    private void status(String message) {
        if (broker != null) {
            broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
        }
    }

    /** The mailboxes are listed and no send is in flight. */
    public boolean isSettled() {
        return !loading && !sending && !loadingAddresses;
    }

    /** What the composer shows as the outbox's (or its own) complaint, or empty. */
    public String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    /** The entry the last send stored, or {@code null}. */
    public OutboxEntry queued() {
        return queued;
    }

    public Combo from() {
        return from;
    }

    public Text to() {
        return to;
    }

    public Text cc() {
        return cc;
    }

    public Text bcc() {
        return bcc;
    }

    public Text subject() {
        return subject;
    }

    public StyledText text() {
        return text;
    }

    public org.eclipse.swt.widgets.List attachmentList() {
        return attachmentList;
    }

    public Button sendButton() {
        return send;
    }

    @Focus
    void focus() {
        (to.getText().isEmpty() ? to : subject).setFocus();
    }
}
