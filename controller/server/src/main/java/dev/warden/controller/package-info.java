/**
 * The Warden controller: the policy decision point and system of record. {@link dev.warden.controller.Application}
 * starts it; {@code ControllerStartup} builds the access index, seeds the demo site when asked, and bootstraps the
 * first administrator. Each capability lives in its own sub-package (site, door, person, credential, schedule,
 * access, decision, event, operator, demo; MQTT in broker and mqtt).
 */
package dev.warden.controller;
