package io.switchboard.mail.fetch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.FetchProfile;
import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.UIDFolder;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.eclipse.osgi.util.NLS;

import com.sun.mail.imap.IMAPFolder;

import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.mail.Campaigns;
import io.switchboard.mail.MailFetcher.FetchReport;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.fetch.internal.FetchStore.Incoming;
import io.switchboard.mail.fetch.internal.ParsedMail.Attachment;
import io.switchboard.mail.fetch.internal.ParsedMail.Kind;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;

/**
 * Reads new mail from IMAP inboxes and turns it into customers, timeline entries and tickets. The plain class behind
 * the {@link io.switchboard.mail.MailFetcher} component; tests and the benchmark build it with accounts of their own.
 *
 * <p>Each message is taken once: only UIDs above the folder's last UID are read, a message already recorded (by
 * its place or by its Message-ID) is skipped, the row that records it and the folder's last UID are written in one
 * transaction after the message's customer, timeline entry and ticket, and the ticket is created under an import
 * key made of the message's key, so a crash between the ticket and the record never opens a second ticket. Taken
 * messages are flagged \Seen on the server; a rejected one (no sender) is left unread there for a person to look at,
 * recorded with its reason and counted.
 */
public final class MailFetch {

    private static final System.Logger LOG = System.getLogger(MailFetch.class.getName());
    /** The one folder read. */
    public static final String INBOX = "INBOX";
    /** Channel name tickets and messages are written under. */
    static final String AGENT = "mail";
    private static final Pattern TICKET_TAG = Pattern.compile("\\[#(\\d{1,18})\\]");
    private static final int CHUNK = 200;
    private static final int BODY_LIMIT = 32000;
    private static final int NAME_LIMIT = 200;
    /** The headers an unsubscribe address is looked for in. */
    static final String[] RECIPIENT_HEADERS = { "To", "Cc", "Delivered-To", "X-Original-To" };
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(?i)unsubscribe\\+([A-Za-z0-9_-]{1,100})@[^@\\s]+");

    private final FetchStore store;
    private final CustomerRepository customers;
    private final InteractionLog timeline;
    private final TicketRepository tickets;
    private final Supplier<Path> attachments;
    private final LongSupplier attachmentLimit;
    private final Events events;
    private final Supplier<Campaigns> campaigns;
    private final ReentrantLock lock = new ReentrantLock();
    /** Ids are reserved a chunk at a time: one transaction fewer per message. */
    private long nextId;
    private long idsLeft;

    /** Where the fetcher announces a message it stored (after the commit); the component forwards to Event Admin. */
    @FunctionalInterface
    public interface Events {
        void received(long incomingId);
    }

    /**
     * @param attachments     the folder attachments are kept in (under the data folder), asked when one is kept
     * @param attachmentLimit the largest attachment kept, in bytes
     */
    public MailFetch(FetchStore store, CustomerRepository customers, InteractionLog timeline, TicketRepository tickets,
            Supplier<Path> attachments, LongSupplier attachmentLimit, Events events) {
        this(store, customers, timeline, tickets, attachments, attachmentLimit, events, () -> null);
    }

    /**
     * @param campaigns the campaigns service or {@code null} when none runs (asked per message): mail to an
     *                  {@code unsubscribe+TOKEN@} address records that opt-out and opens no ticket
     */
    public MailFetch(FetchStore store, CustomerRepository customers, InteractionLog timeline, TicketRepository tickets,
            Supplier<Path> attachments, LongSupplier attachmentLimit, Events events, Supplier<Campaigns> campaigns) {
        this.campaigns = campaigns;
        this.store = store;
        this.customers = customers;
        this.timeline = timeline;
        this.tickets = tickets;
        this.attachments = attachments;
        this.attachmentLimit = attachmentLimit;
        this.events = events;
    }

    public FetchStore store() {
        return store;
    }

