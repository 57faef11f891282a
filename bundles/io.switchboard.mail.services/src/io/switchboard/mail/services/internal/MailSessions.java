package io.switchboard.mail.services.internal;

import java.util.Properties;

import javax.mail.Session;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;

/** Jakarta Mail sessions for a mailbox's servers, with timeouts so a dead server never hangs the sender. */
final class MailSessions {

    static final int TIMEOUT_MS = 20_000;

    private MailSessions() {
    }

    static Session smtp(Mailbox mailbox) {
        Server server = mailbox.smtp();
        String protocol = server.security() == Security.SSL ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        put(properties, protocol, "host", server.host());
        put(properties, protocol, "port", Integer.toString(server.port()));
        put(properties, protocol, "auth", Boolean.toString(!server.user().isEmpty()));
        put(properties, protocol, "connectiontimeout", Integer.toString(TIMEOUT_MS));
        put(properties, protocol, "timeout", Integer.toString(TIMEOUT_MS));
        put(properties, protocol, "writetimeout", Integer.toString(TIMEOUT_MS));
        // The message goes to the recipients the server accepts; the rejected ones are reported.
        put(properties, protocol, "sendpartial", "true");
        if (server.security() == Security.STARTTLS) {
            put(properties, protocol, "starttls.enable", "true");
            put(properties, protocol, "starttls.required", "true");
        }
        if (server.security() == Security.SSL) {
            put(properties, protocol, "ssl.enable", "true");
            put(properties, protocol, "ssl.checkserveridentity", "true");
            properties.put("mail." + protocol + ".ssl.socketFactory", NoDelaySockets.ssl());
        } else {
            // Without it each message waits ~40 ms for a delayed ACK (see NoDelaySockets).
            properties.put("mail." + protocol + ".socketFactory", NoDelaySockets.plain());
        }
        return Session.getInstance(properties);
    }

    static Session imap(Mailbox mailbox) {
        Server server = mailbox.imap();
        String protocol = server.security() == Security.SSL ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol);
        put(properties, protocol, "host", server.host());
        put(properties, protocol, "port", Integer.toString(server.port()));
        put(properties, protocol, "connectiontimeout", Integer.toString(TIMEOUT_MS));
        put(properties, protocol, "timeout", Integer.toString(TIMEOUT_MS));
        if (server.security() == Security.STARTTLS) {
            put(properties, protocol, "starttls.enable", "true");
            put(properties, protocol, "starttls.required", "true");
        }
        if (server.security() == Security.SSL) {
            put(properties, protocol, "ssl.enable", "true");
            put(properties, protocol, "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    static String protocol(Server server, boolean imap) {
        return (imap ? "imap" : "smtp") + (server.security() == Security.SSL ? "s" : "");
    }

    private static void put(Properties properties, String protocol, String key, String value) {
        properties.setProperty("mail." + protocol + "." + key, value);
    }
}
