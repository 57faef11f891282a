package io.switchboard.customers.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.CsvWriter;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.Need;
import io.switchboard.customers.Transaction;
import io.switchboard.customers.demo.internal.DemoDataGeneratorService;
import io.switchboard.customers.demo.internal.Messages;
import io.switchboard.customers.demo.internal.Vocabulary;
import io.switchboard.customers.demo.internal.Vocabulary.Business;
import io.switchboard.customers.demo.internal.Vocabulary.Country;
import io.switchboard.customers.demo.internal.Vocabulary.Item;
import io.switchboard.customers.demo.internal.Vocabulary.Topic;

/**
 * Demo customers made up on the spot, without a store: the same scenario and seed give the same customers in the
 * same order, on any machine and any day. The {@link io.switchboard.customers.DemoDataGenerator} service saves
 * them; {@link #writeCsv} writes them in the import format, e.g. to feed an import benchmark.
 *
 * <p>Each customer draws from a random stream of its own (derived from the seed and its position), so writing
 * only the CSV columns gives exactly the customers that the full generation stores. Not thread-safe.
 */
public final class DemoCustomers {

    /** A customer not yet stored (no id), and its timeline, oldest first, with customer id 0. */
    public record Generated(Customer customer, List<Interaction> timeline) {
    }

    /**
     * The day the generated history ends. Fixed rather than "today" so that the same seed gives the same data
     * whenever it runs; the timelines reach back about two years from here.
     */
    public static final LocalDate HISTORY_END = LocalDate.of(2026, 11, 1);

    private static final int HISTORY_DAYS = 730;
    private static final double COMPANY_SHARE = 0.35;
    /** About one customer in this many is entered a second time, so the duplicate finder has work in a demo. */
    private static final int DUPLICATE_EVERY = 30;
    private static final int RECENT = 16;
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private final Scenario scenario;
    private final Business business;
    private final long seed;
    private final int totalWeight;
    private final Set<String> usedEmails = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private final Deque<Customer> recent = new ArrayDeque<>();
    private int index;

    public DemoCustomers(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.business = Vocabulary.BUSINESSES.get(scenario);
        this.seed = seed;
        this.totalWeight = Vocabulary.COUNTRIES.stream().mapToInt(Country::weight).sum();
    }

    /** The import columns for this scenario: the standard ones, then its custom fields. */
    public static List<String> csvHeader(Scenario scenario) {
        List<String> header = new ArrayList<>(List.of("name", "email", "phone", "country", "city", "company"));
        header.addAll(customFieldKeys(scenario));
        return header;
    }

    /**
     * Writes {@code count} customers of the scenario as an import CSV file (UTF-8 is the writer's business),
     * header first, and returns how many rows were written. Only the imported columns are generated, so this is
     * fast enough for files of millions of rows; it stops early, with whole rows, when {@code progress} is
     * cancelled.
     */
    public static long writeCsv(Scenario scenario, int count, long seed, Writer out, Progress progress)
            throws IOException {
        DemoCustomers source = new DemoCustomers(scenario, seed);
        List<String> header = csvHeader(scenario);
        List<String> keys = header.subList(6, header.size());
        CsvWriter csv = new CsvWriter(out);
        csv.write(header);
        progress.begin(NLS.bind(Messages.DemoData_writing, DemoDataGeneratorService.scenarioName(scenario)), count);
        long written = 0;
        for (int i = 0; i < count && !progress.isCanceled(); i++) {
            Customer c = source.nextCustomer();
            List<String> row = new ArrayList<>(header.size());
            row.add(c.getName());
            row.add(c.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(""));
            row.add(c.primaryPhone().map(ContactPoint::getValue).orElse(""));
            row.add(c.getCountry());
            row.add(c.getCity());
            row.add(c.getCompany());
            for (String key : keys) {
                row.add(c.getCustomFields().getOrDefault(key, ""));
            }
            csv.write(row);
            written++;
            if ((written & 1023) == 0) {
                progress.worked(written);
            }
        }
        progress.worked(written);
        csv.flush();
        return written;
    }

