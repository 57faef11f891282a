package io.switchboard.mail.ui.internal.handlers;

import java.util.List;
import java.util.Map;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.osgi.util.NLS;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.internal.CustomerSelection;
import io.switchboard.mail.ui.internal.Composers;
import io.switchboard.mail.ui.internal.Messages;

/**
 * "Mail to Customer" in the Customers menu: a composer addressed to the customer selected in the list, linked to
 * them, so the sent mail lands in their timeline.
 */
public class MailCustomerHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return customers(selection).size() == 1;
    }

    @Execute
    void execute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, EPartService partService,
            EModelService modelService, MApplication application, @Optional IEventBroker broker) {
        List<CustomerSummary> customers = customers(selection);
        if (customers.size() != 1) {
            return;
        }
        CustomerSummary customer = customers.get(0);
        String to = recipient(customer.name(), customer.email());
        if (to.isEmpty() && broker != null) {
            broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE,
                    NLS.bind(Messages.Action_customerNoEmail, customer.name())));
        }
        Composers.open(to, customer.id(), partService, modelService, application);
    }

    static List<CustomerSummary> customers(Object selection) {
        return selection instanceof CustomerSelection customers ? customers.customers() : List.of();
    }

    /** {@code Name <address>}, the name quoted when it holds characters an address header treats specially. */
    public static String recipient(String name, String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String address = email.strip();
        if (name == null || name.isBlank()) {
            return address;
        }
        String display = name.strip().replace("\"", "").replace("\\", "").replaceAll("[\\r\\n]", " ");
        boolean plain = display.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '\'');
        return (plain ? display : "\"" + display + "\"") + " <" + address + ">";
    }
}
