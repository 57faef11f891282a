package io.switchboard.customers.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.jobs.ExportJob;
import io.switchboard.customers.ui.internal.parts.CustomerListPart;

/** File &gt; Export Customers...: exports what the customer list shows, its search and filter included. */
public class ExportHandler {

    @Execute
    void execute(Shell shell, CustomerExporter exporter, IEventBroker broker, EPartService partService) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.Export_title);
        dialog.setFilterExtensions(new String[] { "*.csv", "*" });
        dialog.setFilterNames(new String[] { Messages.File_csv, Messages.File_all });
        dialog.setFileName("customers.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            new ExportJob(Path.of(chosen), listQuery(partService), exporter, broker, shell).schedule();
        }
    }

    static CustomerQuery listQuery(EPartService partService) {
        MPart list = partService.findPart(CustomersUi.PART_LIST);
        if (list != null && list.getObject() instanceof CustomerListPart part) {
            return part.query().page(0, Integer.MAX_VALUE);
        }
        return CustomerQuery.ALL.page(0, Integer.MAX_VALUE);
    }
}