    /** The next customer with contact points, custom fields and company only: what an import file holds. */
    public Customer nextCustomer() {
        int position = index++;
        SplittableRandom random = stream(position, 0);
        Customer customer;
        if (position >= RECENT && random.nextInt(DUPLICATE_EVERY) == 0) {
            customer = reEntered(recent.peekFirst(), random);
        } else {
            customer = person(random);
        }
        recent.addLast(customer);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
        return customer;
    }

    /** The next customer in full: also tags, transactions, needs and a timeline. */
    public Generated next() {
        int position = index;
        Customer customer = nextCustomer();
        SplittableRandom random = stream(position, 1);
        Country country = country(customer.getCountry());
        String language = country.language();
        ZoneId zone = zone(country, customer.getCity());
        List<String> tags = business.tags();
        int tagCount = random.nextInt(3);
        for (int i = 0; i < tagCount; i++) {
            customer.getTags().add(pick(random, tags));
        }
        if (customer.getCompany() != null && scenario == Scenario.ECOMMERCE) {
            customer.getTags().add("b2b");
        }

        int transactionCount = 1 + random.nextInt(5);
        List<Item> items = new ArrayList<>();
        LocalDate day = HISTORY_END.minusDays(HISTORY_DAYS);
        for (int i = 0; i < transactionCount; i++) {
            day = day.plusDays(1 + random.nextInt(HISTORY_DAYS / transactionCount));
            Item item = pick(random, business.items());
            items.add(item);
            customer.getTransactions().add(transaction(random, country, language, day, item));
        }

        List<Interaction> timeline = new ArrayList<>();
        int conversations = 1 + random.nextInt(3);
        for (int i = 0; i < conversations; i++) {
            int about = random.nextInt(transactionCount);
            Topic topic = pick(random, business.topics());
            boolean last = i == conversations - 1;
            conversation(random, customer, language, zone, topic, customer.getTransactions().get(about),
                    items.get(about), last, timeline);
        }
        timeline.sort(Comparator.comparing(Interaction::getOccurredAt));
        return new Generated(customer, timeline);
    }

    private void conversation(SplittableRandom random, Customer customer, String language, ZoneId zone, Topic topic,
            Transaction about, Item item, boolean last, List<Interaction> timeline) {
        String ref = about.getReference();
        String itemName = item.name(language);
        String[] channel = Vocabulary.CHANNEL_TEXTS.get(language);
        String agent = pick(random, Vocabulary.AGENTS.get(language));
        // Customers write in their waking hours, 7:00 to 21:00 where they live, a few days after the purchase.
        Instant asked = about.getDate().plusDays(1 + random.nextInt(10)).atTime(7, 0).atZone(zone).toInstant()
                .plus(Duration.ofMinutes(random.nextInt(60 * 14)));
        Channel via = random.nextInt(3) == 0 ? Channel.CHAT : Channel.MAIL;
        String summary = fill(topic.text(language, Vocabulary.IN_SUMMARY), ref, itemName);

        timeline.add(interaction(via, Direction.INBOUND, asked, agent, summary,
                fill(topic.text(language, Vocabulary.IN_BODY), ref, itemName), ref));
        Instant answered = asked.plus(Duration.ofMinutes(via == Channel.CHAT ? 2 + random.nextInt(15)
                : 60 + random.nextInt(60 * 20)));
        timeline.add(interaction(via, Direction.OUTBOUND, answered, via == Channel.CHAT && random.nextInt(4) == 0 ? "bot"
                : agent, channel[Vocabulary.REPLY] + summary, fill(topic.text(language, Vocabulary.OUT_BODY), ref, itemName),
                ref));
        if (random.nextInt(3) == 0) {
            timeline.add(interaction(Channel.PHONE, Direction.OUTBOUND, answered.plus(Duration.ofHours(2 + random.nextInt(30))),
                    agent, channel[Vocabulary.CALL] + summary, channel[Vocabulary.CALL_BODY], ref));
        }
        if (random.nextInt(4) == 0) {
            timeline.add(interaction(Channel.NOTE, Direction.INTERNAL, answered.plus(Duration.ofMinutes(5)), agent,
                    channel[Vocabulary.NOTE] + summary, channel[Vocabulary.NOTE_BODY + random.nextInt(2)], ref));
        }

        Need need = new Need();
        need.setDescription(fill(topic.text(language, Vocabulary.NEED), ref, itemName));
        need.setCreatedAt(asked);
        if (last && random.nextBoolean()) {
            need.setStatus(random.nextBoolean() ? Need.Status.OPEN : Need.Status.IN_PROGRESS);
        } else {
            need.setStatus(random.nextInt(8) == 0 ? Need.Status.DROPPED : Need.Status.MET);
        }
        customer.getNeeds().add(need);
    }

