package io.switchboard.testing;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Looks a service up the way a consumer would, through the calling test bundle's context, waiting for DS to
 * satisfy the component: a missing service fails the test naming the type, rather than a {@code null} later.
 */
public final class Services {

    /** Long enough for a store to start on a busy build machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Services() {
    }

    /** The service, waiting up to {@link #TIMEOUT} for it. */
    public static <T> T get(Class<T> type) {
        return get(Caller.bundle().getBundleContext(), type, TIMEOUT);
    }

    /** The service, waiting up to {@code timeout} for it. */
    public static <T> T get(Class<T> type, Duration timeout) {
        return get(Caller.bundle().getBundleContext(), type, timeout);
    }

    /** The calling test bundle's context, e.g. to register a listener or find another bundle. */
    public static BundleContext context() {
        return Caller.bundle().getBundleContext();
    }

    static <T> T get(BundleContext context, Class<T> type, Duration timeout) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service registered");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            tracker.close();
        }
    }
}
