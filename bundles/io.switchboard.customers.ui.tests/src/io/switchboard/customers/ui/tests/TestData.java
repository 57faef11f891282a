package io.switchboard.customers.ui.tests;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.Need;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.Transaction;

/** A small, realistic set of customers, the same on every run, stored through the real services. */
final class TestData {

    /** name, company, country, city, language. */
    static final String[][] PEOPLE = {
            { "Anna Schmidt", "Schmidt & Partner GmbH", "Germany", "Berlin", "de" },
            { "Jonas Weber", "Nordlicht Reisen", "Germany", "Hamburg", "de" },
            { "Lena Fischer", "", "Germany", "Munich", "de" },
            { "Maximilian Wagner", "Wagner Logistik AG", "Germany", "Cologne", "de" },
            { "Sophie Becker", "Becker Optik", "Germany", "Frankfurt", "de" },
            { "Li Wei", "Shanghai Bright Trading Co.", "China", "Shanghai", "zh-CN" },
            { "Wang Fang", "Hangzhou Silk House", "China", "Hangzhou", "zh-CN" },
            { "Zhang Min", "", "China", "Beijing", "zh-CN" },
            { "Chen Jing", "Shenzhen Pixel Labs", "China", "Shenzhen", "zh-CN" },
            { "Liu Yang", "Chengdu Tea Garden", "China", "Chengdu", "zh-CN" },
            { "Emma Johnson", "Johnson Family Travel", "United States", "Boston", "en" },
            { "Michael Brown", "Brown Outdoor Supply", "United States", "Denver", "en" },
            { "Olivia Davis", "", "United States", "Seattle", "en" },
            { "James Miller", "Miller Dental Care", "United States", "Chicago", "en" },
            { "Ava Wilson", "Wilson & Co. Architects", "United States", "Austin", "en" },
            { "Lucas Martin", "Atelier Martin", "France", "Lyon", "fr" },
            { "Chloé Bernard", "Bernard Voyages", "France", "Paris", "fr" },
            { "Hugo Dubois", "", "France", "Marseille", "fr" },
            { "Giulia Rossi", "Rossi Ceramiche", "Italy", "Florence", "it" },
            { "Marco Bianchi", "Bianchi Viaggi", "Italy", "Milan", "it" },
            { "Sofia Romano", "", "Italy", "Rome", "it" },
            { "Hiroshi Tanaka", "Tanaka Trading K.K.", "Japan", "Osaka", "ja" },
            { "Yuki Sato", "", "Japan", "Tokyo", "ja" },
            { "Carlos García", "García Hermanos S.L.", "Spain", "Madrid", "es" },
            { "Lucía Fernández", "Clínica Fernández", "Spain", "Valencia", "es" },
            { "Oliver Smith", "Smith & Sons Ltd", "United Kingdom", "London", "en" },
            { "Amelia Jones", "", "United Kingdom", "Manchester", "en" },
            { "Noah Taylor", "Taylor Bikes", "United Kingdom", "Bristol", "en" },
            { "Sven Andersson", "Andersson Design AB", "Sweden", "Stockholm", "sv" },
            { "Priya Sharma", "Sharma Textiles", "India", "Mumbai", "en" },
            { "Arjun Patel", "Patel Pharmacy", "India", "Bengaluru", "en" },
            { "Fatima Haddad", "", "Morocco", "Casablanca", "fr" },
            { "Ana Souza", "Souza Café Exportação", "Brazil", "São Paulo", "pt" },
            { "Pedro Almeida", "", "Brazil", "Rio de Janeiro", "pt" },
            { "Kim Min-jun", "Seoul Smart Home", "South Korea", "Seoul", "ko" },
            { "Nguyen Thi Lan", "Lan Handicrafts", "Vietnam", "Hanoi", "vi" },
            { "Anna Schmid", "Schmid Bäckerei", "Austria", "Vienna", "de" },
            { "Jan de Vries", "De Vries Bloemen", "Netherlands", "Amsterdam", "nl" },
            { "Eva Novak", "", "Czechia", "Prague", "cs" },
            { "Mateo López", "López Turismo", "Mexico", "Guadalajara", "es" },
            { "李娜", "北京华彩文化有限公司", "China", "Beijing", "zh-CN" },
    };

