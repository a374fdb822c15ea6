// The check behind "no English inside the Chinese UI": Latin words in a page's text that a Chinese reader should not
// meet. Codes, plates, logins and numbers are not words: a token with a digit, a dot, an @ or a lower-case
// underscore (gz_tianhe, manager.gz_tianhe, 粤A·12345, 325Li) passes; an upper-case one with an underscore is a
// system value that leaked (CHANGES_REQUESTED) and fails, as does any other word not in the allow-list below.

/**
 * Brand, product and model names, file formats, units and the usual acronyms a Chinese dealer's staff read as they
 * are. `English` is the language switch's own label.
 */
export const LATIN_ALLOWED = new Set([
  'M4S', 'English',
  // car brands and model designations (the demo data's models are written as Chinese dealers write them)
  'BMW', 'Mercedes', 'Benz', 'Toyota', 'EQE', 'GLC', 'GLE', 'EV', 'SUV', 'MPV',
  // gearboxes, vehicle identity, files and sizes
  'CVT', 'DCT', 'VIN', 'Excel', 'JPEG', 'PNG', 'PDF', 'MB', 'KB', 'IP', 'ID',
  // the payment service the platform bills through and dealer groups receive owners' payments on (Stripe 关联账户)
  'Stripe',
  // the dealer management system, as 4S stores name it (DMS 导入, DMS 对接)
  'DMS',
  // file types as the import page names them (支持 .csv 和 .xlsx)
  'CSV', 'csv', 'xlsx',
  // the platform operator's login, shown where a member's tags, segments or campaigns name who made them (a login is a
  // name, like manager.gz_tianhe; the demo's operator made the demo data)
  'operator',
  // a member's own name as written in the demo data (members may give a name in Latin letters; it is data, not UI)
  'Lucy', 'Zhang',
]);

/** The Latin words of `text` that are neither codes nor allowed names, each once, in order of appearance. */
export function foreignWords(text) {
  const found = [];
  for (const token of text.match(/[A-Za-z0-9_.@'-]*[A-Za-z][A-Za-z0-9_.@'-]*/g) ?? []) {
    const word = token.replace(/^[.'-]+|[.'-]+$/g, '');
    if (word.length <= 1) continue; // a plate's letter, 国六 b
    if (/_/.test(word) && word === word.toUpperCase()) {
      if (!found.includes(word)) found.push(word); // a system value such as CHANGES_REQUESTED
      continue;
    }
    if (/[0-9._@]/.test(word)) continue; // a code, plate, login, model number or e-mail
    if (/^[A-HJ-NPR-Z]{17}$/.test(word)) continue; // a VIN (17 characters without I, O, Q) that happens to hold no digit
    if (LATIN_ALLOWED.has(word)) continue;
    if (!found.includes(word)) found.push(word);
  }
  return found;
}
