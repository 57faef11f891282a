package io.switchboard.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The one folder that holds everything Switchboard stores on this machine: the database, models, logs and
 * workbench state. Every part of the product asks this service instead of computing a path of its own, so a
 * single {@code --data-dir} option moves all of it.
 *
 * <p>The folder is chosen once per process: explicitly by {@link #use(Path)} (the CLI's and the workbench's
 * {@code --data-dir}), otherwise by the system property {@value #PROPERTY}, otherwise {@code ~/.switchboard}.
 */
public interface DataFolder {

    /** System property that names the data folder when no {@code --data-dir} option was given. */
    String PROPERTY = "switchboard.data.dir";

    /** The command-line option that names the data folder, shared by the workbench and the CLI. */
    String OPTION = "--data-dir";

    /** Folder name under the user's home directory when nothing else names one. */
    String DEFAULT_NAME = ".switchboard";

    /**
     * The data folder, created on first use.
     *
     * @throws DataFolderException if the folder cannot be created or written
     */
    Path path();

    /** A sub-folder of the data folder (for example {@code db}), created on first use. */
    Path resolve(String name);

    /**
     * Chooses the data folder for this process and checks that it can be written.
     *
     * @throws DataFolderException      if the folder cannot be created or written
     * @throws IllegalStateException    if another folder is already in use by this process
     */
    Path use(Path folder);

    /**
     * The value of {@value #OPTION} among command-line arguments ({@code --data-dir DIR} or
     * {@code --data-dir=DIR}), or {@code null} when absent.
     *
     * @throws IllegalArgumentException if the option is given without a value
     */
    static String optionValue(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(OPTION)) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new IllegalArgumentException(OPTION);
                }
                return args.get(i + 1);
            }
            if (arg.startsWith(OPTION + "=")) {
                String value = arg.substring(OPTION.length() + 1);
                if (value.isBlank()) {
                    throw new IllegalArgumentException(OPTION);
                }
                return value;
            }
        }
        return null;
    }
}
