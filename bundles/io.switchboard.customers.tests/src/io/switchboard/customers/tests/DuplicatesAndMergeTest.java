package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerMerger.Field;
import io.switchboard.customers.CustomerMerger.Side;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.DuplicateFinder.DuplicateGroup;
import io.switchboard.customers.DuplicateFinder.Reason;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.Need;
import io.switchboard.customers.Transaction;
import io.switchboard.customers.services.internal.NameSimilarity;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;

class DuplicatesAndMergeTest {

    final String u = CustomerRepositoryTest.unique();
    final CustomerRepository repository = Services.get(CustomerRepository.class);

    Customer save(String name, String email, String phone, String country) throws Exception {
        Customer customer = new Customer(name);
        customer.setCountry(country);
        if (email != null) {
            customer.addContact(ContactKind.EMAIL, email);
        }
        if (phone != null) {
            customer.addContact(ContactKind.MOBILE, phone);
        }
        return repository.save(customer);
    }

    static Set<Long> ids(DuplicateGroup group) {
        return group.customers().stream().map(CustomerSummary::id).collect(Collectors.toSet());
    }

    static boolean hasGroup(List<DuplicateGroup> groups, Reason reason, Set<Long> members) {
        return groups.stream().anyMatch(g -> g.reasons().containsKey(reason) && ids(g).equals(members));
    }

    @Test
    void findsSameEmailSamePhoneAndNearIdenticalNames() throws Exception {
        String country = "Dupland-" + u;
        Customer a = save("Jonathan Smithers", "js." + u + "@example.org", "+44 7700 " + u.hashCode(), country);
        Customer b = save("Jonathon  Smithers", "jonny." + u + "@example.org", null, country);
        Customer c = save("Completely Different", "JS." + u + "@Example.org", null, country);
        Customer d = save("Another Person", null, "(44) 7700-" + u.hashCode(), country);
        Customer e = save("J\u00f3nathan Smithers", null, null, "Elsewhere-" + u);

        List<DuplicateGroup> all = Services.get(DuplicateFinder.class).findDuplicates(Progress.NONE);
        assertTrue(hasGroup(all, Reason.SAME_EMAIL, Set.of(a.getId(), c.getId())), all.toString());
        assertTrue(hasGroup(all, Reason.SAME_PHONE, Set.of(a.getId(), d.getId())), all.toString());
        assertTrue(hasGroup(all, Reason.SIMILAR_NAME, Set.of(a.getId(), b.getId())), all.toString());
        assertFalse(all.stream().anyMatch(g -> ids(g).contains(e.getId())),
                "the same name in another country is another block");

        List<DuplicateGroup> ofA = Services.get(DuplicateFinder.class).duplicatesOf(a.getId());
        assertEquals(Set.of(Reason.SAME_EMAIL, Reason.SAME_PHONE, Reason.SIMILAR_NAME),
                ofA.stream().flatMap(g -> g.reasons().keySet().stream()).collect(Collectors.toSet()), ofA.toString());
        assertTrue(Services.get(DuplicateFinder.class).duplicatesOf(e.getId()).isEmpty());
    }

    @Test
    void aPairAlikeForSeveralReasonsIsOneGroup() throws Exception {
        String country = "Twinland-" + u;
        String phone = "+49 30 " + Math.abs(u.hashCode());
        Customer x = save("Katharina Schulz", "k.schulz." + u + "@example.de", phone, country);
        Customer y = save("Katharina Schultz", null, phone.replace(" ", "-"), country);
        Set<Long> pair = Set.of(x.getId(), y.getId());

        List<DuplicateGroup> all = Services.get(DuplicateFinder.class).findDuplicates(Progress.NONE);
        List<DuplicateGroup> ofPair = all.stream().filter(g -> ids(g).equals(pair)).toList();
        assertEquals(1, ofPair.size(), "one group per set of customers: " + ofPair);
        assertEquals(List.of(Reason.SAME_PHONE, Reason.SIMILAR_NAME), List.copyOf(ofPair.get(0).reasons().keySet()));
        assertEquals(phone, ofPair.get(0).reasons().get(Reason.SAME_PHONE), "the evidence of each reason");
        List<DuplicateGroup> ofX = Services.get(DuplicateFinder.class).duplicatesOf(x.getId());
        assertEquals(1, ofX.size(), ofX.toString());
        assertEquals(pair, ids(ofX.get(0)));
        assertEquals(ofPair.get(0).reasons().keySet(), ofX.get(0).reasons().keySet());
    }

