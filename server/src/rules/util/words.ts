// The model's instruction words come with escapes already processed but quotes kept (`"/opt/x"`);
// Docker removes the quotes when it reads ADD, COPY, WORKDIR, USER, EXPOSE. Rules that compare
// values remove them the same way.
export function dockerWordValue(word: string): string {
  let out = '';
  let quote: string | null = null;
  for (const c of word) {
    if (quote) {
      if (c === quote) quote = null;
      else out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else {
      out += c;
    }
  }
  return out;
}
