package io.customerhub.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * What is really true of one generated customer, to judge a profile's golden values against: the spellings of
 * each name part that are right (the romanized name and, for a Chinese person, its hanzi; 吕 also as Lu, Lv and
 * Lü), the birth date and the ids. A nickname, a typo or a swapped name part is none of them.
 */
public record TrueIdentity(String entityId, List<String> givenNames, List<String> familyNames, String birthDate,
                           String nationalId, String taxId) {

  public TrueIdentity {
    givenNames = List.copyOf(givenNames);
    familyNames = List.copyOf(familyNames);
  }

  /** A full name is right in either order of a right given and family name (Zhang Wei, Wei Zhang, 张伟). */
  public List<String> fullNames() {
    List<String> out = new ArrayList<>();
    for (String g : givenNames) {
      for (String f : familyNames) {
        out.add(g + " " + f);
        out.add(f + " " + g);
      }
    }
    return out;
  }

  static TrueIdentity of(Entity e) {
    if (e instanceof Entity.Org o) return new TrueIdentity(o.id(), List.of(), List.of(), null, null, o.taxId());
    Entity.Person p = (Entity.Person) e;
    List<String> given = new ArrayList<>(List.of(p.given()));
    if (p.givenHan() != null) given.add(p.givenHan());
    List<String> family = new ArrayList<>(List.of(p.family()));
    if (p.familyHan() != null) family.add(p.familyHan());
    if (p.family().equals("Lyu")) family.addAll(ErrorInjector.LYU_SPELLINGS);
    return new TrueIdentity(p.id(), given, family, p.birthDate().toString(), p.nationalId(), null);
  }
}
