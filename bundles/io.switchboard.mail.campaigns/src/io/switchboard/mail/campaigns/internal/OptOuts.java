package io.switchboard.mail.campaigns.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.switchboard.store.Database;
import io.switchboard.store.StoreException;

/**
 * The one writer of {@code mail_opt_outs} and {@code mail_unsubscribe_tokens}. Addresses are kept trimmed and in
 * lower case, so an opt-out matches whatever case a customer's address is stored in.
 */
public final class OptOuts {

    private final Database database;
    private final CampaignSchema schema = new CampaignSchema();
    private volatile boolean migrated;

    public OptOuts(Database database) {
        this.database = database;
    }

    private Connection connect() throws SQLException {
        if (!migrated) {
            database.migrate(schema);
            migrated = true;
        }
        return database.connect();
    }

    static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** Records the opt-out; a second one for the same address changes nothing. */
    public void optOut(String address, Long campaignId) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException(Messages.Campaign_noAddress);
        }
        try (Connection connection = connect()) {
            if (isOptedOut(connection, key(address))) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mail_opt_outs (address, opted_out_at, campaign_id) VALUES (?, ?, ?)")) {
                insert.setString(1, key(address));
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                if (campaignId == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, campaignId);
                }
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) { // another writer was first: opted out all the same
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    public boolean isOptedOut(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try (Connection connection = connect()) {
            return isOptedOut(connection, key(address));
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static boolean isOptedOut(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("SELECT 1 FROM mail_opt_outs WHERE address = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Stores the token of one recipient's unsubscribe address. */
    public void remember(String token, String address, long campaignId) {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mail_unsubscribe_tokens (token, address, campaign_id, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, token);
            insert.setString(2, key(address));
            insert.setLong(3, campaignId);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * Records the opt-out of the address a token was given to (an unsubscribe mail to
     * {@code unsubscribe+TOKEN@domain}).
     *
     * @return the address, or empty when the token is unknown
     */
    public Optional<String> optOutByToken(String token) {
        String address;
        long campaignId;
        try (Connection connection = connect(); PreparedStatement select = connection
                .prepareStatement("SELECT address, campaign_id FROM mail_unsubscribe_tokens WHERE token = ?")) {
            select.setString(1, token);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                address = rows.getString(1);
                campaignId = rows.getLong(2);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        optOut(address, campaignId);
        return Optional.of(address);
    }
}
