package io.switchboard.mail.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;
import io.switchboard.mail.services.internal.SecureStorageSecrets;

/** Mailboxes in the database, their passwords only in Eclipse secure storage; test connection against GreenMail. */
class MailboxesTest {

    static final String PASSWORD = "s3cret-Pässwort-4711";

    @TempDir
    Path temp;

    /** Every file under {@code folder} that contains {@code secret} as UTF-8, ISO-8859-1 or UTF-16 bytes. */
    static List<Path> filesContaining(Path folder, String secret) throws IOException {
        List<byte[]> needles = List.of(secret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.ISO_8859_1), secret.getBytes(StandardCharsets.UTF_16BE),
                secret.getBytes(StandardCharsets.UTF_16LE));
        List<Path> found = new ArrayList<>();
        if (!Files.exists(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    if (indexOf(content, needle) >= 0) {
                        found.add(file);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void thePasswordIsInSecureStorageOnlyEncryptedAndNeverInTheDataFolder() throws Exception {
        Path storage = temp.resolve("secure/secure_storage");
        SecureStorageSecrets secrets = SecureStorageSecrets.open(storage, "master-of-test".toCharArray());
        try (MailFixture fixture = new MailFixture(temp.resolve("data"), secrets, 1024)) {
            Mailbox mailbox = new Mailbox("support", MailFixture.FROM,
                    new Server("smtp.example.org", 587, Security.STARTTLS, "support@example.com"),
                    new Server("imap.example.org", 993, Security.SSL, "support@example.com"), "<p>Your team</p>");
            fixture.mailboxes.save(mailbox);
            fixture.mailboxes.setPassword("support", PASSWORD.toCharArray());
            assertEquals(Optional.of(mailbox), fixture.mailboxes.find("support"));
            assertArrayEquals(PASSWORD.toCharArray(), secrets.password("support"));
            // A new storage object on the same file reads it back (it was flushed), with the same master password.
            assertArrayEquals(PASSWORD.toCharArray(),
                    SecureStorageSecrets.open(storage, "master-of-test".toCharArray()).password("support"));
            fixture.database.close();
            assertTrue(Files.size(storage) > 0);
            assertEquals(List.of(), filesContaining(temp.resolve("data"), PASSWORD), "password in the data folder");
            assertEquals(List.of(), filesContaining(storage.getParent(), PASSWORD), "password unencrypted");
            String dataDir = System.getProperty("switchboard.data.dir");
            if (dataDir != null) {
                assertEquals(List.of(), filesContaining(Path.of(dataDir), PASSWORD), "password in the test data folder");
            }
            String instance = System.getProperty("osgi.instance.area");
            if (instance != null && instance.startsWith("file:")) {
                assertEquals(List.of(), filesContaining(Path.of(java.net.URI.create(instance)), PASSWORD),
                        "password in the workspace's preferences");
            }
        }
        SecureStorageSecrets reopened = SecureStorageSecrets.open(storage, "master-of-test".toCharArray());
        reopened.setPassword("support", null);
        assertNull(reopened.password("support"));
    }

    @Test
    void invalidMailboxesAreRefusedNamingTheField() throws Exception {
        try (MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.mailboxes.save(new Mailbox("support", "not an address",
                            new Server("smtp.example.org", 25, Security.NONE, ""), null, "")));
            assertTrue(e.getMessage().contains("not an address"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> fixture.mailboxes.save(
                    new Mailbox("support", MailFixture.FROM, new Server("smtp.example.org", 70000, Security.NONE, ""),
                            null, "")));
            assertTrue(e.getMessage().contains("70000"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> fixture.mailboxes.save(
                    new Mailbox("a/b", MailFixture.FROM, new Server("smtp.example.org", 25, Security.NONE, ""), null,
                            "")));
            assertTrue(e.getMessage().contains("a/b"), e.getMessage());
            assertTrue(fixture.mailboxes.list().isEmpty());
        }
    }

    @Test
    void testConnectionLogsInToSmtpAndImapAndReportsAWrongPassword() throws Exception {
        int smtp = MailFixture.freePort();
        int imap = MailFixture.freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        try {
            greenMail.setUser("support@example.com", "support", "right-password");
            SecureStorageSecrets secrets = SecureStorageSecrets.open(temp.resolve("secure/storage"),
                    "master".toCharArray());
            try (MailFixture fixture = new MailFixture(temp.resolve("data"), secrets, 1024)) {
                fixture.mailboxes.save(new Mailbox("support", MailFixture.FROM,
                        new Server("127.0.0.1", smtp, Security.NONE, "support"),
                        new Server("127.0.0.1", imap, Security.NONE, "support"), ""));
                fixture.mailboxes.setPassword("support", "right-password".toCharArray());
                assertEquals(Optional.empty(), fixture.mailboxes.testConnection("support"));

                fixture.mailboxes.setPassword("support", "wrong".toCharArray());
                Optional<String> failure = fixture.mailboxes.testConnection("support");
                assertTrue(failure.isPresent());
                assertTrue(failure.get().contains(Integer.toString(smtp)) || failure.get().contains(Integer.toString(imap)),
                        failure.get());

                greenMail.stop();
                failure = fixture.mailboxes.testConnection("support");
                assertTrue(failure.isPresent() && failure.get().contains("SMTP"), failure.toString());
                assertFalse(fixture.mailboxes.testConnection("nobody").isEmpty());
            }
        } finally {
            greenMail.stop();
        }
    }
}
