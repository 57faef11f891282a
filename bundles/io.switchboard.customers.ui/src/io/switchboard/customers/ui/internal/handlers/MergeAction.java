package io.switchboard.customers.ui.internal.handlers;

import java.util.Map;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.dialogs.MergeDialog;

/** Shows two customers side by side and merges them as the agent chose; used by Merge and Find Duplicates. */
final class MergeAction {

    private MergeAction() {
    }

    static void run(Shell shell, long firstId, long secondId, CustomerRepository repository, CustomerMerger merger,
            IEventBroker broker) {
        Customer first = repository.find(firstId).orElse(null);
        Customer second = repository.find(secondId).orElse(null);
        if (first == null || second == null) {
            MessageDialog.openInformation(shell, Messages.Merge_title, Messages.Merge_gone);
            return;
        }
        // The older record usually is the one tickets and mail already point to, so it is offered as the one to keep.
        boolean firstIsOlder = first.getCreatedAt() == null || second.getCreatedAt() == null
                || !first.getCreatedAt().isAfter(second.getCreatedAt());
        MergeDialog dialog = firstIsOlder ? new MergeDialog(shell, first, second) : new MergeDialog(shell, second, first);
        if (dialog.open() != Window.OK) {
            return;
        }
        try {
            Customer merged = merger.merge(dialog.keptId(), dialog.otherId(), dialog.choices());
            broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE,
                    NLS.bind(Messages.Merge_done, merged.getName())));
        } catch (StaleCustomerException e) {
            MessageDialog.openWarning(shell, Messages.Merge_title, NLS.bind(Messages.Merge_stale, e.current().getName()));
        } catch (RuntimeException e) {
            ILog.of(MergeAction.class).error(e.toString(), e);
            MessageDialog.openError(shell, Messages.Merge_title, NLS.bind(Messages.Merge_failed, e.getMessage()));
        }
    }
}
