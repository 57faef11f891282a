package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Progress;
import io.switchboard.customers.Customer;
import io.switchboard.testing.Services;
import io.switchboard.tickets.CategoryCorrection;
import io.switchboard.tickets.Suggestion;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketChange;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;

/**
 * Tickets classified on arrival by the real liblinear classifier, trained here on the Banking77 sample: routed when
 * sure, only suggested when unsure, corrections recorded, and stored all the same when there is no classifier.
 */
class ClassificationTest {

    static final String CARD_ARRIVAL_TEXT = "My card still has not arrived, when will it be delivered?";

    static ModelInfo model;

    private final TicketRepository tickets = Services.get(TicketRepository.class);

    @BeforeAll
    static void train() throws Exception {
        Bundle bundle = Fixtures.classifierBundle();
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        model = Services.get(TicketClassifier.class).train(Fixtures.sample(), Progress.NONE);
    }

    /** The model trained here is active, whatever another test trained meanwhile. */
    private static TicketClassifier classifier() throws Exception {
        TicketClassifier classifier = Services.get(TicketClassifier.class);
        classifier.activate(model.version());
        return classifier;
    }

    @Test
    void aSureTicketIsRoutedAndTheSuggestionKept() throws Exception {
        classifier();
        Customer customer = Fixtures.customer("Noah Klein");
        Ticket stored = tickets.create(new Ticket(customer.getId(), "Card", CARD_ARRIVAL_TEXT), "mail");
        Suggestion suggestion = stored.getSuggestion();
        assertNotNull(suggestion, "classified on arrival");
        assertEquals("card_arrival", suggestion.category());
        assertFalse(suggestion.unsure(), "confidence " + suggestion.confidence());
        assertTrue(suggestion.confidence() > 0.5 && suggestion.confidence() <= 1);
        assertEquals(model.version(), suggestion.modelVersion());
        assertFalse(suggestion.terms().isEmpty());
        assertEquals("card_arrival", stored.getCategory(), "routed");
        assertEquals(suggestion, tickets.find(stored.getId()).orElseThrow().getSuggestion(), "kept with the ticket");
        TicketChange routing = tickets.history(stored.getId()).get(1);
        assertEquals("category", routing.field());
        assertEquals("card_arrival", routing.newValue());
        assertEquals("classifier", routing.agent());
        assertEquals(1, tickets.count(TicketQuery.ALL.withCustomer(customer.getId()).withCategory("card_arrival")));
    }

    @Test
    void anUnsureTicketIsNotRouted() throws Exception {
        String key = "switchboard." + TicketClassifier.THRESHOLD_SETTING;
        System.setProperty(key, "0.999999");
        try {
            classifier(); // re-reads the threshold now instead of within a second
            Customer customer = Fixtures.customer("Eva Novak");
            Ticket stored = tickets.create(new Ticket(customer.getId(), "Card", CARD_ARRIVAL_TEXT), "mail");
            assertNotNull(stored.getSuggestion());
            assertTrue(stored.getSuggestion().unsure(), stored.getSuggestion().toString());
            assertEquals("card_arrival", stored.getSuggestion().category(), "the best guess is still shown");
            assertNull(stored.getCategory(), "not routed");
            assertEquals(1, tickets.history(stored.getId()).size(), "no routing in the history");
        } finally {
            System.clearProperty(key);
            classifier();
        }
    }

    @Test
    void aTicketThatNamesItsCategoryKeepsIt() throws Exception {
        classifier();
        Customer customer = Fixtures.customer("Liam Byrne");
        Ticket ticket = new Ticket(customer.getId(), "Card", CARD_ARRIVAL_TEXT);
        ticket.setCategory("lost_or_stolen_card");
        Ticket stored = tickets.create(ticket, "anna");
        assertEquals("lost_or_stolen_card", stored.getCategory());
        assertEquals("card_arrival", stored.getSuggestion().category(), "suggested all the same");
    }

    @Test
    void changingTheCategoryAwayFromTheSuggestionRecordsACorrection() throws Exception {
        classifier();
        Customer customer = Fixtures.customer("Aiko Tanaka");
        Ticket stored = tickets.create(new Ticket(customer.getId(), "Card", CARD_ARRIVAL_TEXT), "mail");
        assertEquals("card_arrival", stored.getCategory());

        stored.setCategory("lost_or_stolen_card");
        Ticket saved = tickets.save(stored, "anna");
        assertEquals("lost_or_stolen_card", saved.getCategory());
        List<CategoryCorrection> mine = corrections(stored.getId());
        assertEquals(1, mine.size());
        CategoryCorrection correction = mine.get(0);
        assertEquals("card_arrival", correction.predicted());
        assertEquals("lost_or_stolen_card", correction.corrected());
        assertEquals("anna", correction.agent());
        assertEquals(model.version(), correction.modelVersion());
        assertEquals("Card\n" + CARD_ARRIVAL_TEXT, correction.text());
        TicketChange change = tickets.history(stored.getId()).get(2);
        assertEquals("category", change.field());
        assertEquals("card_arrival", change.oldValue());
        assertEquals("lost_or_stolen_card", change.newValue());

        // back to what the classifier said: not a correction; another field: not a correction either
        saved.setCategory("card_arrival");
        saved = tickets.save(saved, "anna");
        saved.setAssignee("anna");
        tickets.save(saved, "anna");
        assertEquals(1, corrections(stored.getId()).size());
    }

    @Test
    void withoutAClassifierTheTicketIsStoredUnclassified() throws Exception {
        Bundle bundle = Fixtures.classifierBundle();
        bundle.stop();
        try {
            Customer customer = Fixtures.customer("Zoe Martin");
            Ticket stored = tickets.create(new Ticket(customer.getId(), "Card", CARD_ARRIVAL_TEXT), "mail");
            assertNotNull(stored.getId());
            assertNull(stored.getSuggestion());
            assertNull(stored.getCategory());
            assertEquals(1, tickets.count(TicketQuery.ALL.withCustomer(customer.getId())));
        } finally {
            bundle.start();
        }
        // and with the classifier back, the next ticket is classified again (the reference is dynamic)
        classifier();
        Customer customer = Fixtures.customer("Zoe Martin");
        assertNotNull(tickets.create(new Ticket(customer.getId(), "Card", CARD_ARRIVAL_TEXT), "mail").getSuggestion());
    }

    private List<CategoryCorrection> corrections(long ticketId) {
        return tickets.corrections().stream().filter(c -> c.ticketId() == ticketId).toList();
    }
}
