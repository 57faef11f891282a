package io.switchboard.customers.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.core.Progress;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.DuplicateFinder.DuplicateGroup;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.dialogs.DuplicatesDialog;
import io.switchboard.customers.ui.internal.jobs.CustomerJob;

/** Customers &gt; Find Duplicates: scans the store in a job, then lists the groups to merge. */
public class FindDuplicatesHandler {

    @Execute
    void execute(Shell shell, DuplicateFinder finder, CustomerRepository repository, CustomerMerger merger,
            IEventBroker broker) {
        new CustomerJob<List<DuplicateGroup>>(Messages.Duplicates_job, shell.getDisplay()) {
            @Override
            protected List<DuplicateGroup> work(Progress progress) {
                return finder.findDuplicates(progress);
            }

            @Override
            protected void done(List<DuplicateGroup> groups) {
                if (shell.isDisposed()) {
                    return;
                }
                new DuplicatesDialog(shell, groups, pair -> MergeAction.run(shell, pair.get(0).id(), pair.get(1).id(),
                        repository, merger, broker)).open();
            }

            @Override
            protected void failed(Exception error) {
                MessageDialog.openError(shell, Messages.Duplicates_title,
                        NLS.bind(Messages.Duplicates_failed, error.getMessage()));
            }
        }.schedule();
    }
}
