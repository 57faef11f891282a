package io.switchboard.app.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.app.PreferencePageContribution;

/** The preference pages the capabilities contribute, for Window &gt; Preferences. */
@Component(service = PreferencePages.class)
public class PreferencePages {

    private final List<PreferencePageContribution> contributions = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(PreferencePageContribution contribution) {
        contributions.add(contribution);
    }

    void remove(PreferencePageContribution contribution) {
        contributions.remove(contribution);
    }

    /** Every contributed page, in the order of their ids so the dialog does not depend on start-up order. */
    public List<PreferencePageContribution> all() {
        return contributions.stream().sorted(Comparator.comparing(PreferencePageContribution::id)).toList();
    }
}
