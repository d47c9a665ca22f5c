package io.customerhub.resolve.standardize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups of names that name the same: given names and their nicknames (William, Bill, Billy, Will;
 * conf/nicknames.txt), family names and their other spellings (Chen, Chan, Tan; Lee, Yi, Rhee;
 * conf/surname-variants.txt). One group per line, {@code formal: variant, variant}; '#' starts a comment. A name
 * may sit in several groups (Ally: Alexandra and Allison), so two names are related when they share any group.
 */
public final class NameGroups {

  private static final NameGroups NONE = new NameGroups(Map.of(), List.of());

  private final Map<String, int[]> groups;
  private final List<String> heads;

  private NameGroups(Map<String, int[]> groups, List<String> heads) {
    this.groups = groups;
    this.heads = heads;
  }

  public static NameGroups none() {
    return NONE;
  }

  public static NameGroups load(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  public static NameGroups parse(List<String> lines) {
    Map<String, List<Integer>> byName = new HashMap<>();
    List<String> heads = new ArrayList<>();
    int group = 0;
    for (String raw : lines) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip().toLowerCase(Locale.ROOT);
      if (line.isEmpty()) continue;
      String[] names = line.split("[:,]");
      if (names.length == 0 || names[0].isBlank()) continue; // ":" alone, or ": robert": a group without its name
      heads.add(names[0].strip().replace(" ", ""));
      for (String name : names) {
        String n = name.strip().replace(" ", "");
        if (!n.isEmpty()) byName.computeIfAbsent(n, k -> new ArrayList<>()).add(group);
      }
      group++;
    }
    Map<String, int[]> out = new HashMap<>();
    byName.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
    return new NameGroups(Map.copyOf(out), List.copyOf(heads));
  }

  /** True when the two (standardized, space-free) given names share a nickname group. */
  public boolean related(String a, String b) {
    int[] ga = groups.get(a);
    if (ga == null) return false;
    int[] gb = groups.get(b);
    if (gb == null) return false;
    for (int x : ga) for (int y : gb) if (x == y) return true;
    return false;
  }

  /** The formal names of the groups this name is in (bill → william), for blocking keys; empty if none. */
  public List<String> formalNames(String name) {
    int[] g = name == null ? null : groups.get(name);
    if (g == null) return List.of();
    List<String> out = new ArrayList<>(g.length);
    for (int i : g) out.add(heads.get(i));
    return out;
  }

  public int size() {
    return groups.size();
  }

  /**
   * Every name with the formal names of its groups, in name order: the same text for two tables that relate the
   * same names however their files are laid out, so that a fingerprint of standardization changes only with them.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (String name : new TreeSet<>(groups.keySet())) {
      sb.append(name).append('=').append(String.join(",", new TreeSet<>(formalNames(name)))).append(';');
    }
    return sb.toString();
  }
}