    private static Interaction interaction(Channel channel, Direction direction, Instant at, String agent, String summary,
            String body, String reference) {
        Interaction interaction = new Interaction();
        interaction.setChannel(channel);
        interaction.setDirection(direction);
        interaction.setOccurredAt(at);
        interaction.setAgent(agent);
        interaction.setSummary(summary);
        interaction.setBody(body);
        interaction.setReference(reference);
        return interaction;
    }

    private Transaction transaction(SplittableRandom random, Country country, String language, LocalDate day,
            Item item) {
        int quantity;
        String description;
        double price;
        if (scenario == Scenario.TRAVEL) {
            quantity = 3 + random.nextInt(10);
            price = item.price() * (0.6 + quantity / 10.0);
        } else if (scenario == Scenario.ECOMMERCE) {
            quantity = random.nextInt(4) == 0 ? 2 : 1;
            price = item.price() * quantity;
        } else {
            quantity = 1;
            price = item.price();
        }
        description = business.descriptions().get(language).replace("{n}", Integer.toString(quantity))
                .replace("{item}", item.name(language));
        // Prices vary a little, and follow the local currency; currencies with big units get whole amounts.
        double local = price * country.priceFactor() * (0.85 + random.nextDouble() * 0.3);
        BigDecimal amount = country.priceFactor() > 10
                ? BigDecimal.valueOf(Math.round(local)).setScale(2)
                : BigDecimal.valueOf(local).setScale(2, RoundingMode.HALF_UP);
        Transaction transaction = new Transaction();
        transaction.setReference(business.referencePrefix() + day.getYear() + "-" + String.format("%06d", random.nextInt(1_000_000)));
        transaction.setDate(day);
        transaction.setAmount(amount);
        transaction.setCurrency(country.currency());
        transaction.setStatus(pick(random, business.statuses()));
        transaction.setDescription(description);
        return transaction;
    }

    private Customer person(SplittableRandom random) {
        Country country = pickCountry(random);
        String[] city = pick(random, country.cities());
        Customer customer = new Customer();
        String[] given = split(pick(random, country.given()));
        String[] family = split(pick(random, country.family()));
        String name;
        String mailName;
        if (country.familyFirst()) {
            name = family[0] + given[0];
            mailName = random.nextBoolean() ? given[1] + "." + family[1] : family[1] + given[1];
        } else if (country.twoSurnames()) {
            String[] second = split(pick(random, country.family()));
            name = given[0] + " " + family[0] + " " + second[0];
            mailName = random.nextBoolean() ? given[1] + "." + family[1] : given[1] + "." + family[1] + "." + second[1];
        } else if (given[0].contains(" ")) {
            // Singaporean Chinese: family name first, given name of two syllables
            name = family[0] + " " + given[0];
            mailName = given[1] + "." + family[1];
        } else {
            name = given[0] + " " + family[0];
            mailName = random.nextInt(3) == 0 ? given[1].charAt(0) + family[1] : given[1] + "." + family[1];
        }
        customer.setName(name);
        customer.setCountry(country.name());
        customer.setCity(city[0]);
        customer.setLanguage(languageTag(country));
        boolean business = random.nextDouble() < COMPANY_SHARE;
        String domain;
        if (business) {
            String[] company = split(pick(random, country.companies()));
            customer.setCompany(company[0]);
            domain = companyDomain(company[1]);
        } else {
            domain = pick(random, country.mailDomains());
        }
        if (random.nextInt(4) == 0) {
            mailName += 70 + random.nextInt(30);
        }
        customer.addContact(ContactKind.EMAIL, uniqueEmail(mailName, domain)).setLabel(business ? "work" : "home");
        String mobile = phone(random, country, country.mobile(), city[1]);
        customer.addContact(ContactKind.MOBILE, mobile).setLabel("mobile");
        if (business && !city[1].isEmpty() && random.nextBoolean()) {
            customer.addContact(ContactKind.LANDLINE, phone(random, country, "A #### ####", city[1])).setLabel("work");
        }
        if (random.nextInt(3) != 0) {
            String handle = country.chatNetwork().equals("WeChat") ? "wxid_" + mailName.replace(".", "") + random.nextInt(1000)
                    : mobile;
            customer.addContact(ContactKind.CHAT, handle).setLabel(country.chatNetwork());
        }
        customer.getCustomFields().putAll(customFields(random, country));
        return customer;
    }

