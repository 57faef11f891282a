package io.switchboard.store.internal;

import java.net.URL;
import java.net.URLConnection;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.url.AbstractURLStreamHandlerService;
import org.osgi.service.url.URLConstants;
import org.osgi.service.url.URLStreamHandlerService;

/** Resolves {@value LoadStreams#PROTOCOL} URLs in the OSGi framework, for Derby's import procedure. */
@Component(service = URLStreamHandlerService.class,
        property = URLConstants.URL_HANDLER_PROTOCOL + "=" + LoadStreams.PROTOCOL)
public class LoadStreamHandlerService extends AbstractURLStreamHandlerService {

    @Override
    public URLConnection openConnection(URL url) {
        return LoadStreams.connection(url);
    }
}
