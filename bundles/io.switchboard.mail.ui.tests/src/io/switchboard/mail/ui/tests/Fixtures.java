package io.switchboard.mail.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The real services of the test runtime. */
final class Fixtures {

    private Fixtures() {
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, "no " + type.getSimpleName() + " service");
        return context.getService(reference);
    }
}
