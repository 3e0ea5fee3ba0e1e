/**
 * The console's only way to the controller: the {@link dev.warden.ui.client.ControllerClient} port, named by
 * what the console needs (sign in, recent events, doors, the live event stream), and the records it speaks in.
 *
 * <p>The console holds no policy: every decision, every role check that matters and every record lives in the
 * controller; this package only carries its answers. No Vaadin, Spring or HTTP type appears here, so views are
 * tested against an in-memory fake and the HTTP adapter ({@code client.http}) against a real HTTP server.
 */
package dev.warden.ui.client;
