/** Adapters from the agent's decoding ports to the shared device protocol codecs (warden-device-codecs). */
package dev.warden.agent.codec;
