package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories for Jakarta Mail that turn Nagle's algorithm off. Jakarta Mail writes the end of a message's
 * data (the final ".") as a small segment of its own; with Nagle's algorithm on, it waits for the acknowledgement
 * of the previous segment, which the server delays (delayed ACK, about 40 ms on Linux): every message then costs
 * 40 ms however fast the server is. SMTP is a request-reply protocol whose writes are already buffered per
 * command, so sending at once is right.
 */
final class NoDelaySockets extends SocketFactory {

    private final SocketFactory delegate;

    private NoDelaySockets(SocketFactory delegate) {
        this.delegate = delegate;
    }

    static SocketFactory plain() {
        return new NoDelaySockets(SocketFactory.getDefault());
    }

    static SocketFactory ssl() {
        return new NoDelaySockets(SSLSocketFactory.getDefault());
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }
}
