package io.switchboard.chat.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.StatementPair;

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

    /** What the bot knows in these tests: a few FAQ answers, in English and in Chinese. */
    static final List<StatementPair> FAQ = List.of(
            new StatementPair("What are your opening hours?", "We are open from 9 am to 5 pm, Monday to Friday."),
            new StatementPair("When are you open?", "We are open from 9 am to 5 pm, Monday to Friday."),
            new StatementPair("When will my new card arrive?", "Your card arrives within 5 working days."),
            new StatementPair("My card has not arrived yet", "Your card arrives within 5 working days."),
            new StatementPair("How do I change my contract?",
                    "You can change your contract in the app under Settings, Contract."),
            new StatementPair("Can I switch to another contract?",
                    "You can change your contract in the app under Settings, Contract."),
            new StatementPair("How can I reset my password?",
                    "Use Forgot password on the sign-in page and we send you a link."),
            new StatementPair("\u4f60\u4eec\u51e0\u70b9\u8425\u4e1a\uff1f",
                    "\u6211\u4eec\u5468\u4e00\u81f3\u5468\u4e94\u4e0a\u5348\u4e5d\u70b9\u5230\u4e0b\u5348\u4e94\u70b9\u8425\u4e1a\u3002"),
            new StatementPair("\u6211\u7684\u65b0\u5361\u4ec0\u4e48\u65f6\u5019\u5230\uff1f",
                    "\u60a8\u7684\u5361\u4f1a\u5728\u4e94\u4e2a\u5de5\u4f5c\u65e5\u5185\u5bc4\u5230\u3002"),
            new StatementPair("\u600e\u4e48\u66f4\u6539\u6211\u7684\u5408\u540c\uff1f",
                    "\u60a8\u53ef\u4ee5\u5728\u5e94\u7528\u7684\u8bbe\u7f6e\u91cc\u66f4\u6539\u5408\u540c\u3002"));

    /** The real chat service, with a bot that knows {@link #FAQ}. */
    static synchronized ChatService chatService() {
        Chatbot bot = service(Chatbot.class);
        if (bot.size() == 0) {
            bot.learn(FAQ, "chat console tests");
        }
        return service(ChatService.class);
    }

    /** A bundle's state and how many services of a type are registered, for failure messages. */
    static String describe(String bundle, Class<?> type) {
        BundleContext context = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        StringBuilder text = new StringBuilder();
        for (var b : context.getBundles()) {
            if (b.getSymbolicName().equals(bundle)) {
                text.append(bundle).append(" state ").append(b.getState());
            }
        }
        try {
            var references = context.getServiceReferences(type.getName(), null);
            text.append(", ").append(references == null ? 0 : references.length).append(" ").append(type.getSimpleName());
        } catch (Exception e) {
            text.append(", ").append(e);
        }
        return text.toString();
    }
}
