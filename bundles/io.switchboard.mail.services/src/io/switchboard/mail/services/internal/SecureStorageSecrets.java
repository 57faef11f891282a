package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.osgi.util.NLS;

/**
 * Mailbox passwords in Eclipse secure storage, encrypted, one node per mailbox under {@value #ROOT}. Nothing else
 * of Switchboard ever writes a password: the mailbox table has no password column, and the preferences are not
 * used for it.
 *
 * <p><b>How the storage is unlocked.</b> Eclipse secure storage encrypts with a master password that a password
 * provider supplies: the OS keyring providers (Windows, macOS, the Linux libsecret fragment) or the workbench's
 * UI provider, which asks the user. A headless Linux machine without a keyring has none of them, and the default
 * options would either fail ("no password provider") or wait for a dialog that never comes. So
 * {@link #open(Path, char[])} accepts an explicit master password, handed to secure storage as
 * {@link IProviderHints#DEFAULT_PASSWORD} with {@link IProviderHints#PROMPT_USER} off: secure storage then
 * encrypts with it (PBE) instead of asking a provider. The product takes it from the environment variable
 * {@value #PASSWORD_ENV} (for servers and the headless CLI: an environment is not a file in the data folder and
 * is not shown by {@code ps}); without it the platform's own providers are used, as in any Eclipse product. The
 * storage's location is Eclipse's default (in the user's home, outside the data folder) unless the system
 * property {@value #LOCATION_PROPERTY} names a file: tests put it in a temporary folder of their own.
 */
public final class SecureStorageSecrets implements Secrets {

    /** The root node of Switchboard's mailbox passwords in secure storage. */
    public static final String ROOT = "/io.switchboard.mail/mailboxes";
    static final String KEY = "password";
    /** Environment variable holding the master password on a machine without a password provider. */
    public static final String PASSWORD_ENV = "SWITCHBOARD_SECURE_STORAGE_PASSWORD";
    /** The same as a system property, for tests only (a system property is visible to other processes). */
    public static final String PASSWORD_PROPERTY = "switchboard.secure.storage.password";
    /** System property naming the secure storage file (default: Eclipse's default storage). */
    public static final String LOCATION_PROPERTY = "switchboard.secure.storage";

    private final ISecurePreferences root;

    public SecureStorageSecrets(ISecurePreferences root) {
        this.root = root;
    }

    /** The storage the product uses, from {@value #LOCATION_PROPERTY} and {@value #PASSWORD_ENV}. */
    public static SecureStorageSecrets fromEnvironment() {
        String location = System.getProperty(LOCATION_PROPERTY);
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            password = System.getProperty(PASSWORD_PROPERTY);
        }
        return open(location == null || location.isBlank() ? null : Path.of(location),
                password == null || password.isEmpty() ? null : password.toCharArray());
    }

    /**
     * Opens secure storage.
     *
     * @param location the storage file, or {@code null} for Eclipse's default
     * @param master   the master password, or {@code null} to let the platform's providers supply one
     */
    public static SecureStorageSecrets open(Path location, char[] master) {
        Map<Object, Object> options = new HashMap<>();
        if (master != null) {
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(master));
            options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        }
        try {
            ISecurePreferences preferences;
            if (location == null && options.isEmpty()) {
                preferences = SecurePreferencesFactory.getDefault();
            } else {
                URL url = location == null ? null : location.toUri().toURL();
                preferences = SecurePreferencesFactory.open(url, options);
            }
            if (preferences == null) {
                throw new IllegalStateException(NLS.bind(Messages.Secrets_unavailable, String.valueOf(location)));
            }
            return new SecureStorageSecrets(preferences.node(ROOT));
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.Secrets_unavailable, e.getMessage()), e);
        }
    }

    private ISecurePreferences node(String mailbox) {
        return root.node(EncodingUtils.encodeSlashes(mailbox));
    }

    @Override
    public synchronized char[] password(String mailbox) {
        if (!root.nodeExists(EncodingUtils.encodeSlashes(mailbox))) {
            return null;
        }
        try {
            String value = node(mailbox).get(KEY, null);
            return value == null ? null : value.toCharArray();
        } catch (StorageException e) {
            throw new IllegalStateException(NLS.bind(Messages.Secrets_failed, mailbox, e.getMessage()), e);
        }
    }

    @Override
    public synchronized void setPassword(String mailbox, char[] password) {
        try {
            if (password == null) {
                if (root.nodeExists(EncodingUtils.encodeSlashes(mailbox))) {
                    node(mailbox).removeNode();
                }
            } else {
                node(mailbox).put(KEY, new String(password), true);
            }
            root.flush();
        } catch (StorageException | IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.Secrets_failed, mailbox, e.getMessage()), e);
        }
    }
}