    @Test
    void mergeKeepsEverythingOfBothInOneRecord() throws Exception {
        Customer kept = new Customer("Wei Zhang");
        kept.setCompany("Old Co");
        kept.setCity("Beijing");
        kept.addContact(ContactKind.EMAIL, "wei." + u + "@example.cn");
        kept.addContact(ContactKind.MOBILE, "+86 139 1111 2222");
        kept.getTags().add("vip");
        kept.getCustomFields().put("tier", "gold");
        Transaction first = new Transaction();
        first.setReference("A-1");
        first.setAmount(BigDecimal.TEN);
        kept.getTransactions().add(first);
        kept = repository.save(kept);

        Customer other = new Customer("Zhang Wei");
        other.setCompany("New Co");
        other.setCity("Shanghai");
        other.addContact(ContactKind.EMAIL, "WEI." + u + "@EXAMPLE.CN");
        other.addContact(ContactKind.EMAIL, "zw." + u + "@work.cn");
        other.addContact(ContactKind.MOBILE, "139-1111-2222").setPrimary(false);
        other.getContactPoints().get(2).setValue("+86 (139) 1111-2222");
        other.addContact(ContactKind.CHAT, "zhangwei_wx");
        other.getTags().add("VIP");
        other.getTags().add("wholesale");
        other.getCustomFields().put("tier", "silver");
        other.getCustomFields().put("region", "east");
        Transaction second = new Transaction();
        second.setReference("B-1");
        other.getTransactions().add(second);
        Need need = new Need();
        need.setDescription("Monthly invoice");
        other.getNeeds().add(need);
        other = repository.save(other);
        Interaction note = new Interaction();
        note.setCustomerId(other.getId());
        note.setChannel(Interaction.Channel.NOTE);
        note.setDirection(Interaction.Direction.INTERNAL);
        note.setSummary("met at fair");
        InteractionLog log = Services.get(InteractionLog.class);
        log.append(note);

        Customer merged = Services.get(CustomerMerger.class).merge(kept.getId(), other.getId(),
                Map.of(Field.COMPANY, Side.OTHER, Field.CITY, Side.KEPT));
        assertEquals("Wei Zhang", merged.getName());
        assertEquals("New Co", merged.getCompany());
        assertEquals("Beijing", merged.getCity());
        assertEquals(kept.getVersion() + 1, merged.getVersion());
        List<String> points = merged.getContactPoints().stream().map(ContactPoint::getValue).toList();
        assertEquals(List.of("wei." + u + "@example.cn", "+86 139 1111 2222", "zw." + u + "@work.cn", "zhangwei_wx"),
                points, "the same e-mail and phone in another spelling are kept once");
        assertEquals(1, merged.getContactPoints().stream()
                .filter(p -> p.getKind() == ContactKind.EMAIL && p.isPrimary()).count());
        assertEquals(Set.of("vip", "wholesale"), merged.getTags());
        assertEquals(Map.of("tier", "gold", "region", "east"), merged.getCustomFields());
        assertEquals(Set.of("A-1", "B-1"),
                merged.getTransactions().stream().map(Transaction::getReference).collect(Collectors.toSet()));
        assertEquals(1, merged.getNeeds().size());
        assertEquals(1, log.count(merged.getId()), "the timeline moved");
        assertTrue(repository.find(other.getId()).isEmpty(), "the other record is gone");
        try (Connection connection = Services.get(Database.class).connect()) {
            assertEquals(0, StoreTest.single(connection,
                    "SELECT COUNT(*) FROM contact_points WHERE customer_id = " + other.getId()),
                    "no contact point is left behind with the other record");
        }
        assertEquals(merged.getId(), repository.findByEmail("zw." + u + "@work.cn").orElseThrow().getId());

        long keptId = merged.getId();
        assertThrows(IllegalArgumentException.class,
                () -> Services.get(CustomerMerger.class).merge(keptId, keptId, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Services.get(CustomerMerger.class).merge(keptId, -1, Map.of()));
    }

    @Test
    void aScanCutAtTheLimitSaysForWhichReasonsThereIsMore() {
        // The scan lists at most MAX_GROUPS_PER_REASON groups of each reason; the CLI and the dialog say when a
        // reason reached it, so a big store's agent knows the list is not all.
        List<DuplicateGroup> groups = new ArrayList<>();
        for (int i = 0; i < DuplicateFinder.MAX_GROUPS_PER_REASON; i++) {
            groups.add(new DuplicateGroup(Reason.SAME_PHONE, "+49 30 " + i, List.of()));
        }
        groups.add(new DuplicateGroup(Reason.SIMILAR_NAME, "Anna Schmidt", List.of()));
        assertEquals(Set.of(Reason.SAME_PHONE), DuplicateFinder.truncated(groups));
        assertEquals(Set.of(), DuplicateFinder.truncated(groups.subList(1, groups.size())));
    }

    @Test
    void nameSimilarityIsJaroWinklerOverNormalisedNames() {
        assertTrue(NameSimilarity.similar("Jonathan Smithers",
                "jonathon smithers"));
        assertTrue(NameSimilarity.similar("M\u00fcller, Anna",
                "Anna Muller"));
        assertTrue(NameSimilarity.similar("\u738b\u5c0f\u660e",
                "\u738b \u5c0f\u660e"));
        assertFalse(NameSimilarity.similar("Anna Smith", "Anne Smythe-Jones"));
        assertFalse(NameSimilarity.similar("\u738b\u5c0f\u660e",
                "\u738b\u5c0f\u654f"));
    }
}
