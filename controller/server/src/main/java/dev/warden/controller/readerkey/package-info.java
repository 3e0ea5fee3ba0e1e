/**
 * OSDP Secure Channel base keys (SCBK): one random 16-byte key per reader, made by the controller the first time the
 * reader's edge agent asks for it and stored in table {@code reader_key}; handed only to the agent that serves the
 * reader's door. Keys are secrets: nothing in this package (or anywhere) logs one, and {@link
 * dev.warden.controller.readerkey.ReaderKeyRow#toString()} hides it.
 */
package dev.warden.controller.readerkey;
