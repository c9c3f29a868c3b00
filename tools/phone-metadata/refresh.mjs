// Refreshes AskPro's phone numbering data from the pinned npm packages (package.json):
//  1. AskPro.Core/PhoneNumbers/metadata.max.json  <- libphonenumber-js (MIT; data from Google's
//     libphonenumber, Apache-2.0), embedded in AskPro.Core. Production needs no Node.
//  2. AskPro.Tests/PhoneNumbers/corpus.json       <- answers of google-libphonenumber (Google's
//     own code) for every region's example numbers and >= 10,000 random DACH inputs.
// Usage: cd tools/phone-metadata && npm ci && npm run refresh
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lpn = require('google-libphonenumber');
const util = lpn.PhoneNumberUtil.getInstance();
const { PhoneNumberFormat: Fmt, PhoneNumberType: Type } = lpn;

const metadata = readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8');
writeFileSync(join(root, 'AskPro.Core', 'PhoneNumbers', 'metadata.max.json'), metadata);

const typeNames = new Map(Object.entries(Type).map(([name, value]) => [value, name]));

// What Google's library says about one input in one default region.
function ask(input, region) {
  const entry = { input, region };
  try {
    const number = util.parseAndKeepRawInput(input, region);
    entry.valid = util.isValidNumber(number);
    if (entry.valid) {
      entry.e164 = util.format(number, Fmt.E164);
      entry.type = typeNames.get(util.getNumberType(number));
      entry.national = util.format(number, Fmt.NATIONAL);
      entry.international = util.format(number, Fmt.INTERNATIONAL);
      entry.numberRegion = util.getRegionCodeForNumber(number);
    }
  } catch (error) {
    entry.valid = false;
    entry.error = String(error.message ?? error);
  }
  return entry;
}

// A small deterministic generator, so the corpus only changes when the libraries do.
let seed = 20261122;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const digits = (n) => Array.from({ length: n }, () => random(10)).join('');

const cases = [];
for (const region of util.getSupportedRegions()) {
  for (const type of Object.values(Type)) {
    const example = util.getExampleNumberForType(region, type);
    if (!example) continue;
    const e164 = util.format(example, Fmt.E164);
    cases.push(ask(e164, region));
    cases.push(ask(util.format(example, Fmt.NATIONAL), region));
  }
}

const dach = { DE: '49', AT: '43', CH: '41' };
const spellings = [
  (cc, nsn) => '0' + nsn,
  (cc, nsn) => `+${cc}${nsn}`,
  (cc, nsn) => `00${cc} ${nsn.slice(0, 3)} ${nsn.slice(3)}`,
  (cc, nsn) => `+${cc} (0)${nsn.slice(0, 2)} ${nsn.slice(2)}`,
  (cc, nsn) => `0${nsn.slice(0, 3)}-${nsn.slice(3)}`,
  (cc, nsn) => `(0${nsn.slice(0, 4)}) ${nsn.slice(4, 7)} ${nsn.slice(7)}`,
  (cc, nsn) => `${cc}${nsn}`,
  (cc, nsn) => nsn,
];
const leads = ['15', '16', '17', '30', '40', '89', '69', '221', '800', '900', '180', '32', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '43', '44', '66', '76', '79', '78', '91', '664', '650', '676', '699', '720', '810'];
const dachStart = cases.length;
while (cases.length - dachStart < 10500) {
  const region = ['DE', 'AT', 'CH'][random(3)];
  const nsn = leads[random(leads.length)] + digits(3 + random(10));
  const spell = spellings[random(spellings.length)];
  const inputRegion = random(5) === 0 ? ['DE', 'AT', 'CH'][random(3)] : region;
  cases.push({ ...ask(spell(dach[region], nsn), inputRegion), dach: true });
}

const corpus = {
  generatedWith: {
    'google-libphonenumber': require('google-libphonenumber/package.json').version,
    'libphonenumber-js': require('libphonenumber-js/package.json').version,
  },
  cases,
};
writeFileSync(join(root, 'AskPro.Tests', 'PhoneNumbers', 'corpus.json'), JSON.stringify(corpus, null, 0).replace(/},{/g, '},\n{'));
console.log(`metadata ${metadata.length} bytes; corpus ${cases.length} cases (${cases.length - dachStart} DACH, ${cases.filter(c => c.valid).length} valid)`);
