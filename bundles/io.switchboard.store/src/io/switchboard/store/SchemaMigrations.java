package io.switchboard.store;

import java.util.List;

/**
 * A capability's schema as a list of migrations. Capabilities register an implementation as an OSGi service
 * (whiteboard): the store applies every registered schema when it opens, and a schema registered later as soon
 * as it appears. A capability may also pass its schema to {@link Database#migrate(SchemaMigrations)} itself.
 */
public interface SchemaMigrations {

    /** Short stable name, e.g. {@code customers}; versions are counted per capability. */
    String capability();

    /** All migrations, oldest first. */
    List<Migration> migrations();
}
