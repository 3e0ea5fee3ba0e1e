package dev.warden.agent.fingerprint;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One fingerprint module on a bus.
 *
 * @param moduleId the device id of the agent configuration (events and credentials use it)
 * @param address  the module address, 0..0xFFFFFFFF (factory default 0xFFFFFFFF)
 * @param password the module password, 0..0xFFFFFFFF (factory default 0); a secret, never shown by {@link #toString()}
 */
public record FingerprintModuleSettings(String moduleId, long address, long password) {

    public FingerprintModuleSettings {
        Objects.requireNonNull(moduleId, "moduleId");
        if (moduleId.isBlank()) {
            throw new IllegalArgumentException("moduleId is blank");
        }
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("module " + moduleId + ": address must be 0..0xFFFFFFFF");
        }
        if (password < 0 || password > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("module " + moduleId + ": password must be 0..0xFFFFFFFF");
        }
    }

    /** Shows the id and address; the password is redacted. */
    @Override
    public String toString() {
        return "FingerprintModuleSettings[moduleId=" + moduleId + ", address=0x"
                + HexFormat.of().toHexDigits((int) address) + ", password=***]";
    }
}