    /** The same person entered again: name typed differently, private address, same mobile. */
    private Customer reEntered(Customer original, SplittableRandom random) {
        Customer copy = new Customer();
        String name = original.getName();
        copy.setName(random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name.replace(" ", "  "));
        if (name.chars().anyMatch(ch -> ch > 0x2E80)) {
            copy.setName(name); // Chinese names have no case and no spaces to vary
        }
        copy.setCountry(original.getCountry());
        copy.setCity(original.getCity());
        copy.setLanguage(original.getLanguage());
        Country country = country(original.getCountry());
        String local = original.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse("x@x").split("@")[0];
        copy.addContact(ContactKind.EMAIL, uniqueEmail(local, pick(random, country.mailDomains()))).setLabel("home");
        original.primary(ContactKind.MOBILE).ifPresent(m -> copy.addContact(ContactKind.MOBILE, m.getValue()).setLabel("mobile"));
        copy.getCustomFields().putAll(customFields(random, country));
        return copy;
    }

    private Map<String, String> customFields(SplittableRandom random, Country country) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (scenario) {
        case ECOMMERCE -> {
            fields.put("loyalty_tier", pickWeighted(random, new String[] { "Bronze", "Silver", "Gold", "Platinum" },
                    new int[] { 50, 30, 15, 5 }));
            fields.put("preferred_payment", country.name().equals("China")
                    ? pick(random, List.of("Alipay", "WeChat Pay", "UnionPay card"))
                    : pick(random, List.of("card", "card", "PayPal", "bank transfer", "cash on delivery")));
            fields.put("newsletter", random.nextBoolean() ? "yes" : "no");
        }
        case TRAVEL -> {
            fields.put("passport_country", random.nextInt(8) == 0 ? pickCountry(random).name() : country.name());
            fields.put("seat_preference", pick(random, List.of("aisle", "window", "window", "no preference")));
            fields.put("frequent_flyer_tier", pickWeighted(random, new String[] { "none", "Silver", "Gold" },
                    new int[] { 60, 30, 10 }));
        }
        case HEALTHCARE -> {
            fields.put("insurance_provider", pick(random, country.insurers()));
            fields.put("patient_since", Integer.toString(HISTORY_END.getYear() - random.nextInt(15)));
        }
        }
        return fields;
    }

    private static List<String> customFieldKeys(Scenario scenario) {
        return switch (scenario) {
        case ECOMMERCE -> List.of("loyalty_tier", "preferred_payment", "newsletter");
        case TRAVEL -> List.of("passport_country", "seat_preference", "frequent_flyer_tier");
        case HEALTHCARE -> List.of("insurance_provider", "patient_since");
        };
    }

    private String uniqueEmail(String local, String domain) {
        String base = ascii(local);
        String candidate = base + "@" + domain;
        if (usedEmails.add(candidate)) {
            return candidate;
        }
        // Counting per address keeps a million rows linear; common names would otherwise probe 2, 3, ... each time.
        int n = nextSuffix.getOrDefault(candidate, 2);
        String numbered;
        while (!usedEmails.add(numbered = base + n + "@" + domain)) {
            n++;
        }
        nextSuffix.put(candidate, n + 1);
        return numbered;
    }

    /** Digits per pattern: {@code #} any digit, {@code @} a digit 6-9, {@code A} the city's area code. */
    private static String phone(SplittableRandom random, Country country, String pattern, String area) {
        StringBuilder number = new StringBuilder(country.callingCode()).append(' ');
        for (char c : pattern.toCharArray()) {
            switch (c) {
            case '#' -> number.append((char) ('0' + random.nextInt(10)));
            case '@' -> number.append((char) ('6' + random.nextInt(4)));
            case 'A' -> number.append(area.isEmpty() ? "6" + random.nextInt(10) : area);
            default -> number.append(c);
            }
        }
        return number.toString();
    }

    /** A made-up domain from a company's name, or from the pinyin given for a Chinese one. */
    private static String companyDomain(String company) {
        String[] words = ascii(company.replaceAll("[.,&]", " ")).split("\\.+");
        String domain = words.length > 1 ? words[0] + "-" + words[1] : words[0];
        return (domain.isEmpty() ? "company" : domain) + ".example";
    }

    /**
     * Lower-case ASCII for e-mail addresses: German umlauts as their two-letter spellings, other accents dropped,
     * spaces as dots. Chinese characters are never passed here; their pinyin is.
     */
    private static String ascii(String text) {
        String t = text;
        if (!t.chars().allMatch(c -> c < 128)) {
            t = t.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                    .replace("Ü", "Ue").replace("ß", "ss");
            t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        }
        StringBuilder mail = new StringBuilder(t.length());
        boolean dot = false;
        for (int i = 0; i < t.length(); i++) {
            char c = Character.toLowerCase(t.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dot && mail.length() > 0) {
                    mail.append('.');
                }
                mail.append(c);
                dot = false;
            } else if (c == '.' || Character.isWhitespace(c)) {
                dot = true;
            }
        }
        return mail.toString();
    }

    private SplittableRandom stream(int position, int purpose) {
        // Mixing the position into the seed gives every customer its own stream, independent of the others.
        long mixed = seed * 0x9E3779B97F4A7C15L + position * 0xBF58476D1CE4E5B9L
                + (purpose + 2L * scenario.ordinal()) * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }

    private Country pickCountry(SplittableRandom random) {
        int n = random.nextInt(totalWeight);
        for (Country country : Vocabulary.COUNTRIES) {
            n -= country.weight();
            if (n < 0) {
                return country;
            }
        }
        throw new AssertionError();
    }

    private static ZoneId zone(Country country, String city) {
        for (String[] c : country.cities()) {
            if (c[0].equals(city) && c.length > 2) {
                return ZoneId.of(c[2]);
            }
        }
        return ZoneId.of(country.zone());
    }

    private static Country country(String name) {
        return Vocabulary.COUNTRIES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String languageTag(Country country) {
        return switch (country.name()) {
        case "China" -> "zh-CN";
        case "United States" -> "en-US";
        case "United Kingdom" -> "en-GB";
        case "India" -> "en-IN";
        case "Singapore" -> "en-SG";
        case "Germany" -> "de-DE";
        case "Spain" -> "es-ES";
        case "Mexico" -> "es-MX";
        default -> country.language();
        };
    }

    private static String fill(String template, String ref, String item) {
        return template.replace("{ref}", ref).replace("{item}", item);
    }

    private static String[] split(String entry) {
        int bar = entry.indexOf('|');
        return bar < 0 ? new String[] { entry, entry } : new String[] { entry.substring(0, bar), entry.substring(bar + 1) };
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pickWeighted(SplittableRandom random, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int n = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            n -= weights[i];
            if (n < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
