package dev.warden.contract;

/**
 * A finger that a fingerprint module matched against its own library: the module, the library page (template slot)
 * of the match and the module's match score. The controller maps {@code (moduleId, pageId)} to a person; the score
 * is recorded, not judged (the module applies its own threshold before it reports a match).
 *
 * @param moduleId the fingerprint module's device id, as in the agent's configuration
 * @param pageId   the library page of the matching template, 0..65535
 * @param score    the module's match score, 0..65535
 */
public record FingerprintMatch(String moduleId, int pageId, int score) {
    public static final int MAX_PAGE_ID = 0xFFFF;
    public static final int MAX_SCORE = 0xFFFF;

    public FingerprintMatch {
        Messages.requireId("fingerprint.moduleId", moduleId);
        if (pageId < 0 || pageId > MAX_PAGE_ID) {
            throw new IllegalArgumentException("fingerprint.pageId must be 0.." + MAX_PAGE_ID);
        }
        if (score < 0 || score > MAX_SCORE) {
            throw new IllegalArgumentException("fingerprint.score must be 0.." + MAX_SCORE);
        }
    }
}
