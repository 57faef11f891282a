package io.switchboard.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.switchboard.core.DataFolder;

/**
 * Gives this test runtime a new, empty data folder before anything opens the store. A fixed folder is shared by
 * every checkout that builds on the same machine, and one build's clean-up would delete another's live database.
 */
public final class FreshDataFolder {

    private static Path chosen;

    private FreshDataFolder() {
    }

    public static synchronized Path use() throws IOException {
        if (chosen == null) {
            BundleContext context = FrameworkUtil.getBundle(FreshDataFolder.class).getBundleContext();
            ServiceReference<DataFolder> reference = context.getServiceReference(DataFolder.class);
            // Short, so the status line in the screenshots stays readable; the process id keeps it unique.
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path folder = tmp.resolve("switchboard-ui-" + ProcessHandle.current().pid());
            for (int n = 2; Files.exists(folder); n++) {
                folder = tmp.resolve("switchboard-ui-" + ProcessHandle.current().pid() + "-" + n);
            }
            chosen = context.getService(reference).use(Files.createDirectories(folder));
        }
        return chosen;
    }
}
