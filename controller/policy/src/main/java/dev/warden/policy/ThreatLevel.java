package dev.warden.policy;

/**
 * A site's threat level. Its {@link #ordinal()} is the clearance ({@link Person#clearance()}) a person needs at a
 * threat-marked door while the level is above {@link #NORMAL}: ELEVATED 1, HIGH 2, SEVERE 3.
 */
public enum ThreatLevel {
    NORMAL,
    ELEVATED,
    HIGH,
    SEVERE
}
