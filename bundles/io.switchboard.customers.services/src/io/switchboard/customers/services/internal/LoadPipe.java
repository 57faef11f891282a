package io.switchboard.customers.services.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Bytes from the thread that writes a bulk load's rows to the thread that loads them into the database, a bounded
 * number of chunks at a time. Either side can {@linkplain #fail(IOException) fail} the pipe: the other one's next
 * write or read then throws, so a load never ends as if its rows were complete when they were not.
 */
final class LoadPipe {

    private static final int CHUNKS = 64;
    private static final byte[] END = new byte[0];
    private static final byte[] FAILED = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile IOException failure;

    /** The writing end; closing it ends the rows. */
    final OutputStream sink = new OutputStream() {
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("the load's rows were already ended");
            }
            if (length > 0) {
                put(Arrays.copyOfRange(bytes, offset, offset + length));
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                put(END);
            }
        }
    };

    /** The reading end. */
    final InputStream source = new InputStream() {
        private byte[] chunk;
        private int position;

        @Override
        public int read() throws IOException {
            return next() ? chunk[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        /** Waits for a chunk with bytes left; {@code false} at the end of the rows. */
        private boolean next() throws IOException {
            while (chunk == null || position == chunk.length) {
                if (chunk == END) {
                    return false;
                }
                checkFailure();
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the load's rows");
                }
                position = 0;
                if (chunk == FAILED) {
                    checkFailure();
                }
            }
            return true;
        }
    };

    /** Fails both ends: the writer's next write and the reader's next read throw {@code cause}. */
    void fail(IOException cause) {
        if (failure == null) {
            failure = cause;
        }
        // Wake a writer blocked on a full queue, and a reader blocked on an empty one.
        chunks.clear();
        while (!chunks.offer(FAILED)) {
            chunks.poll();
        }
    }

    private void put(byte[] chunk) throws IOException {
        checkFailure();
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over the load's rows");
        }
        checkFailure();
    }

    private void checkFailure() throws IOException {
        IOException cause = failure;
        if (cause != null) {
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
