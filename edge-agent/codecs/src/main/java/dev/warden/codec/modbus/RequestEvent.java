package dev.warden.codec.modbus;

import java.util.Objects;

/** What {@link ModbusRequestReader} found on the line. */
public sealed interface RequestEvent {

    /** A complete, CRC-valid request (unit 0 = broadcast: act on it, answer nothing). */
    record Received(ModbusRequest request) implements RequestEvent {
        public Received {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A complete, CRC-valid frame that is not a request this codec can carry: an unknown function, a quantity or
     * byte count out of range. The addressed device answers with {@code code} (unless {@code unitId} is 0).
     */
    record Refused(int unitId, int functionCode, ExceptionCode code, String detail) implements RequestEvent {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** {@code bytes} bytes that are no frame (noise, a corrupted or truncated frame) were dropped. */
    record Skipped(int bytes, String reason) implements RequestEvent {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