    private static final String[] NEEDS = { "Wants a callback about the delayed delivery",
            "Asked for an invoice with the company's VAT number", "Interested in the spring catalogue",
            "Needs a replacement part for order", "Wants to change the booking date" };
    private static final String[] SUMMARIES = { "Asked where the parcel is", "Sent the invoice again",
            "Complained about a damaged item", "Booked a follow-up call", "Thanked us for the quick refund",
            "Asked to change the delivery address", "Requested a quote for 50 units" };
    private static final Interaction.Channel[] CHANNELS = Interaction.Channel.values();
    private static final Instant BASE = Instant.parse("2026-11-20T09:30:00Z");

    private TestData() {
    }

    static List<Customer> store(CustomerRepository repository, InteractionLog log) throws StaleCustomerException {
        List<Customer> stored = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            String[] p = PEOPLE[i];
            Customer c = new Customer(p[0]);
            c.setCompany(p[1].isEmpty() ? null : p[1]);
            c.setCountry(p[2]);
            c.setCity(p[3]);
            c.setLanguage(p[4]);
            String ascii = ascii(p[0]).trim();
            String local = ascii.isEmpty() ? "customer" + i : ascii.toLowerCase(Locale.ROOT).replace(' ', '.');
            c.addContact(ContactKind.EMAIL, local + "@example.com").setLabel("work");
            c.addContact(ContactKind.MOBILE, String.format("%s %04d %04d", prefix(p[2]), 1000 + i * 37, 2000 + i * 53));
            if (i % 3 == 0) {
                c.addContact(ContactKind.EMAIL, local + ".home@example.org").setLabel("home");
            }
            if (i % 4 == 0) {
                ContactPoint chat = c.addContact(ContactKind.CHAT, "wxid_" + local.replace(".", "_"));
                chat.setLabel(p[2].equals("China") ? "WeChat" : "WhatsApp");
            }
            if (i % 2 == 0) {
                c.getTags().add("newsletter");
            }
            if (i % 5 == 0) {
                c.getTags().add("vip");
            }
            c.getCustomFields().put("customer number", String.format("K-%05d", 10_000 + i * 7));
            if (i % 3 == 1) {
                c.getCustomFields().put("preferred contact", "e-mail");
            }
            for (int t = 0; t < 1 + i % 4; t++) {
                Transaction tx = new Transaction();
                tx.setReference(String.format("SO-%06d", 200_000 + i * 10 + t));
                tx.setDate(LocalDate.of(2026, 1 + (i + t) % 11, 1 + (i * 7 + t) % 28));
                tx.setAmount(new BigDecimal(19 + (i * 37 + t * 11) % 480).add(new BigDecimal("0.90")));
                tx.setCurrency(p[2].equals("China") ? "CNY" : p[2].equals("United States") ? "USD" : "EUR");
                tx.setStatus(t == 0 ? "shipped" : t == 1 ? "paid" : "refunded");
                tx.setDescription(t == 0 ? "Online order" : "Phone order");
                c.getTransactions().add(tx);
            }
            if (i % 2 == 1) {
                Need need = new Need();
                need.setDescription(NEEDS[i % NEEDS.length]);
                need.setStatus(i % 4 == 1 ? Need.Status.OPEN : Need.Status.IN_PROGRESS);
                need.setCreatedAt(BASE.minus(i, ChronoUnit.DAYS));
                c.getNeeds().add(need);
            }
            Customer saved = repository.save(c);
            for (int e = 0; e < 2 + i % 5; e++) {
                Interaction entry = new Interaction();
                entry.setCustomerId(saved.getId());
                entry.setChannel(CHANNELS[(i + e) % CHANNELS.length]);
                entry.setDirection(e % 3 == 2 ? Interaction.Direction.INTERNAL
                        : e % 2 == 0 ? Interaction.Direction.INBOUND : Interaction.Direction.OUTBOUND);
                entry.setOccurredAt(BASE.minus(i * 5L + e * 26L, ChronoUnit.HOURS));
                entry.setAgent(e % 2 == 0 ? "Mia" : "bot");
                entry.setSummary(SUMMARIES[(i + e) % SUMMARIES.length]);
                entry.setBody(SUMMARIES[(i + e) % SUMMARIES.length] + ".");
                log.append(entry);
            }
            stored.add(saved);
        }
        return stored;
    }

    private static String prefix(String country) {
        return switch (country) {
        case "China" -> "+86 139";
        case "United States" -> "+1 617";
        case "France" -> "+33 6";
        case "Italy" -> "+39 347";
        case "Japan" -> "+81 90";
        case "Spain" -> "+34 612";
        case "United Kingdom" -> "+44 7700";
        case "India" -> "+91 98";
        case "Brazil" -> "+55 11";
        default -> "+49 151";
        };
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
                .replace("&", "").replace("-", "");
    }
}
