package io.gardefou.gateway;

import io.gardefou.hash.Pdq;
import io.gardefou.bank.BankDetector;
import io.gardefou.hash.PdqHash;
import io.gardefou.hash.PdqResult;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageError;
import io.gardefou.image.XmpPackets;
import io.gardefou.model.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels every output that output screening allowed, and registers it: embeds the IPTC digital source type
 * {@code trainedAlgorithmicMedia} and Garde-fou's {@link Provenance} record as XMP (pixels untouched), then hands the
 * record to the {@link OutputRegistry}. Placed around output screening, so it sees allowed outputs only.
 *
 * <p>The PDQ hash is the one the {@code hashes} detector recorded in the output's verdict; a screener without that
 * detector gets it computed here. Labelling does not change pixels, so the hash holds for the labelled file.
 */
final class LabelOutputs implements Stage {
  private final ImageDecoder decoder;
  private final OutputRegistry registry;
  private final Clock clock;

  LabelOutputs(ImageDecoder decoder, OutputRegistry registry, Clock clock) {
    this.decoder = decoder;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    Outcome screened = next.proceed(call);
    if (!(screened instanceof Outcome.Produced produced)) {
      return screened;
    }
    List<GeneratedImage> labelled = new ArrayList<>(produced.images().size());
    for (GeneratedImage image : produced.images()) {
      // Fail closed: an output that reached here without the verdict that allowed it was never screened.
      Verdict verdict = image.verdict().orElseThrow(
          () -> new IllegalStateException("an output reached labelling without its screening verdict"));
      Provenance provenance = new Provenance(
          call.requestId(), verdict.decisionId(), verdict.policyVersion(), pdq(image, verdict), clock.instant());
      byte[] bytes;
      try {
        bytes = XmpPackets.embed(image.image().bytes(), provenance.xmpPacket());
      } catch (ImageError e) {
        throw UpstreamException.unavailable("the upstream returned an image that cannot be labelled: " + e.getMessage());
      }
      registry.register(provenance);
      labelled.add(image.withBytes(bytes));
    }
    return new Outcome.Produced(produced.requestId(), produced.created(), labelled, produced.withheld());
  }

  private PdqResult pdq(GeneratedImage image, Verdict verdict) {
    var hash = verdict.signals().fact(BankDetector.FACT_HASH);
    var quality = verdict.signals().fact(BankDetector.FACT_QUALITY);
    if (hash.isPresent() && quality.isPresent()) {
      return new PdqResult(PdqHash.fromHex(hash.get()), Integer.parseInt(quality.get()));
    }
    return Pdq.hash(decoder.decode(image.image()).image());
  }
}
