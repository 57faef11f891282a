package io.switchboard.store.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.core.DataFolder;
import io.switchboard.store.Database;
import io.switchboard.store.Dialect;
import io.switchboard.store.PersistenceUnit;
import io.switchboard.store.SchemaMigrations;
import jakarta.persistence.EntityManagerFactory;

/**
 * The {@link Database} service: the embedded database in {@code <data-dir>/db}, opened when first used (the
 * command line picks the data folder after services start) and shut down when the component goes away.
 * Capabilities' {@link SchemaMigrations} services are applied at open, or on arrival if it is already open, each
 * after the schemas it requires.
 */
@Component(service = Database.class)
public class DatabaseComponent implements Database {

    static final String FOLDER_NAME = "db";

    @Reference
    private DataFolder dataFolder;

    private final List<SchemaMigrations> schemas = new ArrayList<>();
    private DerbyDatabase database;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSchema(SchemaMigrations schema) {
        DerbyDatabase open;
        synchronized (this) {
            schemas.add(schema);
            open = database;
        }
        if (open != null) {
            open.register(schema);
            // Also the schemas that waited for this one.
            open.migrateKnown();
        }
    }

    synchronized void removeSchema(SchemaMigrations schema) {
        schemas.remove(schema);
        if (database != null) {
            database.unregister(schema);
        }
    }

    private synchronized DerbyDatabase database() {
        if (database == null) {
            DerbyDatabase opened = new DerbyDatabase(dataFolder.resolve(FOLDER_NAME));
            opened.open();
            schemas.forEach(opened::register);
            // In the order the schemas declare (SchemaMigrations.requires), not the order they arrived in.
            opened.migrateKnown();
            database = opened;
        }
        return database;
    }

    @Deactivate
    synchronized void deactivate() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return database().connect();
    }

    @Override
    public void migrate(SchemaMigrations schema) {
        database().migrate(schema);
    }

    @Override
    public int schemaVersion(String capability) {
        return database().schemaVersion(capability);
    }

    @Override
    public long allocateIds(String sequence, int count) {
        return database().allocateIds(sequence, count);
    }

    @Override
    public void bulkLoad(Connection connection, String table, List<String> columns, InputStream rows)
            throws SQLException {
        database().bulkLoad(connection, table, columns, rows);
    }

    @Override
    public Path location() {
        return dataFolder.path().resolve(FOLDER_NAME);
    }

    @Override
    public Dialect dialect() {
        return Dialect.DERBY;
    }

    @Override
    public EntityManagerFactory entityManagerFactory(PersistenceUnit unit) {
        return database().entityManagerFactory(unit);
    }
}
