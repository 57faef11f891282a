package io.switchboard.store;

import java.util.List;
import java.util.Set;

/**
 * A capability's schema as a list of migrations. Capabilities register an implementation as an OSGi service
 * (whiteboard): the store applies every registered schema when it opens, and a schema registered later as soon
 * as it appears. A capability may also pass its schema to {@link Database#migrate(SchemaMigrations)} itself.
 *
 * <p>The order between capabilities is declared, not left to the order in which services arrive: a schema names
 * the capabilities whose tables it needs ({@link #requires()}), and the store applies those first.
 */
public interface SchemaMigrations {

    /** Short stable name, e.g. {@code customers}; versions are counted per capability. */
    String capability();

    /** All migrations, oldest first. */
    List<Migration> migrations();

    /**
     * The capabilities whose schemas must be up to date before this one's migrations run, e.g. because its lists
     * join their tables. Their schemas must be known to the store (registered as services, or migrated before).
     */
    default Set<String> requires() {
        return Set.of();
    }
}
