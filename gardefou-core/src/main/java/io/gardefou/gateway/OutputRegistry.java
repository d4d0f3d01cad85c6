package io.gardefou.gateway;

/**
 * Where the gateway registers each output it let through, so that "was this image made here?" can be answered later
 * by its PDQ hash (the {@code generated-outputs} bank). Called after labelling, before the client gets the image; a
 * failure fails the exchange, so that no output leaves unregistered.
 */
public interface OutputRegistry {
  void register(Provenance provenance);
}
