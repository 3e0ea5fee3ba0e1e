package dev.warden.controller.readerkey;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code reader_key}: the reader's SCBK as 32 hex characters. Its text form never shows the key. */
@MappedEntity(value = "reader_key", escape = false)
public record ReaderKeyRow(@Id String readerId, String scbk, Instant createdAt) {
    @Override
    public String toString() {
        return "ReaderKeyRow[readerId=" + readerId + ", scbk=<redacted>, createdAt=" + createdAt + "]";
    }
}
