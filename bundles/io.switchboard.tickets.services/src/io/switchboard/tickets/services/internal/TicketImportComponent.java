package io.switchboard.tickets.services.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.core.Progress;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.tickets.TicketImporter;
import io.switchboard.tickets.TicketRepository;

/**
 * The ticket import as a service, so the command line, the workbench and the mail and chat channels create tickets
 * from files the same way: through the repository's one creation path ({@link TicketRepository#createOnce}).
 */
@Component(service = TicketImporter.class)
public class TicketImportComponent implements TicketImporter {

    @Reference
    private TicketRepository tickets;

    @Reference
    private CustomerRepository customers;

    @Override
    public Result importCsv(Path file, Progress progress) throws IOException {
        return new TicketCsvImport(tickets, customers).importCsv(file, progress == null ? Progress.NONE : progress);
    }
}
