package io.switchboard.tickets.demo.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.tickets.TicketType;

/**
 * What customers of each scenario write about: per category (queue) a handful of inquiries, feedback and
 * complaints with slots ({@code {order}}, {@code {item}}, {@code {days}}, {@code {amount}}, {@code {place}}) filled
 * from the scenario's words. Enough variety for a first classifier model to learn the queues from.
 */
final class DemoTickets {

    record Template(TicketType type, String subject, String body) {
    }

    record Draft(String category, TicketType type, String subject, String body) {
    }

    record Words(List<String> items, List<String> places, String orderPrefix) {
    }

    private static Template inquiry(String subject, String body) {
        return new Template(TicketType.INQUIRY, subject, body);
    }

    private static Template complaint(String subject, String body) {
        return new Template(TicketType.COMPLAINT, subject, body);
    }

    private static Template feedback(String subject, String body) {
        return new Template(TicketType.FEEDBACK, subject, body);
    }

    static final Map<Scenario, Words> WORDS = Map.of(
            Scenario.ECOMMERCE, new Words(List.of("running shoes", "coffee grinder", "wool scarf", "phone case",
                    "desk lamp", "backpack", "bluetooth speaker", "yoga mat"), List.of("Berlin", "Lyon", "Shanghai",
                    "Madrid", "Vienna"), "SO-"),
            Scenario.TRAVEL, new Words(List.of("flight to Lisbon", "city trip to Prague", "beach holiday in Crete",
                    "rail pass", "cruise on the Danube", "ski week in Tyrol"), List.of("Lisbon", "Prague", "Heraklion",
                    "Vienna", "Innsbruck"), "BK-"),
            Scenario.HEALTHCARE, new Words(List.of("blood test", "physiotherapy session", "dental check-up",
                    "vaccination", "dermatology consultation", "eye exam"), List.of("Main Street clinic",
                    "north practice", "day clinic", "west branch"), "AP-"));

