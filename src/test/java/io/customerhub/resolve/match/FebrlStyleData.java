package io.customerhub.resolve.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Person rows in the shape of the public FEBRL benchmark (febrl4: every original has one duplicate), written
 * here because the project's own generator is Chinese-centric and the product will be judged on unseen Western
 * data. Rows are the pipe-separated format of {@link FebrlFixtureTest#febrl}: rec_id, given_name, surname,
 * street_number, address_1, address_2, suburb, postcode, state, date_of_birth (YYYYMMDD), soc_sec_id.
 * Names are drawn with a Zipf-like skew so that namesakes occur as in a phone book; a duplicate gets 1–3 of
 * FEBRL's kinds of modification. Deterministic for a seed.
 */
final class FebrlStyleData {

  private static final String[] GIVEN = words("""
      jack james thomas william joshua lachlan benjamin samuel daniel ethan matthew ryan liam nicholas alexander
      jordan luke jacob michael dylan harrison connor riley cooper oliver joel mitchell blake jayden tyler jackson
      patrick isaac callum aidan kyle brodie hayden bailey zachary noah christopher nathan jake lucas david andrew
      adam cameron max harry charlie henry george edward john peter paul mark stephen robert richard anthony
      kevin brian gary wayne craig shane darren brett glenn scott trent dean troy grant rhys declan angus hamish
      fraser archie oscar toby hugo lewis owen seth kai jasper finn leo xavier sebastian dominic marcus vincent
      emily chloe jessica sarah olivia hannah sophie emma georgia isabella grace mia ella lauren rebecca amy
      jasmine madison caitlin brooke laura samantha ashley tayla stephanie rachel jade amelia charlotte zoe ruby
      holly abbey kate alyssa courtney tahlia isabelle lily ava matilda eliza imogen phoebe scarlett stella amber
      jacqueline michelle nicole melissa kylie tracey karen lisa julie helen susan margaret elizabeth mary anne
      patricia jennifer kimberley natalie danielle renee leanne belinda kirsty alana bianca paige tegan erin
      shannon kelsey jaimee kiara leah maddison alice annabelle claudia victoria sienna summer willow harper evie
      freya hayley naomi tessa lucy molly poppy heidi bethany joanne catherine kathleen deborah sharon wendy
      gemma marissa rosie violet edith irene doreen beryl norma shirley joyce gwen""");

  private static final String[] SURNAMES = words("""
      smith jones williams brown wilson taylor johnson white martin anderson thompson nguyen thomas walker harris
      lee ryan robinson kelly king davis wright evans roberts green hall wood jackson clarke patel khan lewis
      james phillips mitchell turner baker young hill scott campbell cooper moore morris edwards ward murphy
      stewart allen bell hughes watson cook carter collins murray morgan clark young russell parker price kennedy
      ross graham cox richardson wallace gray mills bennett shaw reid jenkins hunt ellis marshall wells knight
      hamilton mason fraser simpson henderson sullivan lloyd webb burns palmer chapman harvey holmes stevens
      dixon hunter spencer fletcher gibson butler grant barnes mcdonald mckenzie mclean macdonald obrien oconnor
      byrne doyle walsh quinn brennan gallagher dunn fitzgerald hayes lynch mcCarthy mcgrath nolan power regan
      shepherd bishop chandler blackwell stubbs daykin kaminskas pridham rowe weir tucker woods cross fox hart
      lane curtis booth armstrong pearce dawson black field perry reynolds saunders howard grey day lambert
      matthews hudson francis barker hart stone page cole holland burke bailey sharp wheeler moss barrett
      ferguson lawrence hicks knowles dean gardner oliver kerr chambers watts payne newman warren atkinson
      douglas riley jordan mcintyre mcpherson buchanan sinclair crawford kaur singh tran pham le papadopoulos
      rossi russo ferrari romano costa silva zhang wang chen schmidt muller weber becker wagner schultz kovac
      novak jovanovic horvat nielsen hansen larsen olsen andersen johansson lindqvist berg""");

  private static final String[] STREETS = words("""
      wallaby pridham isis ebden mackinnon mackie burnage gowrie heard kent thomson lewin banksia waratah
      wattle acacia jacaranda bottlebrush grevillea boronia kurrajong coolabah ironbark stringybark messmate
      mulga myall tuart karri jarrah marri yarran gidgee brigalow belah bimble boree carbeen cooba dawson
      flinders hume sturt mitchell leichhardt eyre kennedy forrest giles stuart burke wills lawson blaxland
      wentworth macquarie bligh hunter phillip king darling bourke gipps fitzroy denison young belmore
      robinson hampden loftus duff gowrie lamington chelmsford forster davidson strickland""");
  private static final String[] STREET_TYPES = words("street street street road road avenue place crescent court close drive circuit parade way lane terrace");
  private static final String[] PROPERTIES = words("""
      delmar milton westholme rosetta jarreah rowethorpe summerset rosedina kooringal yarrabee wirrinya
      glenroy bellevue fairview hillcrest lakeside riverview brookfield oakdale kingsley""");
  private static final String[] SUBURBS = words("""
      cleveland marsden aspley salisbury towradgi kingaroy winstonhills dulwich_hill port_augusta coffs_harbour
      pottsville_beach st_agnes toowoomba ballarat bendigo geelong wollongong newcastle gosford penrith
      parramatta blacktown campbelltown liverpool hornsby chatswood manly bondi randwick marrickville
      fremantle joondalup rockingham mandurah bunbury albany geraldton kalgoorlie broome karratha
      townsville cairns mackay rockhampton bundaberg hervey_bay gladstone ipswich logan redcliffe
      caboolture maroochydore noosa_heads caloundra southport burleigh_heads tweed_heads lismore grafton
      armidale tamworth dubbo orange bathurst goulburn wagga_wagga albury shepparton mildura warrnambool
      traralgon sale bairnsdale morwell hobart launceston devonport burnie darwin palmerston alice_springs
      katherine canberra belconnen tuggeranong queanbeyan adelaide elizabeth mount_gambier whyalla
      port_lincoln murray_bridge victor_harbor gawler""");
  private static final String[] STATES = words("nsw nsw nsw vic vic vic qld qld wa sa tas act nt");
  private static final String[] OCR = {"m", "rn", "rn", "m", "cl", "d", "d", "cl", "h", "b", "b", "h", "l", "i",
      "i", "l", "u", "v", "v", "u", "e", "c", "o", "0", "0", "o", "1", "7", "7", "1", "5", "s", "8", "3", "3", "8"};
  private static final String[] PHONETIC = {"ph", "f", "f", "ph", "c", "k", "k", "c", "ie", "y", "y", "ie", "ee",
      "ea", "ou", "ow", "son", "sen", "sen", "son", "mac", "mc", "mc", "mac", "ll", "l", "tt", "t", "nn", "n",
      "ck", "k", "ey", "ie", "ei", "ie", "z", "s", "s", "z", "th", "t", "w", "wh", "ae", "e", "ne", "n"};
  private static final String[][] ABBREVIATIONS = {{"street", "st"}, {"road", "rd"}, {"avenue", "ave"},
      {"place", "pl"}, {"crescent", "cres"}, {"court", "ct"}, {"close", "cl"}, {"drive", "dr"},
      {"circuit", "cct"}, {"parade", "pde"}, {"lane", "ln"}, {"terrace", "tce"}};
  private static final String KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm";

  private final Random rnd;
  private final double[] givenCdf = zipf(GIVEN.length);
  private final double[] surnameCdf = zipf(SURNAMES.length);

  FebrlStyleData(long seed) {
    rnd = new Random(seed);
  }

  /** {@code originals} rows "e{n}-org|…", each followed by one "e{n}-dup0|…" with 1–3 modifications. */
  List<String[]> generate(int originals) {
    List<String[]> rows = new ArrayList<>();
    for (int n = 0; n < originals; n++) {
      String[] org = original("e" + n + "-org", 1_000_000 + rnd.nextInt(9_000_000));
      String[] dup = org.clone();
      dup[0] = "e" + n + "-dup0";
      int changes = 1 + rnd.nextInt(3);
      for (int c = 0; c < changes; c++) modify(dup);
      rows.add(blanks(org));
      rows.add(blanks(dup));
    }
    return rows;
  }

  private String[] original(String id, int ssn) {
    String suburb = SUBURBS[rnd.nextInt(SUBURBS.length)].replace('_', ' ');
    // postcode and state follow the suburb, as in a real address (FEBRL's own tables draw them apart)
    int h = Math.abs(suburb.hashCode());
    String postcode = String.valueOf(2000 + h % 6000);
    String state = STATES[h % STATES.length];
    // FEBRL originals are not complete either: address_2 is mostly empty, other fields now and then
    return new String[] {id, sometimes(0.98, pick(GIVEN, givenCdf)), sometimes(0.99, pick(SURNAMES, surnameCdf)),
        sometimes(0.96, String.valueOf(1 + (int) Math.floor(Math.pow(rnd.nextDouble(), 2.5) * 300))),
        sometimes(0.98, pick(STREETS) + " " + pick(STREET_TYPES)), sometimes(0.35, pick(PROPERTIES)),
        sometimes(0.98, suburb), sometimes(0.99, postcode), sometimes(0.95, state),
        sometimes(0.98, String.format("%04d%02d%02d", 1920 + rnd.nextInt(86), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))),
        sometimes(0.98, String.valueOf(ssn))};
  }

  /** One FEBRL-style modification; fields are picked with FEBRL's emphasis on names. */
  private void modify(String[] r) {
    double p = rnd.nextDouble();
    if (p < 0.05) {
      String g = r[1];
      r[1] = r[2];
      r[2] = g;
    } else if (p < 0.10 && r[9] != null && r[9].matches("\\d{6}(0[1-9]|1[0-2])")) {
      r[9] = r[9].substring(0, 4) + r[9].substring(6) + r[9].substring(4, 6);
    } else if (p < 0.17 && r[10] != null) {
      r[10] = typo(r[10], true);
    } else if (p < 0.24 && r[4] != null) {
      r[4] = abbreviate(r[4]);
    } else {
      int f = field();
      if (r[f] == null) return;
      double kind = rnd.nextDouble();
      boolean digits = f == 3 || f == 7 || f == 9 || f == 10;
      if (kind < 0.15) r[f] = null;
      else if (kind < 0.30) r[f] = replace(r[f], OCR);
      else if (kind < 0.45 && !digits) r[f] = replace(r[f], PHONETIC);
      else r[f] = typo(r[f], digits);
      if (r[f] != null && r[f].isBlank()) r[f] = null;
    }
  }

  /** given 0.2, surname 0.2, number, address_1, address_2, suburb, postcode 0.1 each, state and dob 0.05 each. */
  private int field() {
    double p = rnd.nextDouble();
    if (p < 0.2) return 1;
    if (p < 0.4) return 2;
    if (p < 0.9) return 3 + (int) ((p - 0.4) / 0.1);
    return p < 0.95 ? 8 : 9;
  }

  /** Insert, delete, substitute (a keyboard neighbour) or transpose one character. */
  private String typo(String s, boolean digits) {
    int i = rnd.nextInt(s.length());
    char c = digits ? (char) ('0' + rnd.nextInt(10)) : neighbour(s.charAt(i));
    return switch (rnd.nextInt(4)) {
      case 0 -> s.substring(0, i) + c + s.substring(i);
      case 1 -> s.length() <= 2 ? s : s.substring(0, i) + s.substring(i + 1);
      case 2 -> s.substring(0, i) + c + s.substring(i + 1);
      default -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
    };
  }

  private char neighbour(char c) {
    int k = KEYBOARD.indexOf(c);
    if (k < 0) return (char) ('a' + rnd.nextInt(26));
    int j = k + (rnd.nextBoolean() ? 1 : -1);
    return j < 0 || j >= KEYBOARD.length() || KEYBOARD.charAt(j) == ' ' ? KEYBOARD.charAt(k) : KEYBOARD.charAt(j);
  }

  /** Replaces one occurrence of a pattern from {@code pairs} (from, to, from, to, …); a typo when none occurs. */
  private String replace(String s, String[] pairs) {
    int start = rnd.nextInt(pairs.length / 2);
    for (int n = 0; n < pairs.length / 2; n++) {
      int k = 2 * ((start + n) % (pairs.length / 2));
      int at = s.indexOf(pairs[k]);
      if (at >= 0) return s.substring(0, at) + pairs[k + 1] + s.substring(at + pairs[k].length());
    }
    return typo(s, false);
  }

  /** "street" to "st" and the like, or the words run together ("pridhamstreet") as FEBRL does. */
  private String abbreviate(String s) {
    for (String[] a : ABBREVIATIONS) {
      if (s.endsWith(" " + a[0]) && rnd.nextDouble() < 0.8) return s.substring(0, s.length() - a[0].length()) + a[1];
    }
    return s.replace(" ", "");
  }

  /** Missing values as the empty strings of a FEBRL file. */
  private static String[] blanks(String[] row) {
    for (int i = 0; i < row.length; i++) if (row[i] == null) row[i] = "";
    return row;
  }

  private String sometimes(double present, String value) {
    return rnd.nextDouble() < present ? value : null;
  }

  private String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private String pick(String[] values, double[] cdf) {
    int i = java.util.Arrays.binarySearch(cdf, rnd.nextDouble());
    return values[Math.min(values.length - 1, i < 0 ? -i - 1 : i)];
  }

  /**
   * Rank r weighs 1/r^0.75: the commonest name is 8% of all, the ten commonest 31%. Heavier than a real phone
   * book (Smith about 1%) on purpose: a few hundred names stand for thousands, so namesakes are more frequent
   * than in real data, which errs on the hard side for precision.
   */
  private static double[] zipf(int n) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int r = 0; r < n; r++) cdf[r] = sum += Math.pow(r + 1, -0.75);
    for (int r = 0; r < n; r++) cdf[r] /= sum;
    return cdf;
  }

  private static String[] words(String text) {
    return text.strip().toLowerCase().split("\\s+");
  }
}
