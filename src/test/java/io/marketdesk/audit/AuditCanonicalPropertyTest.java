package io.marketdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The canonical encoding of an audit entry (docs/history.md) is unambiguous: two entries that differ
 * in any field, however the fields hold line breaks, colons, digits or a lone {@code -}, never encode
 * (and so never hash) alike; equal entries always do.
 */
class AuditCanonicalPropertyTest {

  @Provide
  Arbitrary<AuditChain.Row> rows() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab:-\n1２审").ofMaxLength(6),
        Arbitraries.just((String) null),
        Arbitraries.just("-"),
        Arbitraries.just(""));
    return Combinators.combine(Arbitraries.longs().between(0, 3), text, text, text, text, text, text, text)
        .as((at, actor, source, subject, entityId, action, before, after) -> new AuditChain.Row(1, at, actor, null, source,
            null, subject, null, null, "order", entityId, action, before, after, null, null, null));
  }

  @Property(tries = 3000)
  void shouldEncodeTwoEntriesAlikeOnlyWhenTheyAreEqual(@ForAll("rows") AuditChain.Row a, @ForAll("rows") AuditChain.Row b) {
    boolean sameFields = a.equals(b);
    assertThat(java.util.Arrays.equals(AuditChain.canonical(a, AuditChain.GENESIS), AuditChain.canonical(b, AuditChain.GENESIS)))
        .isEqualTo(sameFields);
    assertThat(AuditChain.hash(a, AuditChain.GENESIS).equals(AuditChain.hash(b, AuditChain.GENESIS))).isEqualTo(sameFields);
  }

  @Property(tries = 500)
  void shouldChangeTheHashWithThePreviousHash(@ForAll("rows") AuditChain.Row a) {
    assertThat(AuditChain.hash(a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(a, "1".repeat(64)));
  }
}