    static final Map<Scenario, Map<String, List<Template>>> TEMPLATES = Map.of(
            Scenario.ECOMMERCE, Map.of(
                    "delivery", List.of(
                            inquiry("Where is my parcel?", "I ordered the {item} ({order}) {days} days ago and the"
                                    + " tracking has not moved since. When will the parcel be delivered?"),
                            complaint("Parcel still not delivered", "Order {order} was promised for delivery within"
                                    + " 3 days, it is now {days} days. The courier never came."),
                            inquiry("Delivery address", "Can the courier deliver order {order} to my office in"
                                    + " {place} instead? I am not at home during the day."),
                            complaint("Package damaged on arrival", "The box with the {item} arrived crushed, the"
                                    + " delivery driver just left it at the door."),
                            inquiry("Shipping time to {place}", "How long does shipping to {place} take? I need the"
                                    + " {item} within {days} days.")),
                    "returns", List.of(
                            inquiry("How do I return an item?", "The {item} from order {order} does not fit. How do"
                                    + " I send it back and get a refund?"),
                            complaint("Refund for my return not received", "I returned the {item} {days} days ago"
                                    + " and still have no refund of {amount}."),
                            inquiry("Return label", "Please send me a return label for order {order}, I want to"
                                    + " return the {item}."),
                            inquiry("Exchange instead of refund", "Can I exchange the {item} for another size"
                                    + " instead of returning it for a refund?"),
                            complaint("Wrong {item} delivered", "The parcel arrived today but it contains the wrong"
                                    + " {item}. I want to send it back.")),
                    "payment", List.of(
                            complaint("Charged twice", "My card was charged twice for order {order}, {amount} each"
                                    + " time. Please refund the double payment."),
                            inquiry("Invoice needed", "I need an invoice with our VAT number for order {order}"
                                    + " ({amount})."),
                            complaint("Payment declined", "My payment for the {item} was declined although my card"
                                    + " works everywhere else."),
                            inquiry("Pay by bank transfer?", "Can I pay order {order} by bank transfer or on"
                                    + " invoice instead of by card?"),
                            inquiry("Refund not on my card", "You confirmed the refund of {amount} for order"
                                    + " {order}, but it is not on my card statement yet.")),
                    "account", List.of(
                            inquiry("Cannot log in", "I forgot my password and the reset e-mail never arrives."
                                    + " How can I log in to my account?"),
                            inquiry("Change my e-mail address", "Please change the e-mail address of my account,"
                                    + " I no longer use the old one."),
                            complaint("Account locked", "My account was locked after I entered the password"
                                    + " wrong. I need to log in to see order {order}."),
                            inquiry("Delete my account", "Please delete my customer account and my personal"
                                    + " data."),
                            inquiry("Order history missing", "Order {order} does not show in my account, although"
                                    + " the parcel was delivered.")),
                    "product", List.of(
                            inquiry("Question about the {item}", "Is the {item} also available in black, and is"
                                    + " it waterproof?"),
                            feedback("Great {item}", "Just wanted to say the {item} is excellent quality, better"
                                    + " than expected. Thank you!"),
                            complaint("{item} broke after {days} days", "The {item} stopped working after {days}"
                                    + " days of normal use. Is this covered by the warranty?"),
                            feedback("Suggestion for the {item}", "The {item} is good but the instructions could be"
                                    + " clearer. A video would help."))),
            Scenario.TRAVEL, Map.of(
                    "booking", List.of(
                            inquiry("Change the dates of my booking", "Can I move my {item} (booking {order}) by"
                                    + " {days} days? What does the change cost?"),
                            inquiry("Add a passenger", "I would like to add my partner to booking {order} for the"
                                    + " {item}."),
                            inquiry("Seat reservation", "Can you reserve window seats for booking {order}?"),
                            inquiry("Hotel for my booking", "Does booking {order} include the hotel in {place},"
                                    + " or do I book it myself?"),
                            complaint("Booking confirmation missing", "I paid {amount} for the {item} but never got"
                                    + " a booking confirmation for {order}.")),
                    "cancellation", List.of(
                            inquiry("Cancel my trip", "I have to cancel the {item}, booking {order}. How much of"
                                    + " the {amount} do I get back?"),
                            complaint("Refund after cancellation", "You cancelled my {item} {days} days ago and I"
                                    + " am still waiting for the refund of {amount}."),
                            inquiry("Cancellation insurance", "Does my booking {order} include cancellation"
                                    + " insurance in case I fall ill?")),
                    "visa", List.of(
                            inquiry("Do I need a visa?", "Do I need a visa for the {item}? I hold a Chinese"
                                    + " passport."),
                            inquiry("Visa documents", "Which documents do I need for the visa application for"
                                    + " my trip to {place}?"),
                            complaint("Visa invitation letter late", "The invitation letter for my visa has not"
                                    + " arrived and I travel in {days} days.")),
                    "baggage", List.of(
                            complaint("Lost luggage", "My suitcase did not arrive in {place}. The airline says"
                                    + " to contact you. Booking {order}."),
                            inquiry("Extra baggage", "How much does an extra suitcase cost on the {item}?"),
                            complaint("Damaged suitcase", "My suitcase came back from the {item} with a broken"
                                    + " wheel. Who pays for the repair?")),
                    "hotel", List.of(
                            complaint("Hotel room not as booked", "The hotel in {place} gave us a room without sea"
                                    + " view although we paid for it."),
                            feedback("Lovely hotel", "The hotel in {place} was wonderful, friendly staff and a"
                                    + " great breakfast. Thank you for the tip!"),
                            inquiry("Late check-in at the hotel", "We arrive in {place} after midnight. Can the"
                                    + " hotel keep our room for a late check-in?"))),
            Scenario.HEALTHCARE, Map.of(
                    "appointments", List.of(
                            inquiry("Reschedule my appointment", "I cannot come to my {item} ({order}). Can we"
                                    + " move the appointment by {days} days?"),
                            inquiry("Book an appointment", "I would like an appointment for a {item} at the"
                                    + " {place}, preferably in the morning."),
                            complaint("Waited too long", "I waited over an hour for my {item} appointment"
                                    + " although I was on time.")),
                    "prescriptions", List.of(
                            inquiry("Repeat prescription", "Please renew my prescription, I have medication for"
                                    + " {days} more days."),
                            complaint("Prescription not at the pharmacy", "The pharmacy says my prescription was"
                                    + " never sent. I need the medication today."),
                            inquiry("Dosage question", "The prescription says twice a day but the pharmacy label"
                                    + " says once. Which dosage is right?"),
                            inquiry("Prescription costs", "Does my insurance pay for the prescription or do I pay"
                                    + " at the pharmacy?")),
                    "billing", List.of(
                            complaint("Wrong invoice", "The invoice for my {item} shows {amount}, but I was told"
                                    + " it costs less."),
                            inquiry("Payment plan", "Can I pay the invoice of {amount} in instalments?"),
                            inquiry("Invoice copy", "Please send me a copy of the invoice for the {item} for my"
                                    + " tax return.")),
                    "insurance", List.of(
                            inquiry("Is it covered by insurance?", "Does my health insurance cover the {item}, or"
                                    + " do I pay myself?"),
                            complaint("Insurance claim rejected", "My insurance rejected the claim for the {item}."
                                    + " They say the clinic sent the wrong code."),
                            inquiry("New insurance card", "I changed my health insurance. Where do I send the new"
                                    + " insurance card?")),
                    "results", List.of(
                            inquiry("Test results", "Are the results of my {item} ready? It has been {days}"
                                    + " days."),
                            complaint("Results sent to wrong address", "My lab results were sent to an old"
                                    + " address. Please send the results again."),
                            feedback("Thank you for explaining the results", "Dr. Lee took time to explain my"
                                    + " results, that was very reassuring."))));

