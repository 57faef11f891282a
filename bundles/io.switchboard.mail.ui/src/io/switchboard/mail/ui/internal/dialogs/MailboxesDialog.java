package io.switchboard.mail.ui.internal.dialogs;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.ui.internal.Messages;
import io.switchboard.mail.ui.internal.jobs.MailJob;

/**
 * Adds and edits mailboxes: name, From address, the SMTP server (host, port, security, user, password), an
 * optional IMAP server and the HTML signature. The password goes to {@link Mailboxes#setPassword} only, and only
 * when the agent typed one. "Test connection" saves, then logs in to the servers, off the UI thread, and says what
 * the server answered.
 */
public class MailboxesDialog extends Dialog {

    static final int SAVE_ID = IDialogConstants.CLIENT_ID + 1;
    static final int TEST_ID = IDialogConstants.CLIENT_ID + 2;
    static final int DELETE_ID = IDialogConstants.CLIENT_ID + 3;

    private final Mailboxes mailboxes;
    private List<Mailbox> boxes = List.of();
    private Combo choice;
    private Text name;
    private Text from;
    private Text smtpHost;
    private Spinner smtpPort;
    private Combo smtpSecurity;
    private Text smtpUser;
    private Text password;
    private Text imapHost;
    private Spinner imapPort;
    private Combo imapSecurity;
    private Text imapUser;
    private Text signature;
    private Label status;
    private boolean busy;

    public MailboxesDialog(Shell parent, Mailboxes mailboxes) {
        super(parent);
        this.mailboxes = mailboxes;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Mailboxes_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);

