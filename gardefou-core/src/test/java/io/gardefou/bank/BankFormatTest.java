package io.gardefou.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV and HMA files read back what was written, and bad lines are named. */
class BankFormatTest {
  private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
  private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  private static final String MD5 = "cab08b36195edb1a1231d2d09fa450e0";
  private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static List<BankEntry> read(BankFormat format, String text, Optional<BankName> bank) throws IOException {
    List<BankEntry> entries = new ArrayList<>();
    format.read(new BufferedReader(new StringReader(text)), bank, NOW, entries::add);
    return entries;
  }

  private static String write(BankFormat format, List<BankEntry> entries) {
    StringWriter out = new StringWriter();
    entries.forEach(format.writer(out));
    return out.toString();
  }

  private static List<BankEntry> sample() {
    return List.of(
        new BankEntry(BankName.NCII_VICTIMS, BankHash.of(BankHash.Kind.PDQ, PDQ), "case 1, \"urgent\"", Instant.parse("2026-01-02T03:04:05Z")),
        new BankEntry(BankName.NCII_VICTIMS, BankHash.md5(MD5), "", Instant.parse("2026-01-02T03:04:06.5Z")),
        new BankEntry(BankName.NCII_VICTIMS, BankHash.sha256(SHA256), " padded ", NOW));
  }

  @Test
  void csvRoundTripsHashesBanksLabelsAndTimes() throws IOException {
    String csv = write(BankFormat.CSV, sample());

    assertThat(csv).startsWith("hash,bank,label,added_at\n" + PDQ + ",ncii-victims,\"case 1, \"\"urgent\"\"\",2026-01-02T03:04:05Z\n");
    assertThat(read(BankFormat.CSV, csv, Optional.empty())).isEqualTo(sample());
  }

  @Test
  void hmaRoundTripsHashesIntoTheNamedBank() throws IOException {
    String hma = write(BankFormat.HMA, sample());

    assertThat(hma).isEqualTo("pdq " + PDQ + "\nvideo_md5 " + MD5 + "\nvideo_sha256 " + SHA256 + "\n");
    assertThat(read(BankFormat.HMA, hma, Optional.of(BankName.NCII_VICTIMS)))
        .extracting(BankEntry::hash)
        .isEqualTo(sample().stream().map(BankEntry::hash).toList());
  }

  @Test
  void csvFillsAMissingBankAndTimeFromTheCaller() throws IOException {
    List<BankEntry> entries = read(BankFormat.CSV, PDQ + ",,label\n" + MD5 + "\n", Optional.of(BankName.TAKEDOWNS));

    assertThat(entries).extracting(BankEntry::bank).containsOnly(BankName.TAKEDOWNS);
    assertThat(entries).extracting(BankEntry::addedAt).containsOnly(NOW);
    assertThat(entries.get(1).hash().kind()).isEqualTo(BankHash.Kind.MD5);
  }

  @Test
  void csvRefusesARowForAnotherBankThanTheOneImported() {
    assertThatThrownBy(() -> read(BankFormat.CSV, PDQ + ",known-csam,x\n", Optional.of(BankName.TAKEDOWNS)))
        .isInstanceOf(MalformedBankFileException.class)
        .hasMessageContaining("line 1").hasMessageContaining("known-csam");
  }

  @Test
  void namesTheLineOfATruncatedHash() {
    assertThatThrownBy(() -> read(BankFormat.CSV, "hash,bank,label,added_at\n" + PDQ + ",takedowns\n" + PDQ.substring(0, 40) + ",takedowns\n", Optional.empty()))
        .isInstanceOf(MalformedBankFileException.class)
        .hasMessageStartingWith("line 3:");
  }

  @Test
  void hmaRefusesAFileWithoutABankAndAnUnknownSignalType() {
    assertThatThrownBy(() -> read(BankFormat.HMA, "pdq " + PDQ + "\n", Optional.empty()))
        .isInstanceOf(MalformedBankFileException.class).hasMessageContaining("names no bank");
    assertThatThrownBy(() -> read(BankFormat.HMA, "tlsh T1ABC\n", Optional.of(BankName.TAKEDOWNS)))
        .isInstanceOf(MalformedBankFileException.class).hasMessageContaining("tlsh");
  }
}
