package io.switchboard.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.app.testing.Widgets;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.parts.CustomerListPart;

/**
 * The data folder held by another Switchboard process when the workbench opens: a real second process keeps the
 * embedded database open (as a second workbench or a running command does). Run in a runtime of its own (the build's
 * {@code store-in-use} execution), since this runtime must not have opened the store before.
 */
class StoreInUseTest {

    /** The second process: opens the database in the folder it is given and holds it until its input ends. */
    private static final String HOLDER = """
            public class HoldStore {
                public static void main(String[] args) throws Exception {
                    java.sql.Connection connection = new org.apache.derby.jdbc.EmbeddedDriver()
                            .connect("jdbc:derby:" + args[0] + ";create=true", new java.util.Properties());
                    System.out.println("held");
                    System.out.flush();
                    while (System.in.read() >= 0) {
                    }
                    connection.close();
                    try {
                        new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:;shutdown=true", null);
                    } catch (java.sql.SQLException expected) {
                        // Derby says it shut down with an exception
                    }
                }
            }
            """;

    private final List<String> statusMessages = new ArrayList<>();
    private CustomerListPart list;

    @Test
    @Tag("storeInUse")
    void aDataFolderInUseIsSaidPlainlyAndRetryShowsTheList() throws Exception {
        Path folder = FreshDataFolder.use();
        Process holder = holdDatabase(folder.resolve("db").resolve("derby"));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
        try {
            RunningWorkbench.run(List.of(
                    w -> w.shell().setBounds(0, 0, 1280, 800),
                    w -> w.application().getContext().get(IEventBroker.class).subscribe(
                            SwitchboardTopics.STATUS_MESSAGE, event -> statusMessages.add(
                                    String.valueOf(event.getProperty(SwitchboardTopics.PROPERTY_MESSAGE)))),
                    w -> {
                        list = assertInstanceOf(CustomerListPart.class,
                                w.find(CustomersUi.PART_LIST, MPart.class).getObject());
                        w.waitUntil("the list says the store is in use", () -> list.list().failurePanel().isVisible(),
                                () -> ": it says '" + list.matchesLabel().getText() + "'");
                    },
                    w -> checkMessage(w, folder),
                    w -> Screenshots.saveDrawn(w.shell(), "customers-store-in-use"),
                    w -> {
                        holder.getOutputStream().close();
                        assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the second process did not let go");
                    },
                    w -> Widgets.press(w.shell(), "Retry"),
                    w -> w.waitUntil("the list shows the store's answer", () -> list.isSettled()
                            && !list.list().failurePanel().isVisible() && list.table().isVisible(),
                            () -> ": it says '" + list.list().failureMessage().getText() + "'"),
                    w -> assertTrue(list.matchesLabel().getText().startsWith("No customers yet"),
                            list.matchesLabel().getText()),
                    w -> assertEquals("The customer list is available again",
                            statusMessages.get(statusMessages.size() - 1)),
                    w -> assertFalse(Widgets.labelTexts(w.shell()).anyMatch(t -> t.startsWith("Store unavailable")),
                            "the status line still says the store is unavailable"),
                    w -> Screenshots.saveDrawn(w.shell(), "customers-store-available-again")));
        } finally {
            System.setOut(out);
            System.setErr(err);
            holder.destroyForcibly();
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertFalse(output.contains("\tat org.apache.derby") || output.contains("XSDB6")
                || output.contains("StoreException"), "stack traces went to the console:\n" + output);
    }

    /** What happened, in which folder, and what to do; wrapped to the part's width; and in the status line. */
    private void checkMessage(RunningWorkbench w, Path folder) {
        Label message = list.list().failureMessage();
        String text = message.getText();
        assertTrue(text.contains("in use by another Switchboard process"), text);
        assertTrue(text.contains(folder.toString()), "the folder is not named: " + text);
        assertTrue(text.contains("Close the other Switchboard window"), "what to do is not said: " + text);
        assertTrue((message.getStyle() & SWT.WRAP) != 0, "the message does not wrap");
        Rectangle bounds = message.getBounds();
        Rectangle part = message.getDisplay().map(message.getParent(), list.table().getParent(), bounds);
        assertTrue(part.x + part.width <= list.table().getParent().getClientArea().width,
                "the message runs past the part's edge: " + part);
        assertTrue(message.computeSize(bounds.width, SWT.DEFAULT).y <= bounds.height,
                "the message is cut off: " + bounds + " for " + message.computeSize(bounds.width, SWT.DEFAULT));
        assertTrue(Widgets.findButton(w.shell(), "Retry") != null, "no Retry button");
        // The store refuses at once, so the part may post its status before a test could subscribe: read the
        // status line itself.
        w.waitUntil("the status line says the store is unavailable", () -> Widgets.labelTexts(w.shell())
                .anyMatch("Store unavailable: the customer list cannot be shown"::equals), () -> "");
    }

    /** Starts the second process and waits until it holds the database. */
    private static Process holdDatabase(Path database) throws Exception {
        File derby = FileLocator.getBundleFile(FrameworkUtil.getBundle(EmbeddedDriver.class));
        Path source = Files.createTempDirectory("hold-store").resolve("HoldStore.java");
        Files.writeString(source, HOLDER);
        Files.createDirectories(database.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", derby.getAbsolutePath(),
                "-Dderby.stream.error.file=" + database.getParent().resolve("holder-derby.log"), source.toString(),
                database.toString()).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = lines.readLine(); !"held".equals(line); line = lines.readLine()) {
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("the second process did not open the database: " + said);
            }
            said.append(line).append('\n');
        }
        return process;
    }

    /** Writes to the console as before and keeps a copy to check. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
