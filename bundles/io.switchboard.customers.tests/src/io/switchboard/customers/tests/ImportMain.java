package io.switchboard.customers.tests;

import java.net.URL;
import java.nio.file.Path;

import io.switchboard.core.Progress;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.store.internal.LoadStreams;

/**
 * Runs one import in a plain JVM, without OSGi, so that a test can kill it: {@code ImportMain DB-FOLDER CSV
 * BATCH-SIZE [BULK-LINES]}. Prints {@code committed BYTES} after every batch and {@code finished ...} at the end.
 */
public final class ImportMain {

    public static void main(String[] args) throws Exception {
        // What the OSGi framework's URL handler service does for the bulk load's streams.
        URL.setURLStreamHandlerFactory(
                protocol -> LoadStreams.PROTOCOL.equals(protocol) ? LoadStreams.handler() : null);
        DerbyDatabase database = new DerbyDatabase(Path.of(args[0]));
        long bulkLines = args.length > 3 ? Long.parseLong(args[3]) : CsvImport.DEFAULT_BULK_LINES;
        CsvImport importer = new CsvImport(new CustomerStore(database, Events.NONE), Integer.parseInt(args[2]),
                bulkLines);
        ImportResult result = importer.importCsv(Path.of(args[1]), false, null, new Progress() {
            @Override
            public void begin(String task, long totalWork) {
                System.out.println("begin " + totalWork);
            }

            @Override
            public void worked(long done) {
                System.out.println("committed " + done);
                System.out.flush();
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        });
        database.close();
        System.out.println("finished " + result);
    }

    private ImportMain() {
    }
}
