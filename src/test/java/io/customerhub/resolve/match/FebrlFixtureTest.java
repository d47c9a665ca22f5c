package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made person records in the shape of the public FEBRL data (given_name, surname, street_number,
 * address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id), with its kinds of errors:
 * typos, joined or split words, swapped fields, swapped day/month, missing values, a changed id. Nothing
 * here resembles the synthetic generator, so it guards against tuning to one data source.
 */
class FebrlFixtureTest {

  /** rec_id (entity-role), given, surname, number, address_1, address_2, suburb, postcode, state, dob, ssn */
  private static final String[] ROWS = {
      "e1-org|mitchell|green|7|wallaby place|delmar|cleveland|2119|sa|19560409|1804974",
      "e1-dup0|mitchel|green|7|wallaby pl|delmar|cleveland|2119|sa|19560409|1804974",
      "e1-dup1|mitchell|gren||wallaby place||clevland|2191|sa|19560904|1804974",
      "e2-org|harley|mccarthy|177|pridham street|milton|marsden|3165|nsw|19080419|6089216",
      "e2-dup0|mccarthy|harley|177|pridhamstreet|milton|marsden|3165|nsw|19080419|6089261",
      "e3-org|isabelle|kaminskas|106|isis close|westholme|port augusta|2765|qld|19060622|5344955",
      "e3-dup0|isabel|kaminskas|106|isis close|westholm|port augusta|2765||19060622|",
      "e4-org|stella|chandler|50|ebden street|rosetta village|coffs harbour|6304|vic|19741215|8164610",
      "e4-dup0|stella|chandler|50|ebden street|rosetta vlilage|coffs harbour|6304|vic|19741215|8164601",
      "e5-org|connor|bishop|27|mackinnon street|jarreah|aspley|6052||19200417|8871067",
      "e5-dup0|conor|bishop|27|mackinnon st||aspley|6052||19200417|8871067",
      "e6-org|jacqueline|daykin|21|mackie crescent|logan central plaza|pottsville beach|2213|qld|19510605|1615186",
      "e6-dup0|jacquelin|daykin|21|mackie cres|logan central plaza|pottsville|2213|qld||1615186",
      "d1-org|connor|shepherd|39|burnage place|rowethorpe|winstonhills|3183|nsw|19320907|5731308",
      "d2-org|stella|chandler|12|gowrie court||kingaroy|2219|nsw|19360624|3577228",
      "d3-org|harry|stubbs|150|heard street|summerset|st agnes|5344|qld|19890526|1690126",
      "d4-org|mitchell|green|3|kent street||towradgi|3107|nsw|19940503|1232838",
      "d5-org|amber|blackwell|25|thomson street||salisbury|3188|nsw|19860325|5701396",
      "d6-org|micaela|blackwell||lewin street|rosedina|dulwich hill|4103|nsw|19791204|7856388",
      "d7-org|jack|green|7|wallaby place|delmar|cleveland|2119|sa|19890710|9924410",
  };

  static CanonicalRecord febrl(String[] f) {
    String dob = f[9].length() == 8 ? f[9].substring(0, 4) + "-" + f[9].substring(4, 6) + "-" + f[9].substring(6) : null;
    String line1 = (f[3] + " " + f[4]).strip();
    return new CanonicalRecord(new SourceKey("febrl", f[0]), Kind.PERSON, Instant.EPOCH, false, blank(f[1]),
        blank(f[2]), null, null, null, blank(f[10]), dob, List.of(), List.of(),
        List.of(new Address(blank(line1), blank(f[5]), blank(f[6]), blank(f[8]), blank(f[7]), "AU")), List.of(),
        Map.of(), null);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Test
  void findsEveryDuplicateAndNoNamesakeOrNeighbour() {
    List<CanonicalRecord> records = new ArrayList<>();
    List<String> entities = new ArrayList<>();
    for (String row : ROWS) {
      String[] f = row.split("\\|", -1);
      records.add(febrl(f));
      entities.add(f[0].substring(0, f[0].indexOf('-')));
    }
    MatchEvaluation.Result r = MatchEvaluation.run(records, entities,
        MatchingConfig.load(Path.of("conf/matching.json")));
    r.errors().forEach(System.out::println);
    assertEquals(1.0, r.precision(), "no namesake (d2, d4) or housemate (d7) merged: " + r);
    assertEquals(1.0, r.recall(), "every duplicate found: " + r);
    assertTrue(r.reviewPairs() <= 1, r.toString());
  }
}
