/**
 * Synthetic customer data with ground truth, for tests, the demo and quality evaluations; pure Java, no I/O
 * except in {@link io.customerhub.generate.DatasetWriter}.
 *
 * <h2>What is generated</h2>
 * <ul>
 *   <li><b>Entities</b>: persons (60% Chinese with hanzi and pinyin names, 28% English/European, 12% Indian,
 *       Korean, Vietnamese, Spanish, Russian, and people of Hong Kong, Taiwan and Japan, whose names in Chinese
 *       characters go with Cantonese, Wade-Giles and Hepburn spellings and, for Japanese, katakana readings)
 *       with realistic surname and given-name frequencies, so that distinct
 *       people share names; 3% namesakes (same name and city) and 3% household members (same family name,
 *       address, often a shared landline) make distinct entities collide. Organizations (75% Chinese with a
 *       registered hanzi name and a GB 32100 credit code, 25% foreign), some sharing trade names across cities.
 *       The risk feed also knows organizations that are no customers (10% of {@code orgs}).</li>
 *   <li><b>CRM and ERP records</b> ({@code crm}, {@code erp}): one per customer, more for exactly
 *       {@code round(dupRate × customers)} of them, spread over both systems and within one. Ids are shuffled
 *       ({@code C-100001…}, {@code K-700001…}); some records link to their counterpart in the other system.</li>
 *   <li><b>Orders</b> ({@code orders}, ids {@code O-1000001…} in order-time order): Poisson(3) per person,
 *       Poisson(6) per organization within the two years before {@code asOf}, some customers dormant or new,
 *       3% heavy returners; 4% of person orders are guest orders carrying name, e-mail, phone and shipping address
 *       instead of {@code customerRef}.</li>
 *   <li><b>Risk feed</b> ({@code risk}, ids {@code R-500001…}): 35% of customer organizations, the market-only
 *       organizations and 1% of persons, with litigation and enforcement counts, registered capital, actual
 *       controller, debt and overdue flags.</li>
 * </ul>
 * Errors are injected per record with the probabilities of {@link io.customerhub.generate.ErrorType}. Every
 * random decision derives from the seed; an error type's decisions depend only on the seed, the record and the
 * type, so a run without errors yields exactly the clean version of each record of a run with errors.
 *
 * <h2>Record shape</h2>
 * The canonical JSON of design.md 1.2, fields in this order. Identity records (CRM, ERP, risk) always carry every
 * key: {@code source, sourceId, kind, updatedAt, deleted, givenName, familyName, fullName, orgName, taxId,
 * nationalId, birthDate, emails, phones, addresses[{line1,line2,city,region,postcode,country}], links[{source,
 * sourceId}], attributes}; absent values are {@code null} or empty lists. CRM attributes: {@code segment},
 * {@code consent}; ERP: {@code creditLimit, overdueAmount, overdueDays, openReceivables} (integers, CNY); risk:
 * {@code litigationCount, enforcementCount, registeredCapital, actualController} (organizations),
 * {@code debtFlag, overdueFlag}. Orders: {@code source, sourceId, kind:"order", updatedAt, deleted,
 * customerRef{source,sourceId}|null, [givenName, familyName, emails, phones, addresses for guests], orderedAt,
 * amount (2 decimals), currency:"CNY", status, channel}.
 *
 * <h2>Files</h2>
 * See {@link io.customerhub.generate.DatasetWriter}: {@code crm|erp|orders|risk.ndjson}, {@code crm.csv},
 * {@code truth.csv}.
 */
package io.customerhub.generate;
