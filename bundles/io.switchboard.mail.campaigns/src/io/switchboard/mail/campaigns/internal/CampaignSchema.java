package io.switchboard.mail.campaigns.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;

/**
 * The campaigns' tables: addresses that opted out, and the per-recipient unsubscribe tokens of the
 * {@code mailto:unsubscribe+TOKEN@domain} addresses the campaigns' mail carries. One writer: {@link OptOuts}.
 */
@Component(service = SchemaMigrations.class)
public class CampaignSchema implements SchemaMigrations {

    public static final String CAPABILITY = "mail.campaigns";

    static final List<Migration> MIGRATIONS = List.of(Migration.sql(1, "opt-outs and unsubscribe tokens",
            "CREATE TABLE mail_opt_outs (address VARCHAR(500) NOT NULL PRIMARY KEY,"
                    + " opted_out_at TIMESTAMP NOT NULL, campaign_id BIGINT)",
            "CREATE TABLE mail_unsubscribe_tokens (token VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " address VARCHAR(500) NOT NULL, campaign_id BIGINT NOT NULL, created_at TIMESTAMP NOT NULL)"));

    @Override
    public String capability() {
        return CAPABILITY;
    }

    @Override
    public List<Migration> migrations() {
        return MIGRATIONS;
    }

    @Override
    public Set<String> requires() {
        return Set.of();
    }
}
