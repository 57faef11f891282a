package io.switchboard.mail.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.switchboard.app.testing.Dialogs.withDialog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.mail.internet.MimeMessage;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.app.AppIds;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.app.testing.Widgets;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.CustomerSelection;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.ui.MailUi;
import io.switchboard.mail.ui.internal.Messages;
import io.switchboard.mail.ui.internal.dialogs.MailboxesDialog;
import io.switchboard.mail.ui.internal.parts.ComposePart;
import io.switchboard.mail.ui.internal.parts.Labels;
import io.switchboard.mail.ui.internal.parts.OutboxPart;
import io.switchboard.tickets.ui.TicketsUi;

/**
 * The Mail perspective as an agent uses it, in the real workbench on the real services (the outbox in Derby in
 * this runtime's own data folder, passwords in a secure storage file of its own) with GreenMail as the SMTP server
 * on loopback: the agent configures a mailbox in the Mailboxes dialog and tests the connection, writes a mail,
 * sees the outbox refuse an invalid address by name, corrects it and sends; the message arrives at GreenMail with
 * the mailbox's signature and shows SENT in the outbox list without a refresh.
 */
class OutboxUiTest {

    static final String AGENT = "maria";
    static final String SIGNATURE = "<p><b>Switchboard Support</b><br>support@example.com</p>";
    static final String BAD_ADDRESS = "anna.schmidt@@example";
    static final String GOOD_ADDRESS = "Anna Schmidt <anna.schmidt@example.com>";

    private static GreenMail smtp;
    private static boolean chinese;
    private static String suffix;
    private static String subject;
    private static String text;
    private static Path attachment;

    private OutboxPart outbox;
    private ComposePart composer;
    private MPart composerPart;
    private OutboxEntry queued;

