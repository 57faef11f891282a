package io.switchboard.customers.services.internal;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.persistence.AttributeConverter;

/** JPA 3.1 has no mapping for {@link Instant}; stored as a TIMESTAMP like everywhere else in the schema. */
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
