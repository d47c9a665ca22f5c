package io.customerhub.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revocations in force, as one immutable snapshot: a request's token is checked against it by its id and its
 * subject, two map lookups on the path of every call.
 */
public final class Revocations {

  public static final Revocations NONE = new Revocations(List.of());

  private final List<Revocation> all;
  private final Map<String, Revocation> byTokenId = new HashMap<>();
  /** The latest revocation of each subject: it covers every token an earlier one covered. */
  private final Map<String, Revocation> bySubject = new HashMap<>();

  private Revocations(List<Revocation> all) {
    this.all = List.copyOf(all);
    for (Revocation r : all) {
      if (r.tokenId() != null) byTokenId.put(r.tokenId(), r);
      else bySubject.merge(r.subject(), r, (a, b) -> a.issuedBefore().isAfter(b.issuedBefore()) ? a : b);
    }
  }

  public static Revocations of(List<Revocation> revocations) {
    return revocations.isEmpty() ? NONE : new Revocations(revocations);
  }

  /** The revocation that covers a token with these claims (any may be null), if one does. */
  public Optional<Revocation> revoking(String jti, String sub, Long issuedAtSeconds) {
    Revocation r = jti == null ? null : byTokenId.get(jti);
    if (r != null) return Optional.of(r);
    r = sub == null ? null : bySubject.get(sub);
    return r != null && r.revokes(jti, sub, issuedAtSeconds) ? Optional.of(r) : Optional.empty();
  }

  /** These and {@code added}. */
  public Revocations with(Revocation added) {
    List<Revocation> more = new ArrayList<>(all);
    more.add(added);
    return new Revocations(more);
  }

  /** These without the one of id {@code id}. */
  public Revocations without(long id) {
    return of(all.stream().filter(r -> r.id() != id).toList());
  }

  /** Every revocation in force, as read. */
  public List<Revocation> all() {
    return all;
  }
}
