package io.switchboard.customers.ui.internal.jobs;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.ui.internal.Messages;

/**
 * Exports the customers a query matches. It writes next to the target and moves the file into place at the end,
 * so a canceled or failed export never leaves half a file under the name the agent chose.
 */
public class ExportJob extends CustomerJob<Long> {

    private final Path file;
    private final CustomerQuery query;
    private final CustomerExporter exporter;
    private final IEventBroker broker;
    private final Shell shell;

    public ExportJob(Path file, CustomerQuery query, CustomerExporter exporter, IEventBroker broker, Shell shell) {
        super(NLS.bind(Messages.Export_job, file.getFileName()), shell.getDisplay());
        this.file = file;
        this.query = query;
        this.exporter = exporter;
        this.broker = broker;
        this.shell = shell;
    }

    @Override
    protected Long work(Progress progress) throws Exception {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            long written;
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                written = exporter.exportCsv(query, out, progress);
            }
            if (progress.isCanceled()) {
                return written;
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    protected void done(Long written) {
        status(NLS.bind(Messages.Export_done, written, file.getFileName()));
    }

    @Override
    protected void canceled() {
        status(NLS.bind(Messages.Export_canceled, file.getFileName()));
    }

    @Override
    protected void failed(Exception error) {
        status(NLS.bind(Messages.Export_failed, error.getMessage()));
        if (!shell.isDisposed()) {
            MessageDialog.openError(shell, Messages.Export_title, NLS.bind(Messages.Export_failed, error.getMessage()));
        }
    }

    private void status(String message) {
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
    }
}
