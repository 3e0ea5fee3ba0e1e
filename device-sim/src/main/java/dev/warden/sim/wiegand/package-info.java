/** The simulator's own, deliberately independent Wiegand encoding (H10301), used to send raw bits like a real reader. */
package dev.warden.sim.wiegand;
