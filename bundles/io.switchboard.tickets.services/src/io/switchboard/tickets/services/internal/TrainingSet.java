package io.switchboard.tickets.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.osgi.util.NLS;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.LabeledText;
import io.switchboard.store.Database;
import io.switchboard.tickets.ClassifierRetraining;
import io.switchboard.tickets.Ticket;

/**
 * What retraining learns from: every stored ticket with a category, as the classifier reads it (subject and first
 * message) with that category.
 *
 * <p>A correction wins over the prediction it corrected: recording a correction sets the ticket's category to the
 * agent's choice in the same transaction, so the category read here is the agent's, never the stale suggestion;
 * a later change by an agent wins in turn. Tickets routed by the classifier and never changed count with the
 * category they were routed to, as the team accepted it.
 */
public final class TrainingSet {

    public static List<LabeledText> collect(Database database) throws ClassifierException {
        database.migrate(new TicketSchema());
        List<LabeledText> data = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, subject, body, category FROM tickets WHERE category IS NOT NULL ORDER BY id")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String text = new Ticket(0, row.getString(2), row.getString(3)).classifierText();
                    if (!text.isBlank()) {
                        data.add(new LabeledText(text, row.getString(4), "ticket " + row.getLong(1)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new ClassifierException(e.getMessage(), e);
        }
        return data;
    }

    /** Refuses data that cannot make a useful model, with a message that says what is missing. */
    public static void checkEnough(List<LabeledText> data) throws ClassifierException {
        if (data.size() < ClassifierRetraining.MINIMUM_TICKETS) {
            throw new ClassifierException(
                    NLS.bind(Messages.Retraining_tooFewTickets, ClassifierRetraining.MINIMUM_TICKETS, data.size()));
        }
        Set<String> categories = new TreeSet<>();
        for (LabeledText text : data) {
            categories.add(text.category());
        }
        if (categories.size() < 2) {
            throw new ClassifierException(NLS.bind(Messages.Retraining_tooFewCategories, categories.size()));
        }
    }

    private TrainingSet() {
    }
}
