package io.switchboard.store;

import java.util.List;
import java.util.Objects;

/**
 * What JPA needs to know about a capability's entities: the classes, the EclipseLink {@code orm.xml} files that
 * map them (so model bundles stay free of JPA annotations), and the class loader that sees both.
 *
 * @param mappingFiles resource names as seen by {@code classLoader}
 */
public record PersistenceUnit(String name, ClassLoader classLoader, List<String> managedClasses,
        List<String> mappingFiles) {

    public PersistenceUnit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(classLoader, "classLoader");
        managedClasses = List.copyOf(managedClasses);
        mappingFiles = List.copyOf(mappingFiles);
    }
}