    /** Counts of one fetch. */
    private static final class Counts {
        long fetched;
        long ticketsNew;
        long ticketsContinued;
        long rejected;

        FetchReport report() {
            return new FetchReport(fetched, ticketsNew, ticketsContinued, rejected);
        }
    }

    /**
     * Reads every account's inbox once. One fetch runs at a time (the background job and the command line).
     *
     * @throws MailFetchException naming the mailbox, when a server cannot be reached or the login fails; what was
     *                            taken from the mailboxes before is kept and counted in the log
     */
    public FetchReport fetch(List<Account> accounts, Progress progress) throws MailFetchException {
        lock.lock();
        // Jakarta Mail finds its content handlers (multipart/*, text/*) through the mailcap files it sees with the
        // thread's context class loader; under OSGi that must be its own bundle's loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Counts counts = new Counts();
            List<String> failures = new ArrayList<>();
            for (Account account : accounts) {
                if (account.mailbox().imap() == null || progress.isCanceled()) {
                    continue;
                }
                try {
                    fetch(account, counts, progress);
                } catch (MessagingException e) {
                    LOG.log(System.Logger.Level.WARNING, "mailbox " + account.mailbox().name() + ": " + e, e);
                    failures.add(NLS.bind(Messages.Fetch_serverFailed, account.mailbox().name(), reason(e)));
                }
            }
            if (!failures.isEmpty()) {
                throw new MailFetchException(String.join("; ", failures), counts.report());
            }
            return counts.report();
        } finally {
            thread.setContextClassLoader(previous);
            lock.unlock();
        }
    }

    private static String reason(MessagingException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    static Session session(Mailbox.Server server) {
        Properties p = new Properties();
        String protocol = server.security() == Mailbox.Security.SSL ? "imaps" : "imap";
        p.setProperty("mail.store.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", server.host());
        p.setProperty("mail." + protocol + ".port", Integer.toString(server.port()));
        p.setProperty("mail." + protocol + ".connectiontimeout", "20000");
        p.setProperty("mail." + protocol + ".timeout", "60000");
        p.setProperty("mail." + protocol + ".peek", "true");
        p.setProperty("mail." + protocol + ".partialfetch", "true");
        p.setProperty("mail." + protocol + ".fetchsize", "1048576");
        if (server.security() == Mailbox.Security.STARTTLS) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        if (server.security() == Mailbox.Security.SSL) {
            p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        return Session.getInstance(p);
    }

    private void fetch(Account account, Counts counts, Progress progress) throws MessagingException {
        Mailbox mailbox = account.mailbox();
        Mailbox.Server server = mailbox.imap();
        Session session = session(server);
        Store imap = session.getStore(server.security() == Mailbox.Security.SSL ? "imaps" : "imap");
        String user = server.user() == null || server.user().isEmpty() ? null : server.user();
        String password = account.password() == null ? null : new String(account.password());
        imap.connect(server.host(), server.port(), user, password);
        try {
            IMAPFolder folder = (IMAPFolder) imap.getFolder(INBOX);
            folder.open(Folder.READ_WRITE);
            try {
                fetchFolder(mailbox.name(), folder, counts, progress);
            } finally {
                folder.close(false);
            }
        } finally {
            imap.close();
        }
    }

    private void fetchFolder(String mailbox, IMAPFolder folder, Counts counts, Progress progress)
            throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        long lastUid = store.folder(mailbox, INBOX).filter(s -> s.uidValidity() == uidValidity)
                .map(FetchStore.FolderState::lastUid).orElse(0L);
        long next = folder.getUIDNext();
        if (next > 0 && next <= lastUid + 1) {
            return;
        }
        Message[] all = folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
        long total = all.length;
        progress.begin(NLS.bind(Messages.Fetch_task, mailbox), total);
        long done = 0;
        for (int from = 0; from < all.length && !progress.isCanceled(); from += CHUNK) {
            Message[] chunk = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + CHUNK));
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(IMAPFolder.FetchProfileItem.HEADERS);
            folder.fetch(chunk, profile);
            List<Message> seen = new ArrayList<>();
            for (Message message : chunk) {
                if (progress.isCanceled()) {
                    break;
                }
                long uid = folder.getUID(message);
                if (uid <= lastUid) {
                    continue; // a server answers "n:*" with the last message even when n is beyond it
                }
                if (take(mailbox, uidValidity, uid, (MimeMessage) message, counts)) {
                    seen.add(message);
                }
                progress.worked(++done);
            }
            if (!seen.isEmpty()) {
                folder.setFlags(seen.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
            }
        }
    }

    /**
     * Takes one message: customer, timeline, ticket, attachments, then the record. Answers whether it may be flagged
     * \Seen ({@code false} for a rejected one).
     */
    private boolean take(String mailbox, long uidValidity, long uid, MimeMessage message, Counts counts)
            throws MessagingException {
        ParsedMail mail = MailParser.parse(message);
        String key = FetchStore.messageKey(mail.messageId(), mailbox, INBOX, uidValidity, uid);
        if (store.known(key, mailbox, INBOX, uidValidity, uid)) {
            store.advance(mailbox, INBOX, uidValidity, uid);
            return true;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = newId();
        Campaigns optOuts = campaigns.get();
        String token = optOuts == null ? null : unsubscribeToken(message);
        if (token != null) {
            // an unsubscribe request: no customer, no timeline entry, no ticket; counted as fetched
            boolean known = optOuts.optOutByToken(token);
            String note = known ? NLS.bind(Messages.Fetch_unsubscribed, mail.address() == null ? token
                    : mail.address()) : Messages.Fetch_unsubscribeUnknown;
            LOG.log(System.Logger.Level.INFO, "mailbox " + mailbox + ", UID " + uid + ": unsubscribe request, token "
                    + (known ? "known" : "unknown"));
            if (store.record(new Incoming(id, mailbox, INBOX, uidValidity, uid, key, mail.messageId(),
                    mail.address(), mail.subject(), "UNSUBSCRIBE", null, null, now, note))) {
                counts.fetched++;
                events.received(id);
            }
            return true;
        }
        if (mail.address() == null) {
            String reason = Messages.Fetch_noSender;
            LOG.log(System.Logger.Level.WARNING, "mailbox " + mailbox + ", UID " + uid + " ("
                    + mail.messageId() + ", \"" + mail.subject() + "\") rejected: no sender address");
            if (store.record(new Incoming(id, mailbox, INBOX, uidValidity, uid, key, mail.messageId(), null,
                    mail.subject(), "REJECTED", null, null, now, reason))) {
                counts.rejected++;
            }
            return false;
        }
        List<String> notes = new ArrayList<>(mail.notes());
        Optional<Customer> found = customers.findByEmail(mail.address());
        Customer customer;
        if (found.isPresent()) {
            customer = found.get();
        } else if (mail.kind() != Kind.MESSAGE) {
            customer = null; // an auto-reply or a bounce from an unknown address creates no customer
        } else {
            try {
                customer = newCustomer(mail);
            } catch (IllegalArgumentException e) {
                String reason = NLS.bind(Messages.Fetch_badSender, mail.address(), e.getMessage());
                LOG.log(System.Logger.Level.WARNING, "mailbox " + mailbox + ", UID " + uid + " rejected: " + reason);
                if (store.record(new Incoming(id, mailbox, INBOX, uidValidity, uid, key, mail.messageId(),
                        mail.address(), mail.subject(), "REJECTED", null, null, now, reason))) {
                    counts.rejected++;
                }
                return false;
            }
        }
        keepAttachments(id, mail.attachments(), notes);
        String text = bodyWithNotes(mail.text(), notes);
        Long ticketId = null;
        boolean continued = false;
        boolean created = false;
        if (customer != null && mail.kind() == Kind.MESSAGE) {
            Optional<Ticket> thread = thread(mail, customer.getId());
            if (thread.isPresent()) {
                ticketId = thread.get().getId();
                String author = mail.personal() != null ? mail.personal() : mail.address();
                tickets.addMessage(new TicketMessage(null, ticketId,
                        io.switchboard.customers.Interaction.Direction.INBOUND, FetchStore.cut(author, NAME_LIMIT),
                        now, FetchStore.cut(text.isEmpty()
                                ? mail.subject() : text, BODY_LIMIT)));
                reopen(thread.get());
                continued = true;
            } else {
                String importKey = "mail:" + key;
                Ticket ticket = new Ticket(customer.getId(),
                        FetchStore.cut(mail.subject().isEmpty() ? Messages.Fetch_noSubject : mail.subject(), 500),
                        FetchStore.cut(text, BODY_LIMIT));
                ticket.setChannel(io.switchboard.customers.Interaction.Channel.MAIL);
                Optional<Ticket> stored = tickets.createOnce(ticket, AGENT, importKey);
                ticketId = stored.map(Ticket::getId).or(() -> store.ticketByImportKey(importKey)).orElse(null);
                created = stored.isPresent();
            }
        }
        if (customer != null) {
            Interaction entry = new Interaction();
            entry.setCustomerId(customer.getId());
            entry.setChannel(Interaction.Channel.MAIL);
            entry.setDirection(Interaction.Direction.INBOUND);
            entry.setOccurredAt(now);
            entry.setAgent(AGENT);
            entry.setSummary(FetchStore.cut(mail.subject(), 500));
            entry.setBody(FetchStore.cut(text, BODY_LIMIT));
            entry.setReference(FetchStore.cut(mail.messageId() != null ? mail.messageId() : key, 200));
            timeline.append(entry);
        }
        String note = notes.isEmpty() ? null : String.join("\n", notes);
        boolean recorded = store.record(new Incoming(id, mailbox, INBOX, uidValidity, uid, key, mail.messageId(),
                mail.address(), mail.subject(), mail.kind().name(), customer == null ? null : customer.getId(),
                ticketId, now, note));
        if (recorded) {
            counts.fetched++;
            if (created) {
                counts.ticketsNew++;
            } else if (continued) {
                counts.ticketsContinued++;
            }
            events.received(id);
        }
        return true;
    }

    /** The token of the first {@code unsubscribe+TOKEN@} address in a recipient header, or {@code null}. */
    private static String unsubscribeToken(MimeMessage message) throws MessagingException {
        for (String header : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    String token = unsubscribeToken(value);
                    if (token != null) {
                        return token;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The token of the first {@code unsubscribe+TOKEN@domain} address in one recipient header's value (a list of
     * addresses, with or without names and angle brackets), or {@code null}. Only an address's local part counts,
     * never a display name.
     */
    public static String unsubscribeToken(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(header, false);
        } catch (AddressException e) {
            return null;
        }
        for (InternetAddress address : addresses) {
            String text = address.getAddress();
            Matcher matcher = text == null ? null : UNSUBSCRIBE.matcher(text.strip());
            if (matcher != null && matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private long newId() {
        if (idsLeft == 0) {
            nextId = store.newIds(CHUNK);
            idsLeft = CHUNK;
        }
        idsLeft--;
        return nextId++;
    }

    private Customer newCustomer(ParsedMail mail) {
        String name = mail.personal();
        if (name == null || name.isBlank()) {
            name = mail.address().substring(0, mail.address().indexOf('@'));
        }
        Customer customer = new Customer(FetchStore.cut(name, NAME_LIMIT));
        customer.addContact(ContactKind.EMAIL, mail.address());
        try {
            return customers.save(customer);
        } catch (StaleCustomerException e) {
            throw new IllegalStateException(e); // a new customer has no version to be stale against
        }
    }

    /** The ticket a reply belongs to: by In-Reply-To/References, then by a "[#123]" tag of the customer's ticket. */
    private Optional<Ticket> thread(ParsedMail mail, long customerId) {
        Optional<Ticket> byReference = store.threadTicket(mail.threadIds()).flatMap(tickets::find);
        if (byReference.isPresent()) {
            return byReference;
        }
        Matcher tag = TICKET_TAG.matcher(mail.subject());
        while (tag.find()) {
            Optional<Ticket> ticket = tickets.find(Long.parseLong(tag.group(1)));
            // a tag can be typed by anyone: only the customer's own ticket is continued
            if (ticket.isPresent() && ticket.get().getCustomerId() == customerId) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /** A customer's reply to a resolved or closed ticket opens it again. */
    private void reopen(Ticket ticket) {
        if (ticket.getStatus() == TicketStatus.RESOLVED || ticket.getStatus() == TicketStatus.CLOSED) {
            Optional<Ticket> current = tickets.find(ticket.getId());
            if (current.isPresent()) {
                current.get().setStatus(TicketStatus.OPEN);
                try {
                    tickets.save(current.get(), AGENT);
                } catch (io.switchboard.tickets.StaleTicketException e) {
                    LOG.log(System.Logger.Level.INFO, "ticket " + ticket.getId() + " changed meanwhile; not reopened");
                }
            }
        }
    }

    private static String bodyWithNotes(String text, List<String> notes) {
        if (notes.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        if (out.length() > 0) {
            out.append("\n\n");
        }
        for (String note : notes) {
            out.append('[').append(note).append("]\n");
        }
        return out.toString().strip();
    }

    /**
     * Keeps the attachments under {@code attachments/<incoming id>/}: one over the limit is not read from the server
     * (or stops being read when it turns out larger than announced) and is noted, as is one that cannot be read.
     */
    private void keepAttachments(long id, List<Attachment> list, List<String> notes) throws MessagingException {
        long limit = attachmentLimit.getAsLong();
        Path folder = null;
        for (Attachment attachment : list) {
            String name = safeFileName(attachment.fileName());
            if (attachment.size() > limit) {
                notes.add(NLS.bind(Messages.Fetch_attachmentTooLarge,
                        new Object[] { name, megabytes(attachment.size()), megabytes(limit) }));
                continue;
            }
            try {
                if (folder == null) {
                    folder = Files.createDirectories(attachments.get().resolve(Long.toString(id)));
                }
                Path file = unique(folder, name);
                long size;
                try (InputStream in = attachment.part().getInputStream();
                        OutputStream out = Files.newOutputStream(file)) {
                    size = copy(in, out, limit);
                }
                if (size > limit) {
                    Files.deleteIfExists(file);
                    notes.add(NLS.bind(Messages.Fetch_attachmentTooLarge,
                            new Object[] { name, megabytes(size), megabytes(limit) }));
                } else {
                    notes.add(NLS.bind(Messages.Fetch_attachmentKept, name, megabytes(size)));
                }
            } catch (IOException e) {
                notes.add(NLS.bind(Messages.Fetch_attachmentUnreadable, name, e.getMessage()));
            } catch (MessagingException e) {
                if (e instanceof javax.mail.FolderClosedException || e instanceof javax.mail.StoreClosedException) {
                    throw e;
                }
                notes.add(NLS.bind(Messages.Fetch_attachmentUnreadable, name, e.getMessage()));
            }
        }
    }

    /** Copies until the end or until more than {@code limit} bytes were read; answers the bytes read. */
    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > limit) {
                return total;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A file name without folders or characters that file systems refuse. */
    static String safeFileName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\x00-\\x1f<>:\"|?*]", "_").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "attachment";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static Path unique(Path folder, String name) {
        Path file = folder.resolve(name);
        for (int i = 2; Files.exists(file); i++) {
            int dot = name.lastIndexOf('.');
            file = folder.resolve(dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i);
        }
        return file;
    }
}
