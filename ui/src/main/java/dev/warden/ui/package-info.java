/**
 * The Warden console: a Vaadin Flow application on Spring Boot that shows the controller's live events and door
 * states to guards. It talks only to the controller's REST API ({@code client}) and holds no policy of its own.
 *
 * <p>This package holds the application shell ({@link dev.warden.ui.WardenConsole}: server push, Lumo) and the
 * wiring ({@link dev.warden.ui.ConsoleConfiguration}); each capability has its own package: {@code signin},
 * {@code live}, {@code door}, and {@code shell} for the frame around the signed-in views.
 */
package dev.warden.ui;
