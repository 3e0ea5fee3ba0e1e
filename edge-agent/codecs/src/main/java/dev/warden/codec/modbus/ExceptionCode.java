package dev.warden.codec.modbus;

/** Exception codes a device sends back (function code | 0x80, then the code), with what each means. */
public enum ExceptionCode {
    ILLEGAL_FUNCTION(0x01, "the device does not support this function"),
    ILLEGAL_DATA_ADDRESS(0x02, "the address range does not exist on the device"),
    ILLEGAL_DATA_VALUE(0x03, "a value in the request is not allowed (quantity, byte count, coil value)"),
    SERVER_DEVICE_FAILURE(0x04, "the device failed while performing the request"),
    ACKNOWLEDGE(0x05, "accepted; a long operation is running, poll for its completion"),
    SERVER_DEVICE_BUSY(0x06, "the device is busy with a long operation; retry later"),
    MEMORY_PARITY_ERROR(0x08, "the device found a parity error in its memory"),
    GATEWAY_PATH_UNAVAILABLE(0x0A, "the gateway has no path to the target"),
    GATEWAY_TARGET_FAILED_TO_RESPOND(0x0B, "the gateway got no answer from the target"),
    /** Any code the specification does not define (vendor-specific); the raw value stays in the response. */
    UNDEFINED(-1, "a code the Modbus specification does not define");

    private final int code;
    private final String meaning;

    ExceptionCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The code on the wire; -1 for {@link #UNDEFINED}. */
    public int code() {
        return code;
    }

    /** What the code means, in words. */
    public String meaning() {
        return meaning;
    }

    /** The constant for a code on the wire; {@link #UNDEFINED} for codes the specification does not define. */
    public static ExceptionCode of(int code) {
        for (ExceptionCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return UNDEFINED;
    }
}