        label(area, Messages.Mailboxes_mailbox);
        choice = new Combo(area, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(choice);
        choice.addListener(SWT.Selection, e -> showChoice());

        name = text(area, Messages.Mailboxes_name);
        from = text(area, Messages.Mailboxes_from);
        from.setMessage("Support <support@example.com>");

        Group smtp = group(area, Messages.Mailboxes_smtp);
        smtpHost = text(smtp, Messages.Mailboxes_host);
        smtpPort = port(smtp, 587);
        smtpSecurity = security(smtp);
        smtpUser = text(smtp, Messages.Mailboxes_user);
        label(smtp, Messages.Mailboxes_password);
        password = new Text(smtp, SWT.BORDER | SWT.PASSWORD);
        password.setMessage(Messages.Mailboxes_passwordHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(password);

        Group imap = group(area, Messages.Mailboxes_imap);
        imapHost = text(imap, Messages.Mailboxes_host);
        imapHost.setMessage(Messages.Mailboxes_imapHint);
        imapPort = port(imap, 993);
        imapSecurity = security(imap);
        imapSecurity.select(Security.SSL.ordinal());
        imapUser = text(imap, Messages.Mailboxes_user);

        Label signatureLabel = label(area, Messages.Mailboxes_signature);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(signatureLabel);
        signature = new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 60).applyTo(signature);

        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(480, SWT.DEFAULT).applyTo(status);

        load(null);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, TEST_ID, Messages.Mailboxes_test, false);
        createButton(parent, DELETE_ID, Messages.Mailboxes_delete, false);
        createButton(parent, SAVE_ID, Messages.Mailboxes_save, true);
        createButton(parent, IDialogConstants.CLOSE_ID, Messages.Mailboxes_close, false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        switch (buttonId) {
        case SAVE_ID -> save(false);
        case TEST_ID -> save(true);
        case DELETE_ID -> delete();
        case IDialogConstants.CLOSE_ID -> close();
        default -> super.buttonPressed(buttonId);
        }
    }

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        return label;
    }

    private static Text text(Composite parent, String labelText) {
        label(parent, labelText);
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        return text;
    }

    private static Group group(Composite parent, String text) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(text);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(group);
        return group;
    }

    private static Spinner port(Composite parent, int value) {
        label(parent, Messages.Mailboxes_port);
        Spinner port = new Spinner(parent, SWT.BORDER);
        port.setValues(value, 1, 65535, 0, 1, 100);
        return port;
    }

    private static Combo security(Composite parent) {
        label(parent, Messages.Mailboxes_security);
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setItems(Messages.Mailboxes_securityNone, Messages.Mailboxes_securityStarttls,
                Messages.Mailboxes_securitySsl);
        combo.select(Security.STARTTLS.ordinal());
        return combo;
    }

    /** Lists the mailboxes off the UI thread, then shows {@code select} (or the first, or a new one). */
    private void load(String select) {
        busy = true;
        MailJob.schedule(Messages.Job_loadMailboxes, getShell().getDisplay(), mailboxes::list, list -> {
            busy = false;
            if (choice.isDisposed()) {
                return;
            }
            boxes = list;
            choice.removeAll();
            for (Mailbox box : list) {
                choice.add(box.name());
            }
            choice.add(Messages.Mailboxes_new);
            int index = 0;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equals(select)) {
                    index = i;
                }
            }
            choice.select(index);
            showChoice();
        }, error -> {
            busy = false;
            say(error.getMessage(), true);
        });
    }

    private void showChoice() {
        int index = choice.getSelectionIndex();
        Mailbox box = index >= 0 && index < boxes.size() ? boxes.get(index) : null;
        name.setText(box == null ? "" : box.name());
        name.setEditable(box == null);
        from.setText(box == null ? "" : box.from());
        show(box == null ? null : box.smtp(), smtpHost, smtpPort, smtpSecurity, smtpUser, 587, Security.STARTTLS);
        show(box == null ? null : box.imap(), imapHost, imapPort, imapSecurity, imapUser, 993, Security.SSL);
        signature.setText(box == null || box.signature() == null ? "" : box.signature());
        password.setText("");
        getButton(DELETE_ID).setEnabled(box != null);
    }

    private static void show(Server server, Text host, Spinner port, Combo security, Text user, int defaultPort,
            Security defaultSecurity) {
        host.setText(server == null ? "" : server.host());
        port.setSelection(server == null ? defaultPort : server.port());
        security.select((server == null ? defaultSecurity : server.security()).ordinal());
        user.setText(server == null || server.user() == null ? "" : server.user());
    }

    /** The mailbox the fields describe. */
    public Mailbox mailbox() {
        Server smtp = new Server(smtpHost.getText().strip(), smtpPort.getSelection(),
                Security.values()[smtpSecurity.getSelectionIndex()], smtpUser.getText().strip());
        Server imap = imapHost.getText().isBlank() ? null
                : new Server(imapHost.getText().strip(), imapPort.getSelection(),
                        Security.values()[imapSecurity.getSelectionIndex()], imapUser.getText().strip());
        return new Mailbox(name.getText().strip(), from.getText().strip(), smtp, imap, signature.getText());
    }

    /** Saves the mailbox (and the password, when one was typed) off the UI thread; then tests it if asked. */
    void save(boolean test) {
        if (busy) {
            return;
        }
        Mailbox box = mailbox();
        char[] secret = password.getText().isEmpty() ? null : password.getText().toCharArray();
        busy = true;
        enableButtons(false);
        say(test ? Messages.Mailboxes_testing : Messages.Mailboxes_saving, false);
        MailJob.schedule(Messages.Job_saveMailbox, getShell().getDisplay(), () -> {
            mailboxes.save(box);
            if (secret != null) {
                mailboxes.setPassword(box.name(), secret);
            }
            return test ? mailboxes.testConnection(box.name()) : Optional.<String>empty();
        }, problem -> {
            busy = false;
            if (status.isDisposed()) {
                return;
            }
            enableButtons(true);
            if (problem.isPresent()) {
                say(NLS.bind(Messages.Mailboxes_testFailed, problem.get()), true);
            } else {
                say(test ? Messages.Mailboxes_testWorks : NLS.bind(Messages.Mailboxes_saved, box.name()), false);
            }
            reloadKeepingStatus(box.name());
        }, error -> {
            busy = false;
            if (status.isDisposed()) {
                return;
            }
            enableButtons(true);
            say(error.getMessage(), true);
        });
    }

    private void reloadKeepingStatus(String select) {
        String said = status.getText();
        boolean red = status.getForeground().equals(getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        busy = true;
        MailJob.schedule(Messages.Job_loadMailboxes, getShell().getDisplay(), mailboxes::list, list -> {
            busy = false;
            if (choice.isDisposed()) {
                return;
            }
            boxes = list;
            choice.removeAll();
            for (Mailbox box : list) {
                choice.add(box.name());
            }
            choice.add(Messages.Mailboxes_new);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equals(select)) {
                    choice.select(i);
                }
            }
            if (choice.getSelectionIndex() < 0) {
                choice.select(0);
            }
            String typedPassword = password.getText();
            showChoice();
            password.setText(typedPassword);
            say(said, red);
        }, error -> busy = false);
    }

    private void delete() {
        int index = choice.getSelectionIndex();
        if (busy || index < 0 || index >= boxes.size()) {
            return;
        }
        String boxName = boxes.get(index).name();
        busy = true;
        MailJob.schedule(Messages.Job_saveMailbox, getShell().getDisplay(), () -> {
            mailboxes.setPassword(boxName, null);
            mailboxes.delete(boxName);
            return boxName;
        }, deleted -> {
            busy = false;
            if (!status.isDisposed()) {
                load(null);
                say(NLS.bind(Messages.Mailboxes_deleted, deleted), false);
            }
        }, error -> {
            busy = false;
            say(error.getMessage(), true);
        });
    }

    private void enableButtons(boolean enabled) {
        for (int id : new int[] { SAVE_ID, TEST_ID }) {
            Button button = getButton(id);
            if (button != null) {
                button.setEnabled(enabled);
            }
        }
    }

    private void say(String text, boolean problem) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(text == null ? "" : text);
        status.setForeground(getShell().getDisplay().getSystemColor(problem ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
        status.getParent().layout(true, true);
    }

    /** No service call in flight. */
    public boolean isSettled() {
        return !busy;
    }

    public String statusText() {
        return status.getText();
    }

    public Text nameField() {
        return name;
    }

    public Text fromField() {
        return from;
    }

    public Text smtpHostField() {
        return smtpHost;
    }

    public Spinner smtpPortField() {
        return smtpPort;
    }

    public Combo smtpSecurityField() {
        return smtpSecurity;
    }

    public Text smtpUserField() {
        return smtpUser;
    }

    public Text passwordField() {
        return password;
    }

    public Text signatureField() {
        return signature;
    }

    public void pressSave() {
        save(false);
    }

    public void pressTest() {
        save(true);
    }
}
