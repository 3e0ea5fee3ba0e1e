/**
 * Pure device protocol codecs owned by the edge agent: one subpackage per protocol
 * ({@code wiegand} first). Codecs do no I/O and return values or typed errors, never null.
 */
package dev.warden.codec;
