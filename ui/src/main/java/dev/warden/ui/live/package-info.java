/**
 * The live view: every access event as it happens, newest on top. It loads the newest 100 events, then follows
 * the controller's event stream on a background thread and pushes new rows to the browser (server push). It keeps
 * at most the newest {@value dev.warden.ui.live.LiveView#CAPACITY} events in memory ({@link
 * dev.warden.ui.live.NewestEvents}), so a long shift never slows it down. After every (re)connection it fetches
 * the newest page again and merges it by event id, so events that happened while the stream was down still
 * appear, and none appears twice.
 */
package dev.warden.ui.live;
