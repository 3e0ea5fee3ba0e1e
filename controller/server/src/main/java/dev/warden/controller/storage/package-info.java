/**
 * Storage set-up shared by all capabilities: where the H2 file lives. The schema itself is in
 * {@code db/migration} (Flyway, portable between H2 and PostgreSQL); each capability owns its rows and repositories.
 */
package dev.warden.controller.storage;