    @BeforeAll
    static void services() throws Exception {
        System.setProperty("switchboard." + TicketsUi.AGENT_SETTING, AGENT);
        Path secure = Files.createTempDirectory("mail-ui-secure");
        System.setProperty("switchboard.secure.storage", secure.resolve("secure_storage").toString());
        System.setProperty("switchboard.secure.storage.password", "mail-ui-tests");
        smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        chinese = "zh".equals(Locale.getDefault().getLanguage());
        suffix = chinese ? "-zh" : "";
        subject = chinese ? "\u60a8\u7684\u65b0\u5361" : "Your new card";
        text = chinese ? "\u60a8\u597d\uff0c\n\n\u60a8\u7684\u65b0\u5361\u5df2\u5bc4\u51fa\u3002"
                : "Hello Anna,\n\nyour new card is on its way.";
        attachment = Files.createTempDirectory("mail-ui-attach").resolve("card-terms.txt");
        Files.writeString(attachment, "Terms of the card\n".repeat(200), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Tag("english")
    void agentSendsMailFromTheWorkbench() {
        RunningWorkbench.run(List.of(
                OutboxUiTest::fixWindowSize,
                w -> switchToMail(w),
                w -> configureMailbox(w),
                w -> openComposer(w),
                w -> invalidAddressIsNamed(w),
                w -> sendToGoodAddress(w),
                w -> arrivesAtServer(w),
                w -> showsSentWithoutRefresh(w),
                w -> filterByState(w),
                w -> failedWithReasonAndRetry(w),
                w -> mailToCustomer(w)));
    }

    /** Run by the build in a second runtime started with {@code -nl zh}. */
    @Test
    @Tag("chinese")
    void mailSpeaksChinese() {
        assertEquals("zh", Locale.getDefault().getLanguage(), "this test needs a runtime started with -nl zh");
        RunningWorkbench.run(List.of(
                OutboxUiTest::fixWindowSize,
                w -> switchToMail(w),
                w -> assertEquals("\u65b0\u90ae\u4ef6", outbox.newMailButton().getText()),
                w -> assertEquals("\u72b6\u6001", outbox.table().getColumn(0).getText()),
                w -> configureMailbox(w),
                w -> openComposer(w),
                w -> assertEquals("\u53d1\u9001", composer.sendButton().getText()),
                w -> invalidAddressIsNamed(w),
                w -> sendToGoodAddress(w),
                w -> arrivesAtServer(w),
                w -> showsSentWithoutRefresh(w)));
    }

    static void fixWindowSize(RunningWorkbench w) {
        w.shell().setBounds(0, 0, 1440, 880);
        w.shell().layout(true, true);
    }

    /** Ctrl+4: the Mail perspective with the outbox first, no "coming soon" left. */
    private void switchToMail(RunningWorkbench w) {
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(
                AppIds.COMMAND_SWITCH_PERSPECTIVE, Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, AppIds.PERSPECTIVE_MAIL));
        context.get(EHandlerService.class).executeHandler(command);
        MPerspective perspective = w.find(AppIds.PERSPECTIVE_MAIL, MPerspective.class);
        assertEquals(perspective, perspective.getParent().getSelectedElement());
        MPartStack stack = w.find(AppIds.PARTSTACK_MAIL, MPartStack.class);
        assertEquals(MailUi.PART_OUTBOX, stack.getChildren().get(0).getElementId());
        assertTrue(stack.getChildren().stream().noneMatch(p -> p.getElementId().endsWith("mail.overview")),
                "the 'coming soon' placeholder should give way to the outbox");
        MPart part = w.find(MailUi.PART_OUTBOX, MPart.class);
        context.get(EPartService.class).activate(part);
        outbox = assertInstanceOf(OutboxPart.class, part.getObject());
        w.waitUntil("the outbox has been read", outbox::isSettled);
    }

    /** The Mailboxes dialog: a mailbox on GreenMail, saved and its connection tested off the UI thread. */
    private void configureMailbox(RunningWorkbench w) {
        withDialog(w, MailboxesDialog.class, (shell, object) -> {
            MailboxesDialog dialog = (MailboxesDialog) object;
            spin(shell, dialog::isSettled);
            dialog.nameField().setText("support");
            dialog.fromField().setText("Support <support@example.com>");
            dialog.smtpHostField().setText("127.0.0.1");
            dialog.smtpPortField().setSelection(smtp.getSmtp().getPort());
            dialog.smtpSecurityField().select(Mailbox.Security.NONE.ordinal());
            dialog.smtpUserField().setText("");
            dialog.passwordField().setText("not-needed-on-loopback");
            dialog.signatureField().setText(SIGNATURE);
            dialog.pressTest();
            spin(shell, () -> dialog.isSettled() && !dialog.statusText().equals(Messages.Mailboxes_testing));
            assertEquals(Messages.Mailboxes_testWorks, dialog.statusText());
            Widgets.settle(shell);
            Screenshots.saveDrawn(shell, "mail-mailboxes" + suffix);
        }, () -> Widgets.press(w.shell(), Messages.Outbox_mailboxes));
        Mailbox saved = Fixtures.service(Mailboxes.class).find("support").orElseThrow();
        assertEquals(smtp.getSmtp().getPort(), saved.smtp().port());
        assertEquals(SIGNATURE, saved.signature());
    }

    private void openComposer(RunningWorkbench w) {
        Widgets.press(w.shell(), Messages.Outbox_newMail);
        EPartService parts = w.window().getContext().get(EPartService.class);
        composerPart = parts.getParts().stream().filter(p -> p.getTags().contains(MailUi.TAG_COMPOSER))
                .findFirst().orElse(null);
        assertNotNull(composerPart, "New Mail opens a composer");
        composer = assertInstanceOf(ComposePart.class, composerPart.getObject());
        w.waitUntil("the composer has listed the mailboxes", composer::isSettled);
        assertTrue(composer.from().getText().startsWith("support"), composer.from().getText());
        assertTrue(composer.sendButton().isEnabled());
    }

    /** The outbox refuses the address; the composer says so in the outbox's words, naming it. */
    private void invalidAddressIsNamed(RunningWorkbench w) throws Exception {
        composer.to().setText(BAD_ADDRESS);
        composer.subject().setText(subject);
        composer.text().setText(text);
        composer.addAttachment(attachment);
        assertTrue(composer.attachmentList().getItem(0).startsWith("card-terms.txt"),
                composer.attachmentList().getItem(0));
        assertTrue(composer.attachmentList().getItem(0).contains("KB"), composer.attachmentList().getItem(0));
        Widgets.press(w.shell(), Messages.Compose_send);
        w.waitUntil("the composer shows the outbox's complaint",
                () -> composer.isSettled() && !composer.errorText().isEmpty(), composer::errorText);
        assertTrue(composer.errorText().contains(BAD_ADDRESS), composer.errorText());
        assertTrue(composerPart.isToBeRendered(), "the composer stays open to correct the address");
        paint(w.shell());
        Screenshots.saveDrawn(w.shell(), "mail-compose-invalid" + suffix);
    }

    private void sendToGoodAddress(RunningWorkbench w) throws Exception {
        composer.to().setText(GOOD_ADDRESS);
        paint(w.shell());
        Screenshots.saveDrawn(w.shell(), "mail-compose" + suffix);
        ComposePart sending = composer;
        Widgets.press(w.shell(), Messages.Compose_send);
        w.waitUntil("the mail is queued", () -> sending.queued() != null, sending::errorText);
        queued = sending.queued();
        w.waitUntil("the composer closes", () -> !composerPart.isToBeRendered() || composerPart.getWidget() == null);
    }

    private void arrivesAtServer(RunningWorkbench w) throws Exception {
        w.waitUntil("GreenMail has the mail", () -> received() != null);
        MimeMessage message = received();
        assertEquals("anna.schmidt@example.com", message.getAllRecipients()[0].toString()
                .replaceAll(".*<(.*)>", "$1"));
        String raw = GreenMailUtil.getWholeMessage(message);
        assertTrue(raw.contains("card-terms.txt"), "the attachment goes along");
        assertTrue(raw.contains("Switchboard Support"), "the mailbox's signature goes along");
    }

    private MimeMessage received() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    /** The list follows the outbox's events: no refresh is pressed and none is called. */
    private void showsSentWithoutRefresh(RunningWorkbench w) throws Exception {
        w.waitUntil("the outbox list shows the mail as sent", () -> rowState(queued.id()) == OutboxState.SENT,
                () -> " (list: " + outbox.entries() + ")");
        TableItem row = Arrays.stream(outbox.table().getItems())
                .filter(i -> ((OutboxEntry) i.getData()).id() == queued.id()).findFirst().orElseThrow();
        assertEquals(Labels.state(OutboxState.SENT), row.getText(0));
        assertTrue(row.getText(1).contains("anna.schmidt@example.com"), row.getText(1));
        assertEquals(subject, row.getText(2));
        paint(w.shell());
        Screenshots.saveDrawn(w.shell(), "mail-outbox" + suffix);
    }

    private OutboxState rowState(long id) {
        return outbox.entries().stream().filter(e -> e.id() == id).map(OutboxEntry::state).findFirst().orElse(null);
    }

    private void filterByState(RunningWorkbench w) {
        outbox.filter().select(OutboxState.FAILED.ordinal() + 1);
        outbox.filter().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        w.waitUntil("the outbox lists failed mail only", outbox::isSettled);
        assertTrue(outbox.entries().isEmpty(), "nothing failed: " + outbox.entries());
        outbox.filter().select(OutboxState.SENT.ordinal() + 1);
        outbox.filter().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        w.waitUntil("the outbox lists sent mail", () -> outbox.isSettled() && !outbox.entries().isEmpty());
        assertTrue(outbox.entries().stream().allMatch(e -> e.state() == OutboxState.SENT), outbox.entries().toString());
    }

    /** Paints everything now (a list filled while its part was hidden waits for an expose otherwise). */
    private static void paint(Shell shell) {
        Widgets.settle(shell);
        Widgets.all(shell, Control.class).filter(Control::isVisible).forEach(control -> {
            if (control instanceof Table table && table.getItemCount() > 0) {
                waitUntilPainted(shell, table, table.getItem(0).getBounds());
            } else if (control instanceof org.eclipse.swt.widgets.List list && list.getItemCount() > 0) {
                waitUntilPainted(shell, list, new Rectangle(0, 0, list.getSize().x, list.getItemHeight()));
            }
        });
        Widgets.settle(shell);
    }

    /**
     * The rows are on screen, not only in the widget: Xvfb without a window manager sometimes leaves a table or
     * list unpainted until the window changes size, so the window is nudged while the rows stay blank.
     */
    private static void waitUntilPainted(Shell shell, Control control, Rectangle row) {
        long end = System.currentTimeMillis() + 10_000;
        long nudged = System.currentTimeMillis();
        while (Screenshots.colours(control, row) <= 4) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(control + " stays unpainted");
            }
            if (System.currentTimeMillis() - nudged > 1000) {
                nudged = System.currentTimeMillis();
                Point size = shell.getSize();
                shell.setSize(size.x, size.y - 1);
                shell.setSize(size);
            }
            Widgets.settle(shell);
        }
    }



    /** A server that refuses the recipient: the list shows FAILED with its reason; Retry sends it again. */
    private void failedWithReasonAndRetry(RunningWorkbench w) throws Exception {
        outbox.filter().select(0);
        outbox.filter().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        w.waitUntil("the outbox lists all mail", outbox::isSettled);
        try (RejectingSmtp strict = new RejectingSmtp()) {
            Fixtures.service(Mailboxes.class).save(new Mailbox("strict", "Billing <billing@example.com>",
                    new Mailbox.Server("127.0.0.1", strict.port(), Mailbox.Security.NONE, ""), null, ""));
            Outbox service = Fixtures.service(Outbox.class);
            OutboxEntry refused = service.queue(new OutgoingMail("strict", List.of("nobody@example.com"), null, null,
                    "Your invoice", "Hello", null, null, null, null, null, null, AGENT));
            service.sendNow();
            w.waitUntil("the list shows the refused mail as failed", () -> row(refused.id()) != null
                    && row(refused.id()).state() == OutboxState.FAILED, () -> " (list: " + outbox.entries() + ")");
            TableItem item = tableItem(refused.id());
            assertEquals(Labels.state(OutboxState.FAILED), item.getText(0));
            assertTrue(item.getText(6).contains("550 5.1.1 No such user here"), item.getText(6));
            assertTrue(item.getText(6).contains("nobody@example.com"), item.getText(6));
            outbox.table().setSelection(item);
            outbox.table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            assertTrue(outbox.retryButton().isEnabled(), "Retry is offered for failed mail");
            assertTrue(outbox.detailText().contains("550 5.1.1 No such user here"), outbox.detailText());
            paint(w.shell());
            Screenshots.saveDrawn(w.shell(), "mail-outbox-failed" + suffix);
            int attempts = row(refused.id()).attempts();
            Widgets.press(w.shell(), Messages.Outbox_retry);
            w.waitUntil("the retried mail was tried again (and refused again)", () -> row(refused.id()) != null
                    && row(refused.id()).attempts() > attempts && row(refused.id()).state() == OutboxState.FAILED,
                    () -> " (list: " + outbox.entries() + ")");
        }
    }

    private OutboxEntry row(long id) {
        return outbox.entries().stream().filter(e -> e.id() == id).findFirst().orElse(null);
    }

    private TableItem tableItem(long id) {
        return Arrays.stream(outbox.table().getItems()).filter(i -> ((OutboxEntry) i.getData()).id() == id)
                .findFirst().orElseThrow();
    }

    /** "Mail to Customer" on the customer selected in the list: addressed to them, the mail linked to them. */
    private void mailToCustomer(RunningWorkbench w) throws Exception {
        List<MHandledMenuItem> items = w.models().findElements(w.application(), MailUi.MENUITEM_MAIL_CUSTOMER,
                MHandledMenuItem.class, null, EModelService.ANYWHERE | EModelService.IN_MAIN_MENU);
        assertEquals(1, items.size(), "Mail to Customer is in a menu");
        MHandledMenuItem item = items.get(0);
        assertEquals(CustomersUi.MENU_CUSTOMERS, item.getParent().getElementId());
        Customer anna = new Customer("Anna Schmidt");
        anna.addContact(ContactKind.EMAIL, "anna.schmidt@example.com");
        anna = Fixtures.service(CustomerRepository.class).save(anna);
        CustomerSummary summary = new CustomerSummary(anna.getId(), anna.getName(), null, null, null,
                "anna.schmidt@example.com", null, null);
        IEclipseContext context = w.window().getContext();
        IEclipseContext selected = context.createChild("a selected customer");
        selected.set(IServiceConstants.ACTIVE_SELECTION, new CustomerSelection(List.of(summary)));
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(MailUi.COMMAND_MAIL_CUSTOMER,
                Map.of());
        EHandlerService handlers = context.get(EHandlerService.class);
        assertTrue(handlers.canExecute(command, selected), "Mail to Customer is enabled for one customer");
        handlers.executeHandler(command, selected);
        EPartService parts = context.get(EPartService.class);
        composerPart = parts.getParts().stream().filter(p -> p.getTags().contains(MailUi.TAG_COMPOSER))
                .filter(MPart::isToBeRendered).findFirst().orElse(null);
        assertNotNull(composerPart, "Mail to Customer opens a composer");
        composer = assertInstanceOf(ComposePart.class, composerPart.getObject());
        w.waitUntil("the composer has listed the mailboxes", composer::isSettled);
        assertEquals("Anna Schmidt <anna.schmidt@example.com>", composer.to().getText());
        assertEquals(List.of("Anna Schmidt <anna.schmidt@example.com>"), composer.proposals("schmidt"),
                "completion offers the customers' addresses");
        composer.subject().setText("Your contract");
        composer.text().setText("Hello Anna,\n\nyour contract is changed.");
        ComposePart sending = composer;
        Widgets.press(w.shell(), Messages.Compose_send);
        w.waitUntil("the mail is queued", () -> sending.queued() != null, sending::errorText);
        assertEquals(anna.getId(), sending.queued().customerId(), "the mail is linked to the customer");
    }

    /** Lets a modal dialog's work finish (its own event loop is running; this one runs inside it). */
    private static void spin(Shell shell, BooleanSupplier condition) throws InterruptedException {
        Display display = shell.getDisplay();
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out in the dialog");
            }
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
    }
}
