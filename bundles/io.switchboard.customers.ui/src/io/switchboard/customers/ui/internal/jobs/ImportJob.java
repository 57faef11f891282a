package io.switchboard.customers.ui.internal.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.dialogs.RejectedLinesDialog;
import io.switchboard.customers.ui.internal.dialogs.RejectedLinesDialog.Rejected;

/** Imports a CSV file; the result goes to the status line, rejected lines into a dialog. */
public class ImportJob extends CustomerJob<ImportResult> {

    /** A file with a bad column can reject every line; the dialog shows the first ones, the count says the rest. */
    static final int REJECTS_KEPT = 10_000;

    private final Path file;
    private final CustomerImporter importer;
    private final IEventBroker broker;
    private final Shell shell;
    private final List<Rejected> rejected = Collections.synchronizedList(new ArrayList<>());

    public ImportJob(Path file, CustomerImporter importer, IEventBroker broker, Shell shell) {
        super(NLS.bind(Messages.Import_job, file.getFileName()), shell.getDisplay());
        this.file = file;
        this.importer = importer;
        this.broker = broker;
        this.shell = shell;
    }

    @Override
    protected ImportResult work(Progress progress) throws Exception {
        return importer.importCsv(file, false, (line, reason) -> {
            if (rejected.size() < REJECTS_KEPT) {
                rejected.add(new Rejected(line, reason));
            }
        }, progress);
    }

    @Override
    protected void done(ImportResult result) {
        // The command line's words and sums (switchboard customers import), so a summary reads the same in both.
        status(NLS.bind(Messages.Import_done, new Object[] { file.getFileName(), Long.toString(result.imported()),
                Long.toString(result.updated()), Long.toString(result.skipped() + result.rejected()) }));
        if (result.rejected() > 0 && !shell.isDisposed()) {
            new RejectedLinesDialog(shell, file.getFileName().toString(), List.copyOf(rejected), result.rejected())
                    .open();
        }
    }

    @Override
    protected void canceled() {
        status(NLS.bind(Messages.Import_canceled, file.getFileName()));
    }

    @Override
    protected void failed(Exception error) {
        status(NLS.bind(Messages.Import_failed, error.getMessage()));
        if (!shell.isDisposed()) {
            MessageDialog.openError(shell, Messages.Import_title, error.getMessage());
        }
    }

    private void status(String message) {
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
    }
}
