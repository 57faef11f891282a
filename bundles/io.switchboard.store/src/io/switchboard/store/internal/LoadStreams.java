package io.switchboard.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams that Derby's import procedure reads as if they were files, through URLs of the protocol
 * {@value #PROTOCOL}: a bulk load then takes rows while they are being produced, instead of from a file written
 * first. Derby's import opens its source twice: once to count the columns of the first row, then to read it all.
 * Each open therefore starts at the beginning: the first {@value #REPLAYABLE} bytes are kept for that, and the
 * stream can no longer be opened once a reader went past them.
 *
 * <p>The registry is static because the URL handler is created by whoever resolves the protocol: the OSGi
 * framework's URL service ({@link LoadStreamHandlerService}), or a plain JVM's handler factory.
 */
public final class LoadStreams {

    /** The URL protocol; a URL is {@code switchboard-load:<token>}. */
    public static final String PROTOCOL = "switchboard-load";

    /** What a second open can read again from the start. */
    static final int REPLAYABLE = 1 << 20;

    private static final Map<String, Replayable> STREAMS = new ConcurrentHashMap<>();

    private LoadStreams() {
    }

    /** Makes {@code source} readable at the returned URL until {@link #unregister(String)}. */
    public static String register(InputStream source) {
        String url = PROTOCOL + ":" + UUID.randomUUID();
        STREAMS.put(url, new Replayable(source));
        return url;
    }

    public static void unregister(String url) {
        STREAMS.remove(url);
    }

    /** The handler for {@value #PROTOCOL} URLs, for a JVM's {@link java.net.URLStreamHandlerFactory}. */
    public static URLStreamHandler handler() {
        return new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return connection(url);
            }
        };
    }

    static URLConnection connection(URL url) {
        return new URLConnection(url) {
            @Override
            public void connect() {
                connected = true;
            }

            @Override
            public InputStream getInputStream() throws IOException {
                Replayable stream = STREAMS.get(url.toExternalForm());
                if (stream == null) {
                    throw new IOException("no load stream " + url + " (finished, or never registered)");
                }
                return stream.open();
            }
        };
    }

    /** One source, opened any number of times from the start until one reader goes past the kept head. */
    static final class Replayable {
        private final InputStream source;
        private byte[] head = new byte[8192];
        private int headSize;
        /** The reader that went past the head; from then on the only one. */
        private Reader owner;

        Replayable(InputStream source) {
            this.source = source;
        }

        synchronized InputStream open() throws IOException {
            if (owner != null) {
                throw new IOException("a load stream is read once past its first " + REPLAYABLE + " bytes");
            }
            return new Reader();
        }

        private final class Reader extends InputStream {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                synchronized (Replayable.this) {
                    if (owner != null && owner != this) {
                        throw new IOException("another reader went past the start of this load stream");
                    }
                    if (position < headSize) {
                        int n = (int) Math.min(length, headSize - position);
                        System.arraycopy(head, (int) position, buffer, offset, n);
                        position += n;
                        return n;
                    }
                    if (owner == null && headSize < REPLAYABLE) {
                        int want = Math.min(length, REPLAYABLE - headSize);
                        if (head.length < headSize + want) {
                            head = Arrays.copyOf(head, Math.min(REPLAYABLE,
                                    Math.max(head.length * 2, headSize + want)));
                        }
                        int n = source.read(head, headSize, want);
                        if (n <= 0) {
                            return n;
                        }
                        headSize += n;
                        System.arraycopy(head, (int) position, buffer, offset, n);
                        position += n;
                        return n;
                    }
                    owner = this;
                    head = null;
                }
                int n = source.read(buffer, offset, length);
                if (n > 0) {
                    position += n;
                }
                return n;
            }
        }
    }
}
