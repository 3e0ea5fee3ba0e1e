package dev.warden.policy;

/**
 * What a fingerprint module reports for a matched finger, and what a {@link Fingerprint} is looked up by: the
 * module's device id and the page (template slot) of its library that matched.
 *
 * @param moduleId non-blank id of the fingerprint module
 * @param pageId   library page, {@code 0..65535}
 */
public record FingerprintKey(String moduleId, int pageId) {

    public static final int MAX_PAGE_ID = 0xFFFF;

    public FingerprintKey {
        moduleId = Checks.nonBlank(moduleId, "FingerprintKey.moduleId");
        if (pageId < 0 || pageId > MAX_PAGE_ID) {
            throw new IllegalArgumentException("FingerprintKey.pageId must be 0.." + MAX_PAGE_ID + ", was " + pageId);
        }
    }

    @Override
    public String toString() {
        return moduleId + "#" + pageId;
    }
}