    /**
     * Tickets that belong in one queue but read like another's, as real ones do: they only arrive after the
     * first model was trained, which is likely to route them by their words, and the agent who reviews them
     * moves them (a correction, for the next training).
     */
    static final Map<Scenario, List<Draft>> MISLEADING = Map.of(
            Scenario.ECOMMERCE, List.of(
                    new Draft("returns", TicketType.COMPLAINT, "Courier did not collect my parcel",
                            "The courier was supposed to collect the parcel {days} days ago. The tracking has not"
                                    + " moved and the courier never came."),
                    new Draft("account", TicketType.INQUIRY, "Invoice address",
                            "How do I change the invoice address for card payments? The invoice for order {order}"
                                    + " still had the old one."),
                    new Draft("product", TicketType.COMPLAINT, "Paid {amount} for a broken {item}",
                            "I paid {amount} by card for the {item} and it was broken in the box.")),
            Scenario.TRAVEL, List.of(
                    new Draft("baggage", TicketType.INQUIRY, "Change my booking",
                            "Can I change my booking {order}? The booking only has hand luggage and I need a"
                                    + " suitcase."),
                    new Draft("cancellation", TicketType.COMPLAINT, "Hotel problem",
                            "The hotel in {place} gave our room away for booking {order}, so we want the whole"
                                    + " trip cancelled.")),
            Scenario.HEALTHCARE, List.of(
                    new Draft("billing", TicketType.INQUIRY, "Not covered by insurance",
                            "My health insurance will not cover the {item}. How much does the insurance not"
                                    + " cover?"),
                    new Draft("results", TicketType.INQUIRY, "Appointment about my {item}",
                            "Can I book an appointment to talk about my {item}? I would like to move my next"
                                    + " appointment.")));

    /**
     * A queue the team opens after the first model was trained: the model cannot know it, so every ticket an agent
     * moves there is a correction, and the next retraining learns the new queue.
     */
    static final Map<Scenario, List<Draft>> NEW_QUEUE = Map.of(
            Scenario.ECOMMERCE, List.of(
                    new Draft("warranty", TicketType.COMPLAINT, "{item} stopped working",
                            "My {item} stopped working after {days} months. Is it still under warranty?"),
                    new Draft("warranty", TicketType.INQUIRY, "Warranty repair",
                            "How do I send the {item} in for a warranty repair?")),
            Scenario.TRAVEL, List.of(
                    new Draft("accessibility", TicketType.INQUIRY, "Wheelchair assistance",
                            "I use a wheelchair. Can you arrange assistance for the {item}?"),
                    new Draft("accessibility", TicketType.INQUIRY, "Step-free room",
                            "Is there a step-free room at the hotel in {place}? My mother cannot climb stairs.")),
            Scenario.HEALTHCARE, List.of(
                    new Draft("referrals", TicketType.INQUIRY, "Referral letter",
                            "My doctor referred me for a {item}. Do you need the referral letter before?"),
                    new Draft("referrals", TicketType.INQUIRY, "Specialist referral",
                            "Can you refer me to a specialist after my {item}?")));

    /** A ticket for the scenario's new queue, filled from {@code random}. */
    static Draft newQueue(Scenario scenario, SplittableRandom random) {
        List<Draft> drafts = NEW_QUEUE.get(scenario);
        Draft draft = drafts.get(random.nextInt(drafts.size()));
        return filled(scenario, draft.category(), draft.type(), draft.subject(), draft.body(), random);
    }

    /** A misleading ticket of the scenario, filled from {@code random}. */
    static Draft misleading(Scenario scenario, SplittableRandom random) {
        List<Draft> drafts = MISLEADING.get(scenario);
        Draft draft = drafts.get(random.nextInt(drafts.size()));
        return filled(scenario, draft.category(), draft.type(), draft.subject(), draft.body(), random);
    }

    /** The scenario's categories, in a fixed order. */
    static List<String> categories(Scenario scenario) {
        return TEMPLATES.get(scenario).keySet().stream().sorted().toList();
    }

    /** A ticket text of the scenario, chosen and filled from {@code random}. */
    static Draft draft(Scenario scenario, SplittableRandom random) {
        List<String> categories = categories(scenario);
        String category = categories.get(random.nextInt(categories.size()));
        List<Template> templates = TEMPLATES.get(scenario).get(category);
        Template template = templates.get(random.nextInt(templates.size()));
        return filled(scenario, category, template.type(), template.subject(), template.body(), random);
    }

    private static Draft filled(Scenario scenario, String category, TicketType type, String subject, String body,
            SplittableRandom random) {
        Words words = WORDS.get(scenario);
        String order = words.orderPrefix() + (100000 + random.nextInt(900000));
        String item = words.items().get(random.nextInt(words.items().size()));
        String place = words.places().get(random.nextInt(words.places().size()));
        String days = Integer.toString(2 + random.nextInt(20));
        String amount = String.format(Locale.ROOT, "%d.%02d EUR", 10 + random.nextInt(490),
                random.nextInt(100));
        return new Draft(category, type, fill(subject, order, item, place, days, amount),
                fill(body, order, item, place, days, amount));
    }

    private static String fill(String text, String order, String item, String place, String days, String amount) {
        String filled = text.replace("{order}", order).replace("{item}", item).replace("{place}", place)
                .replace("{days}", days).replace("{amount}", amount);
        return Character.toUpperCase(filled.charAt(0)) + filled.substring(1);
    }

    private DemoTickets() {
    }
}
