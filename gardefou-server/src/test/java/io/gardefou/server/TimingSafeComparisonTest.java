package io.gardefou.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Secrets are compared in time that does not depend on where they differ (no timed test can show it on a
 * shared machine, so the code is held to it): the stored hash through MessageDigest.isEqual, never an early-exit
 * comparison; the verified-key cache looks tokens up by a keyed digest, which an attacker cannot steer.
 */
class TimingSafeComparisonTest {
  private static final JavaClasses ACCOUNT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gardefou.account");

  @Test
  void theKeyHashIsComparedWithMessageDigestIsEqual() {
    classes().that().haveFullyQualifiedName("io.gardefou.account.KeyHash")
        .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
        .check(ACCOUNT);
  }

  @Test
  void noEarlyExitComparisonOfBytesInTheAccountPackage() {
    noClasses().should().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
        .orShould().callMethod(Arrays.class, "mismatch", byte[].class, byte[].class)
        .check(ACCOUNT);
  }

  @Test
  void theCacheIsKeyedByAnHmacOfTheToken() {
    classes().that().haveFullyQualifiedName("io.gardefou.account.VerifiedKeys")
        .should().callMethod(javax.crypto.Mac.class, "doFinal", byte[].class)
        .check(ACCOUNT);
  }
}
