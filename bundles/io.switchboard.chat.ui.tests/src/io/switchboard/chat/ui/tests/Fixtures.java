package io.switchboard.chat.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventAdmin;

import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.chat.ChatService;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.tickets.TicketRepository;

/** The real services of the test runtime. */
final class Fixtures {

    private Fixtures() {
    }

    static void useFreshDataFolder() throws IOException {
        FreshDataFolder.use();
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, "no " + type.getSimpleName() + " service");
        return context.getService(reference);
    }

    static synchronized ChatService chatService() {
        BundleContext context = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        if (context.getServiceReference(ChatService.class) == null) {
            context.registerService(ChatService.class, new StandInChatService(service(EventAdmin.class),
                    service(CustomerRepository.class), service(TicketRepository.class)), null);
        }
        return service(ChatService.class);
    }
}
