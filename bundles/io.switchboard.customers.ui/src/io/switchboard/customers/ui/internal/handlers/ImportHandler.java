package io.switchboard.customers.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.jobs.ImportJob;

/** File &gt; Import Customers... */
public class ImportHandler {

    @Execute
    void execute(Shell shell, CustomerImporter importer, IEventBroker broker) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.Import_title);
        dialog.setFilterExtensions(new String[] { "*.csv", "*" });
        dialog.setFilterNames(new String[] { Messages.File_csv, Messages.File_all });
        String chosen = dialog.open();
        if (chosen != null) {
            new ImportJob(Path.of(chosen), importer, broker, shell).schedule();
        }
    }
}
