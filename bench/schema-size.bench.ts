// The schema package bundled alone for the browser, min+gzip. Budget ≤ 10 kB for the main entry: the types,
// the platform catalog and the business rules, all a page of widgets loads. The zod/mini schemas live in the
// `./validation` entry (the server and the SDK's lazily loaded response checks); it is measured beside it.
import { browserSize } from './support/size.js';
import { report } from './support/report.js';

const main = await browserSize(`export * from '@memberpulse/integration-schema';`, 'schema-main');
const validation = await browserSize(`export * from '@memberpulse/integration-schema/validation';`, 'schema-validation');
const both = await browserSize(`export * from '@memberpulse/integration-schema'; export * from '@memberpulse/integration-schema/validation';`, 'schema-both');
const kB = main.gzip / 1024;
report('schema-size', [
  { metric: 'schema package (catalog, rules, types), min+gzip', value: kB, unit: 'kB', budget: '≤ 10 kB', ok: kB <= 10 },
  { metric: '  minified', value: main.raw / 1024, unit: 'kB' },
  { metric: 'schema/validation entry (zod/mini schemas, parser), min+gzip', value: validation.gzip / 1024, unit: 'kB' },
  { metric: 'both entries together, min+gzip', value: both.gzip / 1024, unit: 'kB' },
]);
