package io.switchboard.mail.campaigns.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.switchboard.mail.MailTemplate;

/** The {@link MailTemplate} service: {@link Templates}. */
@Component(service = MailTemplate.class)
public class TemplateComponent implements MailTemplate {

    private final Templates templates = new Templates();

    @Override
    public Rendered render(String subject, String body, Map<String, String> values) throws MissingPlaceholderException {
        return templates.render(subject, body, values);
    }

    @Override
    public List<String> placeholders(String text) {
        return templates.placeholders(text);
    }
}
