/**
 * Credentials (badges): a card (format, facility, number — unique across all credentials), its holder, status
 * and validity window, and the {@code /api/v1/credentials} endpoints.
 */
package dev.warden.controller.credential;
