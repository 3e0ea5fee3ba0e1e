package dev.warden.codec.fingerprint;

/**
 * The confirmation code of an acknowledgement: the first payload byte of every ACK packet. A code the module
 * documentation does not list decodes as {@link #UNDOCUMENTED}; the reply keeps the raw byte.
 */
public enum ConfirmationCode {
    OK(0x00, "instruction complete"),
    PACKET_RECEIVE_ERROR(0x01, "error receiving the packet"),
    NO_FINGER(0x02, "no finger on the sensor"),
    IMAGE_CAPTURE_FAILED(0x03, "failed to capture the finger image"),
    IMAGE_TOO_MESSY(0x06, "image too messy to generate a template"),
    TOO_FEW_FEATURES(0x07, "too few feature points to generate a template"),
    NO_MATCH(0x08, "the two templates do not match"),
    NOT_FOUND(0x09, "no matching template in the library"),
    MERGE_FAILED(0x0A, "failed to combine the character files"),
    BAD_PAGE(0x0B, "page id beyond the library"),
    READ_ERROR(0x0C, "error reading the template from the library, or invalid template"),
    UPLOAD_FEATURE_FAILED(0x0D, "error uploading the template"),
    CANNOT_RECEIVE_PACKET(0x0E, "module cannot receive the following data packets"),
    UPLOAD_IMAGE_FAILED(0x0F, "error uploading the image"),
    DELETE_FAILED(0x10, "failed to delete the template"),
    CLEAR_FAILED(0x11, "failed to clear the library"),
    WRONG_PASSWORD(0x13, "wrong password"),
    NO_VALID_IMAGE(0x15, "no valid primary image in the image buffer"),
    FLASH_ERROR(0x18, "error writing the flash"),
    INVALID_REGISTER(0x1A, "invalid register number"),
    ADDRESS_ERROR(0x20, "address code error"),
    PASSWORD_NOT_VERIFIED(0x21, "password must be verified first"),
    /** Any code not listed above; the reply's raw byte tells which. */
    UNDOCUMENTED(-1, "a confirmation code the module documentation does not list");

    private final int code;
    private final String meaning;

    ConfirmationCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The byte on the wire ({@code -1} for {@link #UNDOCUMENTED}). */
    public int code() {
        return code;
    }

    /** What the code means, in words. */
    public String meaning() {
        return meaning;
    }

    /** The documented code for {@code code} (0..255), or {@link #UNDOCUMENTED}. */
    public static ConfirmationCode of(int code) {
        for (ConfirmationCode value : values()) {
            if (value.code == code && value != UNDOCUMENTED) {
                return value;
            }
        }
        return UNDOCUMENTED;
    }
}
